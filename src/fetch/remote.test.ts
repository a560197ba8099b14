import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/helpers/server.js';
import { DeskUnavailable, ingest } from '../ingest/index.js';
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
    server = await startServer({
      '/broken.xml': (_req, res) => void res.writeHead(404).end(),
      '/ledger.xml': (_req, res) => void res.writeHead(200).end('<rss version="2.0"><channel><title>Quarry Ledger</title></channel></rss>'),
    });
  });
  afterAll(() => server.close());

  it('records failures in the store and then skips the feed, saying why and until when', async () => {
    const store = openSqliteStore(':memory:');
    const fetcher = createFetcher({ allowPrivate: true, hostDelayMs: 0 });
    let clock = new Date('2026-11-23T06:00:00Z');
    const remote = remoteSource(fetcher, store, () => clock);
    const url = server.url('/broken.xml');
    for (let i = 0; i < 3; i++) await expect(remote.fetchFeed(url)).rejects.toThrow(/HTTP 404/);
    expect(await store.getFetchHealth(url)).toMatchObject({ failures: 3, lastError: 'HTTP 404 Not Found' });
    const skipped = await remote.fetchFeed(url).catch((e: unknown) => e);
    expect(skipped).toBeInstanceOf(FetchError);
    expect((skipped as FetchError).reason).toBe('skipped: failed 3 times in a row (last: HTTP 404 Not Found); next try after 2026-11-23T07:00:00.000Z');
    expect(server.hits('/broken.xml')).toBe(3);
    clock = new Date('2026-11-23T07:00:01Z');
    await expect(remote.fetchFeed(url)).rejects.toThrow(/HTTP 404/);
    expect(server.hits('/broken.xml')).toBe(4);
    await fetcher.close();
    await store.close();
  });

  it("passes the store's failure on as the desk's, records nothing for the feed, and ingest stops on it instead of failing the feed", async () => {
    const store = openSqliteStore(':memory:');
    const fetcher = createFetcher({ allowPrivate: true, hostDelayMs: 0 }, store, store);
    const remote = remoteSource(fetcher, store);
    expect((await remote.fetchFeed(server.url('/ledger.xml'))).notModified).toBe(false);
    // The store goes away, as a database does when its server restarts.
    await store.close();
    const error = await remote.fetchFeed(server.url('/ledger.xml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskUnavailable);
    expect((error as Error).message).toBe("the desk's store failed while fetching: The database connection is not open");
    await expect(ingest([server.url('/ledger.xml')], { remote })).rejects.toBeInstanceOf(DeskUnavailable);
    // The feed was not asked for while the store was gone: its state could be neither read nor kept.
    expect(server.hits('/ledger.xml')).toBe(1);
    await fetcher.close();
  });
});

describe('robots.txt for article pages', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      '/robots.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n\nUser-agent: newsdesk\nDisallow: /no-newsdesk/\n'),
      '/news/open.html': (_req, res) => void res.writeHead(200).end('<p>open</p>'),
      '/private/closed.html': (_req, res) => void res.writeHead(200).end('<p>closed</p>'),
      '/no-newsdesk/page.html': (_req, res) => void res.writeHead(200).end('<p>closed</p>'),
    });
  });
  afterAll(() => server.close());

  it('follows the group for our product token (which replaces "*"), and reads robots.txt once per run', async () => {
    const store = openSqliteStore(':memory:');
    const ours = createFetcher({ allowPrivate: true, hostDelayMs: 0, userAgent: 'newsdesk/0.1 (+https://newsdesk.example)' });
    const remote = remoteSource(ours, store);
    expect(new TextDecoder().decode((await remote.fetchPage(server.url('/news/open.html'))).body)).toBe('<p>open</p>');
    await expect(remote.fetchPage(server.url('/no-newsdesk/page.html'))).rejects.toThrow(/robots\.txt disallows/);
    // RFC 9309: a group naming us replaces the "*" group, so /private/ is open to newsdesk.
    expect(new TextDecoder().decode((await remote.fetchPage(server.url('/private/closed.html'))).body)).toBe('<p>closed</p>');
    expect(server.hits('/robots.txt')).toBe(1);
    expect(server.hits('/no-newsdesk/page.html')).toBe(0);

    const other = createFetcher({ allowPrivate: true, hostDelayMs: 0, userAgent: 'Millbrook-Reader/1.0' });
    await expect(remoteSource(other, store).fetchPage(server.url('/private/closed.html'))).rejects.toThrow(/robots\.txt disallows/);
    expect(server.hits('/private/closed.html')).toBe(1);
    await ours.close();
    await other.close();
    await store.close();
  });
});
