// `newsdesk run` on http(s) sources served by a real loopback server: OPML with remote feeds, a
// teaser feed whose page is fetched and extracted, conditional GET on the second run, the address guard.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';
import iconv from 'iconv-lite';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/fetch/${name}`, import.meta.url), 'utf8');

let server: TestServer;
let base = '';

beforeAll(async () => {
  server = await startServer({
    '/subs.opml': (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/x-opml' })
        .end(`<?xml version="1.0"?><opml version="2.0"><head><title>Town</title></head><body><outline text="News">` +
          `<outline text="Courier" xmlUrl="${base}/feeds/teaser.xml"/><outline text="Gone" xmlUrl="/feeds/gone.xml"/></outline></body></opml>`),
    '/feeds/teaser.xml': (req, res) => {
      if (req.headers['if-none-match'] === '"t1"') return void res.writeHead(304).end();
      // Served as windows-1252 bytes, as its declaration says.
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"t1"' }).end(iconv.encode(fixture('teaser.xml').replaceAll('BASE', base), 'windows-1252'));
    },
    '/': (_req, res) =>
      void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><link rel="alternate" type="application/rss+xml" href="/feeds/teaser.xml"></head><body>Ashford Courier</body></html>`),
    '/articles/footbridge.html': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fixture('footbridge.html')),
  });
  base = server.url('').replace(/\/$/, '');
});
afterAll(() => server.close());

describe('newsdesk run on remote sources', () => {
  const work = tempDir('newsdesk-remote-');
  const args = ['run', '--allow-private', '--db', join(work, 'n.db'), '--out', join(work, 'out'), '--json'];

  it('fetches the OPML, its feeds and the teaser pages, with the feed text as fallback', async () => {
    const result = await runCliAsync([...args, `${base}/subs.opml`], work);
    expect(result.stderr).toMatch(/feeds\/gone\.xml: HTTP 404/);
    expect(result.status).toBe(1);
    const run = JSON.parse(result.stdout) as { candidates: Array<{ title: string; text: string; byline: string[]; published: string }> };
    const bridge = run.candidates.find((a) => a.title === 'Ashford Opens Its Rebuilt Footbridge');
    expect(bridge?.text).toMatch(/^The footbridge over the River Ashe reopened/);
    expect(bridge?.text).toContain('stone piers that have stood since 1891');
    expect(bridge?.published).toBe('2026-11-23T12:00:00.000Z');
    expect(bridge?.byline).toEqual(['Tomas Wren']);
    const library = run.candidates.find((a) => a.title === 'Library Hours Extended for Exams');
    expect(library?.text).toBe('The town library will stay open until ten during exam weeks.');
    expect(result.stderr).toMatch(/articles\/missing\.html: full text not fetched \(HTTP 404/);
    expect(result.stderr).toMatch(/fetched 2 of 3 sources \(0 not modified, 1 failed\)/);
  });

  it('asks again with the stored ETag, gets a 304 for the feed and keeps its articles from the store', async () => {
    const hitsBefore = server.hits('/articles/footbridge.html');
    const result = await runCliAsync([...args, `${base}/subs.opml`], work);
    expect(result.stderr).toMatch(/feeds\/teaser\.xml: not modified since the last run; kept its 2 articles from the store/);
    expect(result.stderr).toMatch(/1 not modified/);
    // An unchanged feed costs no page fetches either.
    expect(server.hits('/articles/footbridge.html')).toBe(hitsBefore);
    // The briefing of an unchanged day is the same day's briefing, not an empty one.
    const run = JSON.parse(result.stdout) as { candidates: Array<{ title: string; text: string }> };
    expect(run.candidates.map((c) => c.title).sort()).toEqual(['Ashford Opens Its Rebuilt Footbridge', 'Library Hours Extended for Exams']);
    expect(run.candidates.find((c) => c.title === 'Ashford Opens Its Rebuilt Footbridge')?.text).toContain('stone piers that have stood since 1891');
  });

  it('refuses a loopback URL without --allow-private and says how to allow it', async () => {
    const result = await runCliAsync(['run', '--db', join(work, 'g.db'), '--out', join(work, 'g'), `${base}/feeds/teaser.xml`], work);
    // A refused address exits 2, in run as in extract (the README's exit code table).
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/teaser\.xml: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a private or local address; refused \(use --allow-private/);
    expect(server.hits('/feeds/teaser.xml')).toBe(2);
  });
});

describe('newsdesk run on a site URL', () => {
  it('discovers the feed the home page advertises and reads it', async () => {
    const work = tempDir('newsdesk-discover-');
    const result = await runCliAsync(['run', '--allow-private', '--db', join(work, 'n.db'), '--out', join(work, 'out'), '--json', `${base}/`], work);
    expect(result.stderr).toContain(`discovered the feed ${base}/feeds/teaser.xml`);
    const run = JSON.parse(result.stdout) as { candidates: Array<{ title: string }> };
    expect(run.candidates.map((c) => c.title)).toContain('Ashford Opens Its Rebuilt Footbridge');
  });
});

describe('newsdesk run on a site URL whose home page advertises no feed', () => {
  it('probes the common feed paths in order and reads the first feed found', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Millbrook Ledger</title><link>/</link>` +
      `<item><title>Millbrook Council Approves Bike Lanes</title><guid>ml-1</guid><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate>` +
      `<description>The council voted five to two on Monday to paint bike lanes on Mill Street by spring.</description></item></channel></rss>`;
    const site = await startServer({
      '/': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>Millbrook Ledger</title></head><body><h1>Ledger</h1></body></html>'),
      // A site that answers everything with its home page: HTML where a feed was probed is not a feed.
      '/feed': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Not here</body></html>'),
      '/rss': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed),
    });
    try {
      const work = tempDir('newsdesk-probe-');
      const result = await runCliAsync(['run', '--allow-private', '--db', join(work, 'n.db'), '--out', join(work, 'out'), '--json', site.url('/')], work);
      expect(result.stderr).toContain(`${site.url('/')}: the home page advertises no feed; found one at ${site.url('/rss')}`);
      const run = JSON.parse(result.stdout) as { candidates: Array<{ title: string }> };
      expect(run.candidates.map((c) => c.title)).toEqual(['Millbrook Council Approves Bike Lanes']);
      // Probing stops at the first feed: later paths are never asked for.
      expect(site.hits('/feed.xml')).toBe(0);
    } finally {
      await site.close();
    }
  });
});

describe('newsdesk parse-feed on a URL', () => {
  it('prints the feed as JSON with dates in UTC and the windows-1252 text decoded', async () => {
    const result = await runCliAsync(['parse-feed', '--allow-private', '--json', `${base}/feeds/teaser.xml`], tempDir());
    expect(result.status).toBe(0);
    const feed = JSON.parse(result.stdout) as { title: string; format: string; items: Array<{ id: string; published: string }> };
    expect(feed.title).toBe('Ashford Courier');
    expect(feed.format).toBe('rss20');
    expect(feed.items.map((i) => [i.id, i.published])).toEqual([
      ['ac-201', '2026-11-23T12:00:00.000Z'],
      ['ac-202', '2026-11-23T08:00:00.000Z'],
    ]);
  });
});
