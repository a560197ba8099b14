import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../index.js';
import { makeArticle } from '../../../test/helpers/articles.js';
import type { Candidate } from '../../model.js';

const candidate = (articleId: string, initialRank: number, usage: Candidate['usage'] = 'candidate'): Candidate => ({
  articleId, storyId: 's-1', score: 1, components: [], initialRank, rank: initialRank, usage,
});

describe('sqlite store', () => {
  it('upserts articles, keeps the first initial rank and an editor usage across runs', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'newsdesk-store-')), 'nested', 'test.db');
    const store = openSqliteStore(file);
    const run1 = store.beginRun('2026-11-22T00:00:00Z', ['a']);
    const a = makeArticle({ id: 'a1', title: 'First title', text: 'Body.' });
    store.saveArticles(run1, [a]);
    store.saveCandidates(run1, [candidate('a1', 4)]);
    store.finishRun(run1, '2026-11-22T00:00:01Z', 1, []);

    const run2 = store.beginRun('2026-11-23T00:00:00Z', ['a']);
    store.saveArticles(run2, [{ ...a, title: 'Updated title' }]);
    store.saveCandidates(run2, [candidate('a1', 1)]);
    expect(store.countRows('articles')).toBe(1);
    expect(store.getArticle('a1')?.title).toBe('Updated title');
    expect(store.recall(['a1', 'missing'])).toEqual(new Map([['a1', { firstSeenRun: run1, initialRank: 4, usage: 'candidate' }]]));
    expect(store.listRuns().map((r) => r.id)).toEqual([run1, run2]);
    store.close();

    // Reopening runs no migration twice and keeps the data.
    const reopened = openSqliteStore(file);
    expect(reopened.countRows('articles')).toBe(1);
    reopened.close();
  });

  it("gives back a source's articles as the newest run that read it saved them", () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'newsdesk-store-')), 'sources.db'));
    const feed = 'https://courier.example/feed.xml';
    const item = (id: string, position: number, path = feed) =>
      makeArticle({ id, title: `Item ${id}`, text: `Body of ${id}.`, origin: { path, kind: 'rss', feedItemId: id, feedPosition: position } });
    const run1 = store.beginRun('2026-11-21T00:00:00Z', [feed]);
    store.saveArticles(run1, [item('old', 0), item('kept', 1), item('other', 0, 'https://elsewhere.example/feed.xml')]);
    const run2 = store.beginRun('2026-11-22T00:00:00Z', [feed]);
    // The feed dropped "old" and put a new item on top of "kept".
    store.saveArticles(run2, [item('kept', 1), item('new', 0)]);
    expect(store.articlesFromSources([feed]).map((a) => a.id)).toEqual(['new', 'kept']);
    expect(store.articlesFromSources([feed])[0]).toMatchObject({ title: 'Item new', text: 'Body of new.', origin: { path: feed, feedPosition: 0 } });
    expect(store.articlesFromSources(['https://never.example/feed.xml'])).toEqual([]);
    store.close();
  });

  it('says which file it could not open and what to do', () => {
    // A regular file where a folder should be: no user, root included, can create the database there.
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-store-'));
    writeFileSync(join(dir, 'plain-file'), 'not a folder');
    const file = join(dir, 'plain-file', 'cannot.db');
    expect(() => openSqliteStore(file)).toThrow(new RegExp(`store: cannot open database ${file}.*--db`));
  });

  it('records usage changes with their note, and the next run keeps the editor\'s choice', () => {
    const store = openSqliteStore(':memory:');
    const run = store.beginRun('2026-11-22T00:00:00Z', ['a']);
    store.saveArticles(run, [makeArticle({ id: 'a1', title: 'Kiln fire', text: 'Body.' }), makeArticle({ id: 'a2', title: 'Unranked', text: 'Body.' })]);
    store.saveCandidates(run, [candidate('a1', 1)]);
    store.finishRun(run, '2026-11-22T00:00:01Z', 2, []);
    expect(store.latestRun()?.id).toBe(run);
    expect(store.listBoard(run).map((e) => [e.articleId, e.usage, e.rank])).toEqual([['a1', 'candidate', 1]]);

    const [change] = store.setUsage(['a1'], 'selected', '2026-11-22T01:00:00Z', 'front page');
    expect(change).toMatchObject({ articleId: 'a1', previous: 'candidate', usage: 'selected', note: 'front page' });
    store.setUsage(['a1'], 'rejected', '2026-11-22T02:00:00Z');
    expect(store.usageHistory('a1').map((c) => [c.previous, c.usage, c.note])).toEqual([['candidate', 'selected', 'front page'], ['selected', 'rejected', undefined]]);
    expect(store.listBoard(run)[0]?.usage).toBe('rejected');
    expect(store.getReview('a1')?.candidate?.usage).toBe('rejected');
    expect(() => store.setUsage(['a2'], 'selected', '2026-11-22T03:00:00Z')).toThrow(/a2 has not been ranked/);
    expect(store.usageHistory('a2')).toEqual([]);

    // A re-run's dedupe verdict does not undo the editor's choice.
    const run2 = store.beginRun('2026-11-23T00:00:00Z', ['a']);
    store.saveCandidates(run2, [candidate('a1', 1)]);
    expect(store.recall(['a1']).get('a1')?.usage).toBe('rejected');
    store.close();
  });
});

describe('sqlite store: runs of the cluster command', () => {
  it('records them, and the latest run stays the latest ranked one', () => {
    const store = openSqliteStore(':memory:');
    const ranked = store.beginRun('2026-11-22T00:00:00Z', ['a']);
    store.finishRun(ranked, '2026-11-22T00:00:01Z', 0, []);
    const clustered = store.beginRun('2026-11-23T00:00:00Z', ['b'], 'cluster');
    store.saveArticles(clustered, [makeArticle({ id: 'b1', title: 'Kiln fire', text: 'Body.' })]);
    store.finishRun(clustered, '2026-11-23T00:00:01Z', 1, []);
    expect(store.listRuns().map((r) => [r.id, r.command])).toEqual([[ranked, 'run'], [clustered, 'cluster']]);
    expect(store.latestRunId()).toBe(ranked);
    expect(store.recall(['b1']).get('b1')?.firstSeenRun).toBe(clustered);
    store.close();
  });
});

describe('sqlite store: fetch state', () => {
  it('keeps validators per URL and counts a failure streak that a success resets', () => {
    const store = openSqliteStore(':memory:');
    const url = 'https://www.ashfordcourier.example/feed.xml';
    expect(store.getValidators(url)).toBeUndefined();
    store.saveValidators(url, { etag: '"abc"', lastModified: 'Tue, 03 Nov 2026 08:00:00 GMT' });
    expect(store.getValidators(url)).toEqual({ etag: '"abc"', lastModified: 'Tue, 03 Nov 2026 08:00:00 GMT' });
    store.saveValidators(url, { etag: '"def"' });
    expect(store.getValidators(url)).toEqual({ etag: '"def"' });

    store.recordFetch(url, '2026-11-22T00:00:00Z', 'HTTP 503');
    store.recordFetch(url, '2026-11-23T00:00:00Z', 'HTTP 503');
    expect(store.getFetchHealth(url)).toEqual({ failures: 2, lastError: 'HTTP 503', lastAttempt: '2026-11-23T00:00:00Z' });
    store.recordFetch(url, '2026-11-24T00:00:00Z');
    expect(store.getFetchHealth(url)?.failures).toBe(0);
    // Recording attempts leaves the validators alone.
    expect(store.getValidators(url)).toEqual({ etag: '"def"' });
    store.close();
  });
});
