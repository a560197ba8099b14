// `npm run eval:feeds`: feedparser's real-world feed test cases (../shared/data/feedparser, read at run
// time) through newsdesk's feed parser, with rss-parser as the baseline in the same run. Each case's
// "Expect:" expression is evaluated over a feedparser-shaped view of the result (expect.ts); cases that
// read keys newsdesk has no concept for (title_detail, tags, itunes_*, …) are listed as not mappable.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Parser from 'rss-parser';
import { contentLocationOf } from '../src/fetch/client.js';
import { decodeDocument, detectKind, parseFeedDocument } from '../src/ingest/index.js';
import type { Feed } from '../src/model.js';
import { evaluate, Unmappable } from './expect.js';
import { baselineView, ITEM_KEYS, oursView, type View } from './feeds-view.js';
import { sharedDataDir } from './shared-data.js';

const DATA = sharedDataDir('feedparser');
/** feedparser's harness serves "http" cases from this address; their relative links resolve against it. */
const HTTP_BASE = 'http://127.0.0.1:8097/tests/';

interface Case {
  path: string;
  folder: string;
  expect: string;
  contentType?: string;
  url?: string;
  bytes: Buffer;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.xml') ? [path] : [];
    });
}

function readCase(path: string): Case | undefined {
  const bytes = readFileSync(path);
  const head = bytes.subarray(0, 4096).toString('latin1');
  const expect = /^\s*Expect:\s*(.+?)\s*$/m.exec(head)?.[1];
  if (!expect) return undefined;
  const rel = relative(DATA, path).split('\\').join('/');
  const headers = [...head.matchAll(/^\s*Header:\s*([\w-]+):\s*(.+?)\s*$/gm)].map((m) => [m[1]!.toLowerCase(), m[2]!] as const);
  const isHttp = rel.includes('http');
  const contentType = headers.find(([name]) => name === 'content-type')?.[1] ?? (isHttp ? 'text/xml' : undefined);
  const parts = rel.split('/');
  return {
    path: rel,
    folder: parts.length > 2 ? `${parts[0]}/${parts[1]}` : `${parts[0]}/(top)`,
    expect,
    ...(contentType ? { contentType } : {}),
    // What the fetcher does: Content-Location, resolved against the request URL, becomes the document URL.
    ...(isHttp ? { url: contentLocationOf(headers.find(([name]) => name === 'content-location')?.[1], HTTP_BASE + rel) ?? HTTP_BASE + rel } : {}),
    bytes,
  };
}

async function ours(c: Case): Promise<View> {
  const decoded = decodeDocument(c.bytes, c.contentType);
  const kind = detectKind(decoded.text, c.path);
  let feed: Feed | undefined;
  let failed = false;
  if (kind === 'rss' || kind === 'atom' || kind === 'jsonfeed') {
    try {
      feed = await parseFeedDocument(decoded.text, kind, c.url ? { url: c.url } : {});
    } catch {
      failed = true;
    }
  } else failed = true;
  return oursView(feed, decoded.encoding, failed || decoded.warnings.length > 0);
}

const rssParser = new Parser();
async function baseline(c: Case): Promise<View> {
  const text = decodeDocument(c.bytes, c.contentType).text;
  try {
    return baselineView(await rssParser.parseString(text));
  } catch {
    return baselineView(undefined);
  }
}

type Outcome = 'pass' | 'fail' | 'unmapped';
function judge(expression: string, view: View): { outcome: Outcome; reason?: string } {
  try {
    return { outcome: evaluate(expression, view, ITEM_KEYS) ? 'pass' : 'fail' };
  } catch (error) {
    if (error instanceof Unmappable) return { outcome: 'unmapped', reason: error.message };
    return { outcome: 'fail', reason: String(error) };
  }
}

async function main(): Promise<void> {
  if (!existsSync(DATA)) {
    process.stdout.write(`eval:feeds: skipped: ${DATA} is absent (feedparser test cases are read from ../shared/data/feedparser)\n`);
    return;
  }
  const cases = walk(DATA).map(readCase).filter((c): c is Case => c !== undefined);
  const folders = new Map<string, { total: number; mapped: number; ours: number; comparable: number; base: number }>();
  const unmapped: string[] = [];
  const failures: string[] = [];
  for (const c of cases) {
    const row = folders.get(c.folder) ?? { total: 0, mapped: 0, ours: 0, comparable: 0, base: 0 };
    folders.set(c.folder, row);
    row.total++;
    const mine = judge(c.expect, await ours(c));
    if (mine.outcome === 'unmapped') {
      unmapped.push(`${c.path}: ${mine.reason}`);
      continue;
    }
    row.mapped++;
    if (mine.outcome === 'pass') row.ours++;
    else failures.push(`${c.path}: ${c.expect}`);
    // A case the baseline has no field for is "not comparable" for it, not failed.
    const theirs = judge(c.expect, await baseline(c)).outcome;
    if (theirs !== 'unmapped') row.comparable++;
    if (theirs === 'pass') row.base++;
  }
  const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
  const line = (folder: string, row: { total: number; mapped: number; ours: number; comparable: number; base: number }): string =>
    `${folder.padEnd(30)}${String(row.total).padStart(5)}${String(row.mapped).padStart(8)}  ${String(row.ours).padStart(4)} ${pct(row.ours, row.mapped)}      ` +
    `${String(row.comparable).padStart(10)}  ${String(row.base).padStart(6)}  ${pct(row.base, row.comparable).padStart(13)}  ${pct(row.base, row.mapped).padStart(9)}`;
  const lines = [
    'folder                        cases  mapped  newsdesk          rss-parser: comparable  passed  of comparable  of mapped',
  ];
  const total = { total: 0, mapped: 0, ours: 0, comparable: 0, base: 0 };
  for (const [folder, row] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(line(folder, row));
    for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += row[key];
  }
  lines.push(line('all', total));
  const notComparable = total.mapped - total.comparable;
  lines.push(`rss-parser not comparable on ${notComparable} mapped case(s) (it reports no encoding or feed version): ${total.base}/${total.comparable} comparable, ${total.base}/${total.mapped} of all mapped`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
  process.stdout.write(`Mappable cases newsdesk fails (${failures.length}):\n${failures.map((f) => `  ${f}`).join('\n')}\n\n`);
  process.stdout.write(`Cases that could not be mapped onto newsdesk's feed JSON (${unmapped.length}):\n${unmapped.map((u) => `  ${u}`).join('\n')}\n`);
}

await main();
