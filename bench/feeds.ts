// `npm run bench:feeds`:
//   1. parse throughput (items/s, MB/s) of newsdesk's feed reader and of rss-parser (the baseline) on the
//      same generated feeds, in this process, one after the other;
//   2. fetching 500 feeds from loopback servers (50 hosts 127.0.0.x, in a child process) that answer with
//      realistic latency, through the real client with its default politeness; wall time and peak RSS.
// The fetch runs in its own child process so its peak RSS is not the parse benchmark's.
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { createFetcher } from '../src/fetch/index.js';
import { parseFeedDocumentSync } from '../src/ingest/feed.js';
import { sanitizeFeedHtml } from '../src/ingest/sanitize.js';
import { syntheticFeed } from './feed-corpus.js';

/** 200 feeds × 50 items ≈ 30 MB: large enough that start-up costs vanish. */
const PARSE_FEEDS = 200;
const ITEMS_PER_FEED = 50;
const FETCH_FEEDS = 500;
/** 50 hosts of 10 feeds: politeness per host shapes the wall time as it would on the web. */
const FETCH_HOSTS = 50;
/** Server think time between 50 and 250 ms, a typical range for feed endpoints behind a CDN miss. */
const LATENCY_MIN_MS = 50;
const LATENCY_SPREAD_MS = 200;
const FETCH_ITEMS = 20;

async function parseBench(): Promise<void> {
  const feeds = Array.from({ length: PARSE_FEEDS }, (_, i) => syntheticFeed(i, ITEMS_PER_FEED));
  const megabytes = feeds.reduce((n, f) => n + Buffer.byteLength(f), 0) / 1e6;
  const items = PARSE_FEEDS * ITEMS_PER_FEED;

  let started = performance.now();
  let counted = 0;
  for (const [i, feed] of feeds.entries()) counted += parseFeedDocumentSync(feed, i % 2 === 0 ? 'rss' : 'atom').items.length;
  const ours = (performance.now() - started) / 1000;
  if (counted !== items) throw new Error(`newsdesk read ${counted} of ${items} items`);

  const parser = new Parser();
  started = performance.now();
  counted = 0;
  for (const feed of feeds) counted += (await parser.parseString(feed)).items.length;
  const base = (performance.now() - started) / 1000;
  if (counted !== items) throw new Error(`rss-parser read ${counted} of ${items} items`);

  // Like for like: newsdesk sanitizes every item's HTML on the way in; rss-parser does not.
  started = performance.now();
  for (const feed of feeds) {
    for (const item of (await parser.parseString(feed)).items as Array<Record<string, unknown>>) {
      for (const key of ['content:encoded', 'content', 'summary']) if (typeof item[key] === 'string') sanitizeFeedHtml(item[key] as string);
    }
  }
  const baseSanitized = (performance.now() - started) / 1000;

  const row = (name: string, s: number): string =>
    `${name.padEnd(34)}${(items / s).toFixed(0).padStart(9)} items/s ${(megabytes / s).toFixed(2).padStart(7)} MB/s ${s.toFixed(2).padStart(7)} s`;
  process.stdout.write(`Parse: ${PARSE_FEEDS} feeds, ${items} items, ${megabytes.toFixed(1)} MB (RSS 2.0 and Atom 1.0, HTML content)\n`);
  process.stdout.write(`${row('newsdesk (parse + sanitize)', ours)}\n${row('rss-parser 3 (no sanitize)', base)}\n${row('rss-parser 3 + same sanitize-html', baseSanitized)}\n`);
  process.stdout.write(
    `throughput ratio newsdesk / rss-parser: ${(base / ours).toFixed(2)}× (parse only); ${(baseSanitized / ours).toFixed(2)}× (both sanitizing)\n\n`,
  );
}

/** Child process: 50 servers on 127.0.0.1–127.0.0.50 serving feeds after a deterministic latency. */
async function serve(): Promise<void> {
  const body = new Map<number, string>();
  for (let host = 1; host <= FETCH_HOSTS; host++) {
    const server = createServer((req, res) => {
      const n = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
      const latency = LATENCY_MIN_MS + ((n * 7919) % LATENCY_SPREAD_MS);
      setTimeout(() => {
        if (!body.has(n)) body.set(n, syntheticFeed(n, FETCH_ITEMS));
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body.get(n));
      }, latency);
    });
    await new Promise<void>((resolve) => server.listen(8600, `127.0.0.${host}`, resolve));
  }
  process.send?.('ready');
}

async function fetchBench(): Promise<void> {
  const server: ChildProcess = fork(fileURLToPath(import.meta.url), ['serve']);
  await new Promise<void>((resolve) => server.once('message', () => resolve()));
  try {
    const fetcher = createFetcher({ allowPrivate: true });
    const started = performance.now();
    let bytes = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: FETCH_FEEDS }, (_, n) =>
        fetcher.fetch(`http://127.0.0.${(n % FETCH_HOSTS) + 1}:8600/feed/${n}`).then(
          (d) => void (bytes += d.body.length),
          () => void failed++,
        ),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    await fetcher.close();
    process.stdout.write(
      `Fetch: ${FETCH_FEEDS} feeds from ${FETCH_HOSTS} loopback hosts, ${LATENCY_MIN_MS}–${LATENCY_MIN_MS + LATENCY_SPREAD_MS} ms latency, default politeness ` +
        `(16 in flight, 2 per host, 250 ms between starts per host)\n` +
        `wall ${seconds.toFixed(2)} s, ${(FETCH_FEEDS / seconds).toFixed(1)} feeds/s, ${(bytes / 1e6).toFixed(1)} MB, ${failed} failed, ` +
        `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
    );
  } finally {
    server.kill();
  }
}

const mode = process.argv[2];
if (mode === 'serve') await serve();
else if (mode === 'fetch') await fetchBench();
else {
  await parseBench();
  // The fetch client in a fresh process, so that its peak RSS is its own.
  const child = fork(fileURLToPath(import.meta.url), ['fetch']);
  await new Promise((resolve) => child.once('exit', resolve));
}
