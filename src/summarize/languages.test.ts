import { describe, expect, it } from 'vitest';
import type { Article } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { summarizeArticle } from './index.js';
import { assessStandings } from './standalone.js';
import { languageProfile } from '../text/languages/index.js';

// Fictional articles written for these tests. Each sentence ending that a reader would mark is written
// out in ENDS, by hand: a summary sentence must end on one of them.
const GERMAN = [
  'LINDENAU – Die Fähre soll ab dem 1. Mai zwischen Lindenau und Hobrecht verkehren. Die Kosten von rund 4,2 Mio. Euro trägt zum größten Teil das Land.',
  'Bürgermeisterin Dr. Anna Wessel sagte, die Verbindung sei seit Jahren überfällig. „Wir haben lange gewartet“, sagte Wessel.',
  'Die alte Fähre wurde ca. 1968 gebaut und ist nicht mehr sicher. Der Gemeinderat stimmte am 14. März mit 21 zu 3 Stimmen für das Projekt.',
  'Der Landkreis rechnet mit rund 21.000 Fahrten im ersten Jahr. Für Pendler gibt es eine Monatskarte, z. B. für Schüler.',
  'Die Werft in Hobrecht hat mit dem Bau begonnen. Stapellauf ist für den 3. Februar geplant.',
].join('\n\n');
const GERMAN_ENDS = [
  'verkehren.', 'das Land.', 'überfällig.', 'sagte Wessel.', 'nicht mehr sicher.', 'für das Projekt.', 'im ersten Jahr.',
  'für Schüler.', 'begonnen.', 'geplant.',
];

const SPANISH = [
  'VILLAMAR – La junta del puerto decidió el martes mantener el horario de invierno del ferry hasta el 31 de marzo. El servicio cuesta aprox. 1,8 millones de euros al año.',
  'Los marineros piden un segundo barco desde hace tres inviernos. El barco actual es de 1987 y sufrió tres averías este año.',
  '«Hacemos lo que podemos con un barco viejo», dijo. La alcaldesa, Marta Quiroga, celebró la decisión de la junta.',
  'Un informe técnico confirma el desgaste de los motores del barco. Un buque nuevo costaría unos 9,5 millones de euros, según el informe.',
].join('\n\n');

function article(text: string, lang: string | undefined): Article {
  return {
    id: `a-${lang ?? 'none'}`,
    url: '',
    title: 'Fähre',
    byline: [],
    publisher: 'bote',
    publisherName: 'Lindenauer Bote',
    ...(lang ? { lang } : {}),
    text,
    origin: { path: '/fixtures/a.txt', kind: 'text' },
    warnings: [],
  };
}

describe('summarizeArticle in the article’s language', () => {
  it('never ends a German summary sentence inside an ordinal date, an abbreviation or a number', () => {
    const summary = summarizeArticle(article(GERMAN, 'de'));
    expect(summary.sentences.length).toBeGreaterThan(2);
    for (const s of summary.sentences) expect(GERMAN_ENDS.some((end) => s.text.endsWith(end)), s.text).toBe(true);
  });

  it('cut the same article at its ordinals and abbreviations when it did not know the language', () => {
    const cut = summarizeArticle(article(GERMAN, undefined)).sentences.filter((s) => !GERMAN_ENDS.some((end) => s.text.endsWith(end)));
    expect(cut.length).toBeGreaterThan(0);
  });

  it('keeps a quotation whose speaker only a dropped pronoun gives out of a Spanish summary', () => {
    const summary = summarizeArticle(article(SPANISH, 'es'));
    expect(summary.sentences.length).toBeGreaterThan(1);
    expect(summary.text).not.toContain('«Hacemos lo que podemos');
  });

  it('lets a sentence of “sagte er” stand only right after the sentence naming its speaker', () => {
    const text = 'Dr. Anna Wessel eröffnete die Sitzung am Morgen im Rathaus.\n\n„Wir haben lange auf diese Fähre gewartet“, sagte sie.';
    const standings = assessStandings(splitSentences(text, 'de'), { language: languageProfile('de') });
    expect(standings[1]).toMatchObject({ kind: 'needs-antecedent' });
  });

  it('excludes a German quotation whose speaker is not named nearby', () => {
    const text = 'Die Fähre fährt ab Mai zwischen den beiden Orten.\n\n„Das ist ein großer Tag für die ganze Region.“';
    const standings = assessStandings(splitSentences(text, 'de'), { language: languageProfile('de') });
    expect(standings[1]).toMatchObject({ kind: 'excluded', reason: 'quotation whose speaker is not named nearby' });
  });

  it('gives the full name at a German courtesy title, as a recorded edit', () => {
    const text = [
      'Anna Wessel, die Bürgermeisterin von Lindenau, eröffnete am Dienstag die neue Fähre nach Hobrecht im Norden.',
      'Die Fähre kostet rund 4,2 Mio. Euro und fährt alle 30 Minuten zwischen den beiden Orten.',
      'Frau Wessel sagte, die Verbindung sei für Pendler und Schüler überfällig.',
    ].join('\n\n');
    const summary = summarizeArticle(article(text, 'de'), { maxWords: 14, minWords: 14 });
    expect(summary.sentences.map((s) => [s.text, s.edits])).toEqual([
      ['Anna Wessel sagte, die Verbindung sei für Pendler und Schüler überfällig.', [{ kind: 'name', from: 'Frau Wessel', to: 'Anna Wessel', at: 0 }]],
    ]);
  });

  it('reads words of another language as the article’s: German stopwords are not its content', () => {
    const text = 'Der Rat hat die Fähre genehmigt und die Kosten von rund 4,2 Mio. Euro bewilligt.\n\nDie Fähre fährt ab Mai, die Kosten trägt das Land.';
    const summary = summarizeArticle(article(text, 'de'));
    expect(summary.sentences.map((s) => s.text)).toEqual(splitSentences(text, 'de').map((s) => s.text));
  });
});
