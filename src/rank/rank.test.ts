import { describe, expect, it } from 'vitest';
import { rankCandidates, DEFAULT_WEIGHTS } from './index.js';
import type { Story } from '../model.js';
import { makeArticle } from '../../test/helpers/articles.js';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

const articles = [
  makeArticle({ id: 'x1', title: 'Dam repairs begin', text: words(600), publisher: 'valleyledger', published: '2026-11-22T12:00:00Z' }),
  makeArticle({ id: 'x2', title: 'Crews start dam work', text: words(400), publisher: 'harborgazette', published: '2026-11-22T10:00:00Z' }),
  makeArticle({ id: 'y1', title: 'Library extends hours', text: words(800), publisher: 'pinecrestherald', published: '2026-11-21T12:00:00Z' }),
  makeArticle({ id: 'x3', title: 'Crews start dam work', text: words(400), publisher: 'islandwire', published: '2026-11-22T11:00:00Z' }),
];
const stories: Story[] = [
  { id: 's-dam', label: 'Dam repairs begin', articleIds: ['x1', 'x2', 'x3'], publishers: ['harborgazette', 'valleyledger'] },
  { id: 's-lib', label: 'Library extends hours', articleIds: ['y1'], publishers: ['pinecrestherald'] },
];
const duplicates = [{ originalId: 'x2', duplicateIds: ['x3'], reason: 'identical text' }];

describe('rankCandidates', () => {
  const ranked = rankCandidates({ articles, stories, duplicates, initialRanks: new Map() });

  it('ranks corroborated, recent stories first and copies last', () => {
    expect(ranked.map((c) => c.articleId)).toEqual(['x1', 'x2', 'y1', 'x3']);
    expect(ranked.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
    expect(ranked[3]).toMatchObject({ usage: 'duplicate', duplicateOf: 'x2' });
  });

  it('explains every score: contributions are value × weight and sum to the score', () => {
    for (const candidate of ranked) {
      expect(candidate.components.map((c) => c.name)).toEqual(Object.keys(DEFAULT_WEIGHTS));
      for (const c of candidate.components) expect(c.contribution).toBeCloseTo(c.value * c.weight, 3);
      const sum = candidate.components.reduce((n, c) => n + c.contribution, 0);
      expect(candidate.score).toBeCloseTo(sum, 3);
    }
    expect(ranked[0]!.components[0]!.detail).toBe('2 independent publishers carry the story');
  });

  it('keeps initial ranks fixed by earlier runs and numbers new articles after them', () => {
    const again = rankCandidates({ articles, stories, duplicates, initialRanks: new Map([['y1', 1], ['x1', 2]]) });
    const initial = Object.fromEntries(again.map((c) => [c.articleId, c.initialRank]));
    expect(initial).toEqual({ y1: 1, x1: 2, x2: 3, x3: 4 });
  });
});
