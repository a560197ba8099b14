// Feeds and lists with more entries than a call stack has room for: 130,000 RSS items over loopback
// HTTP (10 MB), the same count as a JSON Feed and as an OPML list. A spread of an input-sized list as
// arguments (`push(...drafts)`) aborts the whole run; nothing of it may be lost.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher, remoteSource } from '../../../src/fetch/index.js';
import { ingest } from '../../../src/ingest/index.js';
import { openSqliteStore } from '../../../src/store/index.js';
import { checkTerminal, checkXml } from '../check.js';
import { deskRun } from '../desk.js';
import { Crash, defineClass, expectHandled, runCli } from '../harness.js';

/** Above the ~120,000 arguments V8's stack takes in one spread call. */
const ITEMS = 130_000;
/** Items in the feed the whole desk runs on: every stage and writer, in seconds rather than minutes. */
const DESK_ITEMS = 2_000;

function rss(items: number): string {
  const parts = ['<?xml version="1.0"?><rss version="2.0"><channel><title>Gull Point Tide Log</title><link>https://gullpoint.example/</link>'];
  for (let i = 0; i < items; i++) parts.push(`<item><title>T${i}</title><description>Tide ${i}.</description></item>`);
  parts.push('</channel></rss>');
  return parts.join('');
}

function jsonFeed(items: number): string {
  const list = Array.from({ length: items }, (_, i) => ({ id: `g${i}`, title: `T${i}`, content_text: `Tide ${i}.` }));
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Gull Point Wire', items: list });
}

function opml(outlines: number): string {
  const parts = ['<?xml version="1.0"?><opml version="2.0"><head><title>Gull Point</title></head><body>'];
  for (let i = 0; i < outlines; i++) parts.push(`<outline text="F${i}" xmlUrl="https://gullpoint.example/f${i}.xml"/>`);
  parts.push('</body></opml>');
  return parts.join('');
}

export const hostileClass = defineClass('huge-feed', async (cases, scratch) => {
  const bodies: Record<string, string> = { '/huge.xml': rss(ITEMS), '/desk.xml': rss(DESK_ITEMS) };
  const server = createServer((req, res) => {
    const body = bodies[req.url ?? ''];
    if (body) res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = (path: string): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  try {
    await cases.try('parse-feed of 130,000 items over HTTP', async () => {
      const result = expectHandled(await runCli(['parse-feed', '--json', '--allow-private', url('/huge.xml')], scratch.dir), [0], 'parse-feed');
      const items = (JSON.parse(result.stdout) as { items: unknown[] }).items.length;
      if (items !== ITEMS) throw new Crash(`parse-feed kept ${items} of ${ITEMS} items`);
      return checkTerminal('parse-feed stderr', result.stderr);
    });
    await cases.try('ingest of 130,000 items over HTTP', async () => {
      const store = openSqliteStore(':memory:');
      const fetcher = createFetcher({ allowPrivate: true, hostDelayMs: 0 });
      try {
        const result = await ingest([url('/huge.xml')], { remote: remoteSource(fetcher, store) });
        if (result.articles.length !== ITEMS) throw new Crash(`ingest kept ${result.articles.length} of ${ITEMS} articles (${result.failures[0]?.reason ?? 'no failure given'})`);
        return [];
      } finally {
        await fetcher.close();
        await store.close();
      }
    });
    await cases.try(`the whole desk on ${DESK_ITEMS} items over HTTP`, async () => (await deskRun(scratch.folder('desk'), ['--allow-private', url('/desk.xml')], DESK_ITEMS)).findings);
    await cases.try('parse-feed of a 130,000-item JSON Feed', async () => {
      const result = expectHandled(await runCli(['parse-feed', '--json', scratch.file('huge.json', jsonFeed(ITEMS))], scratch.dir), [0], 'parse-feed');
      const items = (JSON.parse(result.stdout) as { items: unknown[] }).items.length;
      if (items !== ITEMS) throw new Crash(`parse-feed kept ${items} of ${ITEMS} items`);
      return [];
    });
    await cases.try('sources export of a 130,000-outline OPML list', async () => {
      const result = expectHandled(await runCli(['sources', 'export', '--opml', scratch.file('huge.opml', opml(ITEMS))], scratch.dir), [0], 'sources export');
      const outlines = result.stdout.split('<outline ').length - 1;
      if (outlines !== ITEMS) throw new Crash(`export kept ${outlines} of ${ITEMS} outlines`);
      return checkXml('export.opml', result.stdout);
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
