import { describe, expect, it } from 'vitest';
import { rankCandidates, DEFAULT_RANK_SETTINGS, DEFAULT_WEIGHTS, type RankSettings } from './index.js';
import type { Candidate, Story } from '../model.js';
import { buildDay } from '../../eval/fixtures/build-day.js';
import { EDITOR_ORDER } from '../../eval/fixtures/rank-day.js';
import { editorGains, ndcgAt } from '../../eval/ndcg.js';
import { mostCorroboratedFirst, newestFirst, ourStoryOrder } from '../../eval/rank.js';
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

  it('ranks corroborated, recent stories first, one article per story at the top, and copies last', () => {
    // x2 scores above y1 but shares x1's story: the story's second article follows the next story's lead.
    expect(ranked.map((c) => c.articleId)).toEqual(['x1', 'y1', 'x2', 'x3']);
    expect(ranked[2]!.capped).toBe('story cap: its story already has 1 in the top 10');
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

  it('shares equal components between candidates: a large run holds each once', () => {
    const boosts = ranked.map((c) => c.components.find((p) => p.name === 'boost')!);
    expect(boosts[0]!.detail).toBe('no boost rule matches');
    for (const b of boosts) expect(b).toBe(boosts[0]);
    // Different details stay apart.
    const corroboration = ranked.map((c) => c.components[0]!);
    expect(corroboration[0]).not.toBe(corroboration[1]);
  });

  it('keeps initial ranks fixed by earlier runs and numbers new articles after them', () => {
    const again = rankCandidates({ articles, stories, duplicates, initialRanks: new Map([['y1', 1], ['x1', 2]]) });
    const initial = Object.fromEntries(again.map((c) => [c.articleId, c.initialRank]));
    expect(initial).toEqual({ y1: 1, x1: 2, x2: 3, x3: 4 });
  });
});

describe('rank components', () => {
  const one = (overrides: Partial<RankSettings>, extra: Partial<Parameters<typeof rankCandidates>[0]> = {}) =>
    rankCandidates({ articles, stories, duplicates, initialRanks: new Map(), settings: { ...DEFAULT_RANK_SETTINGS, ...overrides }, ...extra });
  const component = (c: Candidate | undefined, name: string) => c!.components.find((p) => p.name === name)!;

  it('counts a copy once in corroboration', () => {
    const x2 = one({}).find((c) => c.articleId === 'x2');
    expect(component(x2, 'corroboration').detail).toBe('2 independent publishers carry the story');
    expect(component(one({}).find((c) => c.articleId === 'y1'), 'corroboration').detail).toBe('1 independent publisher carries the story');
  });

  it('weighs publishers from config, default equal', () => {
    const ranked = one({ sources: { pinecrestherald: 4 } });
    expect(component(ranked.find((c) => c.articleId === 'y1'), 'source').value).toBe(1);
    expect(component(ranked.find((c) => c.articleId === 'x1'), 'source').value).toBe(0.25);
  });

  it('scores topics by phrase, stems compared, headline above body', () => {
    const ranked = one({ topics: { 'extended hours': 1, 'word7 word8': 0.5 } });
    const y1 = component(ranked.find((c) => c.articleId === 'y1'), 'topic');
    expect(y1.detail).toBe('matches "extended hours" (headline), "word7 word8"');
    expect(y1.value).toBe(1);
    expect(component(ranked.find((c) => c.articleId === 'x1'), 'topic').value).toBe(0.25);
  });

  it('gives no novelty to a story an earlier run showed at the same size, and some when it grew', () => {
    const same = one({}, { shownSizes: new Map([['s-dam', 2]]) });
    expect(component(same.find((c) => c.articleId === 'x1'), 'novelty').value).toBe(0);
    const grew = one({}, { shownSizes: new Map([['s-dam', 1]]) });
    expect(component(grew.find((c) => c.articleId === 'x1'), 'novelty').detail).toMatch(/grew from 1 to 2/);
    expect(component(grew.find((c) => c.articleId === 'x1'), 'novelty').value).toBe(0.5);
    expect(component(grew.find((c) => c.articleId === 'y1'), 'novelty').value).toBe(1);
  });

  it('enforces diversity caps in the top N and says why a candidate moved', () => {
    const capped = one({ diversity: { topN: 2, perPublisher: 3, perStory: 1 } });
    expect(capped.slice(0, 2).map((c) => c.storyId)).toEqual(['s-dam', 's-lib']);
    expect(capped[2]).toMatchObject({ articleId: 'x2', capped: 'story cap: its story already has 1 in the top 2' });
    expect(capped[3]!.usage).toBe('duplicate');
  });
});

describe('the fixture day', () => {
  const day = buildDay();
  const { order, candidates } = ourStoryOrder(day);

  it('is big enough to mean something', () => {
    expect(day.articles.length).toBeGreaterThanOrEqual(60);
    expect(day.stories.length).toBeGreaterThanOrEqual(15);
  });

  it('puts the evacuation and the rent vote first and keeps a repeated story out of the top 10', () => {
    expect(order.slice(0, 2)).toEqual(['dam-spillway', 'rent-ordinance']);
    expect(order.indexOf('bridge-closure')).toBeGreaterThanOrEqual(10);
    expect(order.indexOf('main-street-crash')).toBeGreaterThanOrEqual(10);
  });

  it('beats newest-first and most-corroborated-first on NDCG@10 against the editor', () => {
    const gains = editorGains(EDITOR_ORDER);
    const ours = ndcgAt(10, order, gains);
    expect(ours).toBeGreaterThan(ndcgAt(10, newestFirst(day), gains));
    expect(ours).toBeGreaterThan(ndcgAt(10, mostCorroboratedFirst(day), gains));
  });

  it('explains every candidate completely: every weighted component, summing to the score', () => {
    for (const c of candidates) {
      expect(c.components.map((p) => p.name)).toEqual(Object.keys(DEFAULT_RANK_SETTINGS.weights));
      const sum = c.components.reduce((n, p) => n + p.contribution, 0);
      expect(Math.abs(sum - c.score)).toBeLessThan(1e-9);
      for (const p of c.components) expect(p.detail).not.toBe('');
    }
  });

  it('respects the default diversity caps in the top 10', () => {
    const top = candidates.slice(0, DEFAULT_RANK_SETTINGS.diversity.topN);
    const count = (key: (c: Candidate) => string): number => {
      const counts = new Map<string, number>();
      for (const c of top) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
      return Math.max(...counts.values());
    };
    expect(count((c) => c.storyId)).toBeLessThanOrEqual(DEFAULT_RANK_SETTINGS.diversity.perStory);
    expect(count((c) => day.articles.find((a) => a.id === c.articleId)!.publisher)).toBeLessThanOrEqual(DEFAULT_RANK_SETTINGS.diversity.perPublisher);
  });
});
