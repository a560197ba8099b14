import { describe, expect, it } from 'vitest';
import type { Candidate, Usage } from '../model.js';
import { arrange, type Decision } from './arrange.js';

const candidate = (articleId: string, rank: number, usage: Usage = 'candidate'): Candidate => ({
  articleId,
  storyId: `s-${articleId}`,
  score: 1 / rank,
  components: [],
  initialRank: rank,
  rank,
  baseRank: rank,
  usage,
});

describe('arrange', () => {
  const ranked = [candidate('a', 1), candidate('b', 2), candidate('c', 3), candidate('d', 4), candidate('e', 5, 'duplicate')];

  it('puts rejected originals after the others, copies last, and a pinned article at its place', () => {
    const decisions = new Map<string, Decision>([
      ['a', { usage: 'rejected' }],
      ['d', { pinnedRank: 1 }],
      ['c', { usage: 'selected' }],
    ]);
    const arranged = arrange(ranked, decisions);
    expect(arranged.map((c) => [c.articleId, c.rank, c.usage, c.pinned])).toEqual([
      ['d', 1, 'candidate', 1],
      ['b', 2, 'candidate', undefined],
      ['c', 3, 'selected', undefined],
      ['a', 4, 'rejected', undefined],
      ['e', 5, 'duplicate', undefined],
    ]);
    expect(arranged.map((c) => c.baseRank)).toEqual([4, 2, 3, 1, 5]);
  });

  it('leaves the candidates it was given as they were: the editor arranges stored ones', () => {
    const before = structuredClone(ranked);
    const arranged = arrange(ranked, new Map([['d', { pinnedRank: 1 }]]));
    expect(ranked).toEqual(before);
    expect(arranged.every((c) => !ranked.includes(c))).toBe(true);
  });
});
