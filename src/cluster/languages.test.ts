import { describe, expect, it } from 'vitest';
import { clusterStories } from './index.js';
import { names, wordCounts } from './vectors.js';
import { makeArticle } from '../../test/helpers/articles.js';
import { languageProfile } from '../text/languages/index.js';

// Fictional reports written for these tests: two German ones of one event, a German one of another event
// on the same beat, and a French one of a third.
const ferry = [
  makeArticle({ id: 'f1', lang: 'de', publisher: 'lindenauerbote', published: '2026-03-14T09:00:00Z', title: 'Neue Fähre für Lindenau soll ab Mai fahren',
    text: 'Zwischen Lindenau und Hobrecht soll ab dem 1. Mai eine neue Fähre verkehren. Die Kosten von rund 4,2 Mio. Euro trägt zum größten Teil das Land. Bürgermeisterin Anna Wessel sagte, die Verbindung sei überfällig.' }),
  makeArticle({ id: 'f2', lang: 'de', publisher: 'elbkurier', published: '2026-03-14T13:00:00Z', title: 'Gemeinderat Lindenau stimmt für neue Fähre nach Hobrecht',
    text: 'Der Gemeinderat in Lindenau hat die neue Fähre nach Hobrecht beschlossen. Anna Wessel, die Bürgermeisterin, sprach von einer überfälligen Verbindung. Das Land zahlt den größten Teil der Kosten.' }),
];
const flood = makeArticle({ id: 'h1', lang: 'de', publisher: 'elbkurier', published: '2026-03-14T10:00:00Z', title: 'Hochwasserschutz in Brenning wird teurer',
  text: 'Der geplante Deich am Ostufer der Wende wird deutlich teurer. Landrat Heiko Brandl will beim Land zusätzliche Mittel beantragen. Die Bauarbeiten sollen im zweiten Quartal beginnen.' });
const festival = makeArticle({ id: 'k1', lang: 'fr', publisher: 'echodeskerlouan', published: '2026-03-14T11:00:00Z', title: 'Le festival des Embruns attend 35 000 spectateurs',
  text: 'Le festival des Embruns se tiendra du 11 au 13 juillet sur la plage de Kerlouan. La directrice, Mme Léa Morvan, promet une programmation plus variée.' });

describe('clustering articles in several languages', () => {
  it('groups the two German reports of one event and keeps the other events apart', () => {
    const groups = clusterStories([...ferry, flood, festival]).map((s) => [...s.articleIds].sort()).sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
    expect(groups).toEqual([['f1', 'f2'], ['h1'], ['k1']]);
  });

  it('weighs an article’s words without its language’s function words', () => {
    const terms = [...wordCounts(ferry[1]!).keys()];
    expect(terms).toContain('fähre');
    for (const word of ['der', 'die', 'das', 'in', 'hat', 'von']) expect(terms).not.toContain(word);
    expect([...wordCounts(festival).keys()]).not.toContain('la');
  });

  it('takes names without the articles that open a German sentence', () => {
    expect(names('Die Fähre verkehrt. Anna Wessel sagte das.', languageProfile('de'))).toEqual(['anna wessel']);
    expect(names('Stadt Lindenau und Dr. Anna Wessel', languageProfile('de'))).toContain('stadt lindenau');
  });
});
