// Issue 20, item 1: no recursion or argument spread may depend on the size of an input. Both fixtures
// are generated here: a feed of 130,000 items served over loopback HTTP, and a 35 KB feed whose item
// nests 5,000 elements deep (and a page whose JSON-LD nests 50,000 arrays deep).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { createFetcher, remoteSource } from '../../src/fetch/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { ingest } from '../../src/ingest/index.js';
import { parseFeedDocument } from '../../src/ingest/feed.js';
import { extractArticle } from '../../src/extract/index.js';
import { writeOpml, type Outline } from '../../src/ingest/opml.js';

const HUGE_ITEMS = 130_000;
const DEEP_LEVELS = 5_000;
/** JSON-LD arrays cost one stack frame per level in a recursive walk, so it takes more of them to overflow. */
const DEEP_JSON_LEVELS = 50_000;

export function hugeFeed(items = HUGE_ITEMS): string {
  const parts = ['<?xml version="1.0"?><rss version="2.0"><channel><title>Gull Point Tide Log</title><link>https://gullpoint.example/</link>'];
  for (let i = 0; i < items; i++) parts.push(`<item><title>T${i}</title><description>Tide ${i}.</description></item>`);
  parts.push('</channel></rss>');
  return parts.join('');
}

export function deepFeed(levels = DEEP_LEVELS): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep Harbor</title><link>https://deepharbor.example/</link>
<item><title>Pier lights relit</title><link>https://deepharbor.example/pier</link><description>${'<b>'.repeat(levels)}The pier lights were relit on Tuesday.${'</b>'.repeat(levels)}</description></item>
</channel></rss>`;
}

describe('a feed of 130,000 items over HTTP', () => {
  let server: TestServer;
  const body = hugeFeed();
  beforeAll(async () => {
    server = await startServer({ '/huge.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body) });
  });
  afterAll(() => server.close());

  it('becomes 130,000 articles instead of a stack overflow', async () => {
    expect(body.length).toBeGreaterThan(7_000_000);
    const store = openSqliteStore(':memory:');
    const fetcher = createFetcher({ allowPrivate: true, hostDelayMs: 0 });
    try {
      const result = await ingest([server.url('/huge.xml')], { remote: remoteSource(fetcher, store) });
      expect(result.failures).toEqual([]);
      expect(result.articles).toHaveLength(HUGE_ITEMS);
      expect(result.articles[HUGE_ITEMS - 1]!.text).toBe(`Tide ${HUGE_ITEMS - 1}.`);
    } finally {
      await fetcher.close();
      store.close();
    }
  }, 120_000);
});

describe('a feed nested 5,000 elements deep', () => {
  it('keeps the item and its text, and says the nesting was flattened', async () => {
    const content = deepFeed();
    expect(content.length).toBeLessThan(40_000);
    const feed = await parseFeedDocument(content, 'rss');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.title).toBe('Pier lights relit');
    expect(feed.items[0]!.content).toContain('The pier lights were relit on Tuesday.');
    expect(feed.warnings?.join('\n')).toMatch(/nesting deeper than 256 elements flattened/);
  });

  it('reaches ingest as one article', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-deep-')), 'deep.xml');
    writeFileSync(path, deepFeed());
    const result = await ingest([path]);
    expect(result.failures).toEqual([]);
    expect(result.articles.map((a) => a.text)).toEqual(['The pier lights were relit on Tuesday.']);
  });

  it('reads a page whose JSON-LD nests 50,000 arrays deep', () => {
    const node = '{"@type":"NewsArticle","headline":"Ferry schedule posted"}';
    const page = `<html><head><script type="application/ld+json">${'['.repeat(DEEP_JSON_LEVELS)}${node}${']'.repeat(DEEP_JSON_LEVELS)}</script></head>
<body><article><p>The winter ferry schedule was posted at the harbor office on Monday morning.</p></article></body></html>`;
    expect(extractArticle(page).title).toBe('Ferry schedule posted');
  });
});

describe('an outline tree 10,000 folders deep', () => {
  it('is written as OPML without recursion', () => {
    const root: Outline = { text: 'folder 0', children: [] };
    let folder = root;
    for (let i = 1; i < 10_000; i++) {
      const inner: Outline = { text: `folder ${i}`, children: [] };
      folder.children.push(inner);
      folder = inner;
    }
    folder.children.push({ text: 'Gull Point', xmlUrl: 'https://gullpoint.example/feed.xml', children: [] });
    const opml = writeOpml('Deep list', [root], '2026-11-24T00:00:00.000Z');
    expect(opml.split('</outline>')).toHaveLength(10_001);
    expect(opml).toContain('xmlUrl="https://gullpoint.example/feed.xml"');
  });
});
