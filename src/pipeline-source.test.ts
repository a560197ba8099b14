// The `source` stage of a queued run on the real SQLite store: what it stages for the run, that doing it again
// stages nothing new, and that the validators its fetch brought come back to the run instead of being saved.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../test/helpers/server.js';
import { DEFAULT_CONFIG, runSettings } from './config.js';
import { stageSource } from './pipeline-source.js';
import { openSqliteStore } from './store/index.js';

const DEMO_FEEDS = fileURLToPath(new URL('../examples/demo/feeds/', import.meta.url));
const settings = runSettings({ ...DEFAULT_CONFIG, fetch: { ...DEFAULT_CONFIG.fetch, allowPrivate: true, hostDelayMs: 0 } });

describe('stageSource', () => {
  let server: TestServer;
  beforeAll(async () => {
    const feed = readFileSync(`${DEMO_FEEDS}harbor-gazette.rss.xml`);
    server = await startServer({
      '/gazette.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"gazette-1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"gazette-1"' }).end(feed);
      },
    });
  });
  afterAll(() => server.close());

  it('stages one input for the run, and stages nothing new when the job is done again', async () => {
    const store = openSqliteStore(':memory:');
    const runId = await store.beginRun({ startedAt: '2026-11-24T06:00:00.000Z', inputs: [DEMO_FEEDS] });
    const signal = new AbortController().signal;
    const first = await stageSource({ runId, input: DEMO_FEEDS }, { store, settings, signal });
    const ids = await store.stagedIds(runId);
    expect(first.articles).toBeGreaterThan(10);
    expect(ids).toHaveLength(first.articles);
    expect(first.failures).toEqual([]);
    const again = await stageSource({ runId, input: DEMO_FEEDS }, { store, settings, signal });
    expect(again).toEqual(first);
    expect(await store.stagedIds(runId)).toEqual(ids);
    // Staged, not part of the desk: nothing is committed by the stage.
    expect(await store.countRows('articles')).toBe(0);
    await store.close();
  });

  it('returns the validators a fetch brought instead of saving them, and a missing input as a failure', async () => {
    const store = openSqliteStore(':memory:');
    const url = server.url('/gazette.xml');
    const runId = await store.beginRun({ startedAt: '2026-11-24T06:00:00.000Z', inputs: [url] });
    const signal = new AbortController().signal;
    const outcome = await stageSource({ runId, input: url }, { store, settings, signal });
    expect(outcome.validators).toEqual({ [url]: { etag: '"gazette-1"' } });
    expect(outcome.fetches).toMatchObject({ total: 1, failed: 0, notModified: 0 });
    expect(await store.getValidators(url)).toBeUndefined();
    expect((await store.stagedIds(runId)).length).toBe(outcome.articles);
    const missing = await stageSource({ runId, input: '/nowhere/county-feed.xml' }, { store, settings, signal });
    expect(missing).toMatchObject({ articles: 0, failures: [{ path: '/nowhere/county-feed.xml' }] });
    await store.close();
  });
});
