import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../index.js';
import { makeArticle } from '../../../test/helpers/articles.js';
import type { Candidate, Story } from '../../model.js';

const candidate = (articleId: string, rank: number, usage: Candidate['usage'] = 'candidate'): Candidate => ({
  articleId, storyId: 's-ferry', score: 2 - rank / 10, components: [], initialRank: rank, rank, usage,
  ...(usage === 'duplicate' ? { duplicateOf: 'a1' } : {}),
});
const story: Story = { id: 's-ferry', label: 'Ferry vote', articleIds: ['a1', 'a2', 'a3'], publishers: ['harborgazette', 'valleyledger'] };

function seeded() {
  const store = openSqliteStore(':memory:');
  const run = store.beginRun('2026-11-22T00:00:00.000Z', ['in']);
  store.saveArticles(run, ['a1', 'a2', 'a3'].map((id) => makeArticle({ id, title: `Ferry ${id}`, text: 'The board voted.' })));
  store.saveDuplicates([{ originalId: 'a1', duplicateIds: ['a3'], reason: 'identical text' }]);
  store.saveStories([story]);
  store.saveSummaries(['a1', 'a2', 'a3'].map((articleId) => ({ articleId, text: 'The board voted.', sentences: [], wordCount: 3, method: 'test' })));
  store.saveCandidates(run, [candidate('a1', 1), candidate('a2', 2), candidate('a3', 3, 'duplicate')]);
  store.saveStorySizes(run, new Map([['s-ferry', 2]]));
  store.finishRun(run, '2026-11-22T00:00:01.000Z', 3, []);
  return { store, run };
}

describe('sqlite store: editorial', () => {
  it('records usage changes with time and note, oldest first', () => {
    const { store } = seeded();
    store.setUsage(['a1'], 'selected', '2026-11-22T08:00:00.000Z', 'lead story');
    store.setUsage(['a1'], 'background', '2026-11-22T09:00:00.000Z');
    expect(store.usageHistory('a1')).toEqual([
      { articleId: 'a1', usage: 'selected', previous: 'candidate', note: 'lead story', at: '2026-11-22T08:00:00.000Z' },
      { articleId: 'a1', usage: 'background', previous: 'selected', at: '2026-11-22T09:00:00.000Z' },
    ]);
    expect(store.recall(['a1']).get('a1')?.usage).toBe('background');
  });

  it('refuses an unranked article and changes nothing in that call', () => {
    const { store } = seeded();
    expect(() => store.setUsage(['a2', 'nope'], 'rejected', '2026-11-22T08:00:00.000Z')).toThrow(/article nope has not been ranked/);
    expect(store.recall(['a2']).get('a2')?.usage).toBe('candidate');
    expect(store.usageHistory('a2')).toEqual([]);
  });

  it('keeps an editor usage when a later run ranks the article again', () => {
    const { store } = seeded();
    store.setUsage(['a2'], 'selected', '2026-11-22T08:00:00.000Z');
    const run2 = store.beginRun('2026-11-23T00:00:00.000Z', ['in']);
    store.saveCandidates(run2, [candidate('a2', 1)]);
    expect(store.recall(['a2']).get('a2')?.usage).toBe('selected');
  });

  it('rebuilds a stored run with current usages, stories and copies', () => {
    const { store, run } = seeded();
    store.setUsage(['a2'], 'rejected', '2026-11-22T08:00:00.000Z');
    const loaded = store.loadRun(run);
    expect(loaded.candidates.map((c) => [c.articleId, c.usage])).toEqual([['a1', 'candidate'], ['a2', 'rejected'], ['a3', 'duplicate']]);
    expect(loaded.candidates[2]!.duplicateOf).toBe('a1');
    // Copies stay members of their story, as in the run itself: ranking the rebuilt run again gives the same ranks.
    expect(loaded.stories).toEqual([story]);
    expect(loaded.duplicates).toEqual([{ originalId: 'a1', duplicateIds: ['a3'], reason: 'identical text' }]);
    expect(loaded.summaries).toHaveLength(3);
    expect(store.latestRunId()).toBe(run);
    expect(store.storyArticleIds('s-ferry')).toEqual(['a1', 'a2', 'a3']);
  });

  it('remembers story sizes per run for novelty', () => {
    const { store, run } = seeded();
    const run2 = store.beginRun('2026-11-23T00:00:00.000Z', ['in']);
    store.saveStorySizes(run2, new Map([['s-ferry', 5]]));
    expect(store.shownStorySizes(run)).toEqual(new Map());
    expect(store.shownStorySizes(run2)).toEqual(new Map([['s-ferry', 2]]));
    expect(store.shownStorySizes(run2 + 1)).toEqual(new Map([['s-ferry', 5]]));
  });
});
