import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/helpers/server.js';
import { openSqliteStore } from '../store/index.js';
import { createFetcher, FetchError, remoteSource, retryNotBefore } from './index.js';

describe('retryNotBefore', () => {
  it('leaves a feed alone after three failures in a row, for longer with each failure, at most a day', () => {
    const at = '2026-11-23T06:00:00.000Z';
    expect(retryNotBefore(undefined)).toBeUndefined();
    expect(retryNotBefore({ failures: 2, lastAttempt: at })).toBeUndefined();
    expect(retryNotBefore({ failures: 3, lastAttempt: at })?.toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(retryNotBefore({ failures: 4, lastAttempt: at })?.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(retryNotBefore({ failures: 30, lastAttempt: at })?.toISOString()).toBe('2026-11-24T06:00:00.000Z');
  });
});

describe('remoteSource', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ '/broken.xml': (_req, res) => void res.writeHead(404).end() });
  });
  afterAll(() => server.close());

  it('records failures in the store and then skips the feed, saying why and until when', async () => {
    const store = openSqliteStore(':memory:');
    const fetcher = createFetcher({ allowPrivate: true, hostDelayMs: 0 });
    let clock = new Date('2026-11-23T06:00:00Z');
    const remote = remoteSource(fetcher, store, () => clock);
    const url = server.url('/broken.xml');
    for (let i = 0; i < 3; i++) await expect(remote.fetchFeed(url)).rejects.toThrow(/HTTP 404/);
    expect(store.getFetchHealth(url)).toMatchObject({ failures: 3, lastError: 'HTTP 404 Not Found' });
    const skipped = await remote.fetchFeed(url).catch((e: unknown) => e);
    expect(skipped).toBeInstanceOf(FetchError);
    expect((skipped as FetchError).reason).toBe('skipped: failed 3 times in a row (last: HTTP 404 Not Found); next try after 2026-11-23T07:00:00.000Z');
    expect(server.hits('/broken.xml')).toBe(3);
    clock = new Date('2026-11-23T07:00:01Z');
    await expect(remote.fetchFeed(url)).rejects.toThrow(/HTTP 404/);
    expect(server.hits('/broken.xml')).toBe(4);
    await fetcher.close();
    store.close();
  });
});
