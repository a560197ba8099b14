import { describe, expect, it } from 'vitest';
import { rankCandidates, DEFAULT_RANK_SETTINGS } from './index.js';
import { candidateTopics, MAX_STORY_TOPICS, storyTopics } from './story-topics.js';
import type { Candidate, Story } from '../model.js';
import { makeArticle } from '../../test/helpers/articles.js';

// Fictional reports of a ferry dispute in Saltmere; the topic phrases below occur where the comments say.
const articles = [
  makeArticle({ id: 'f1', title: 'Saltmere ferry crews walk out', text: 'Deckhands began a strike over night shifts. Fares were not changed.', publisher: 'quaypost' }),
  makeArticle({ id: 'f2', title: 'Ferry strike strands island commuters', text: 'The walkout left the harbour bus full by seven.', publisher: 'islandwire' }),
  makeArticle({ id: 'f3', title: 'Harbour bus adds runs during ferry stoppage', text: 'Extra buses ran every ten minutes.', publisher: 'marshgazette' }),
];
const stories: Story[] = [{ id: 's-ferry', label: 'Saltmere ferry crews walk out', articleIds: ['f1', 'f2', 'f3'], publishers: ['islandwire', 'marshgazette', 'quaypost'] }];
const settings = { ...DEFAULT_RANK_SETTINGS, topics: { strike: 1, 'harbour bus': 0.5, 'ferry fares': 1, transport: 1 } };

describe('story topics', () => {
  const ranked = rankCandidates({ articles, stories, duplicates: [], initialRanks: new Map(), settings });
  const byId = (id: string): Candidate => ranked.find((c) => c.articleId === id)!;

  it('records the configured phrases each article matches with its topic component, stems compared', () => {
    // f1: "strike" in the body; "ferry fares" is not a phrase there ("Fares were"), "transport" nowhere.
    expect(candidateTopics(byId('f1'))).toEqual(['strike']);
    expect(candidateTopics(byId('f2'))).toEqual(['strike', 'harbour bus']);
    expect(candidateTopics(byId('f3'))).toEqual(['harbour bus']);
  });

  it('orders a story’s topics by how many of its articles match them, ties in first-mention order', () => {
    expect(storyTopics([byId('f3'), byId('f1'), byId('f2')])).toEqual(['harbour bus', 'strike']);
    expect(storyTopics([byId('f1'), byId('f3')])).toEqual(['strike', 'harbour bus']);
    expect(storyTopics([byId('f1'), byId('f2'), byId('f3')])).toEqual(['strike', 'harbour bus']);
  });

  it('has none when no topic is configured or none matches: never a publisher in their place', () => {
    const plain = rankCandidates({ articles, stories, duplicates: [], initialRanks: new Map() });
    expect(storyTopics(plain)).toEqual([]);
    expect(plain.every((c) => c.components.every((p) => p.topics === undefined))).toBe(true);
  });

  it('keeps at most MAX_STORY_TOPICS', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_STORY_TOPICS + 2 }, (_, i) => [`w${i}`, 1]));
    const wide = makeArticle({ id: 'w', title: 'Words', text: Object.keys(many).join(' '), publisher: 'quaypost' });
    const [only] = rankCandidates({ articles: [wide], stories: [], duplicates: [], initialRanks: new Map(), settings: { ...DEFAULT_RANK_SETTINGS, topics: many } });
    expect(candidateTopics(only!)).toHaveLength(MAX_STORY_TOPICS + 2);
    expect(storyTopics([only!])).toEqual(['w0', 'w1', 'w2', 'w3', 'w4']);
  });
});
