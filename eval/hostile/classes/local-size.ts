// Item 5: inputs that hold the desk by size or by time. Local files over the size cap (just over, 24 MB
// of text, sparse files of 200 MB and 2 GB) must be refused before they are read, each as one failure
// while the rest is read; a server dripping bytes must not hold one URL past fetch.urlTimeoutMs over all
// its retries; and a Retry-After HTTP does not define (-5, 1.5, soon) must not mean "retry at once".
import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFetcher } from '../../../src/fetch/index.js';
import { MAX_LOCAL_FILE_BYTES } from '../../../src/ingest/local-file.js';
import { readSources } from '../../../src/ingest/read.js';
import { Crash, expectExit, runCli, tally, type Case } from '../outcomes.js';

const ARTICLE = 'Quayside Market Moves Indoors for Winter\n\nThe Saturday market on the quay will move into the old net loft from November, the harbor trust said.\n';

/** A file of `bytes` bytes: text written out, or a sparse file (its size without the disk or the time). */
function sizedFile(path: string, bytes: number, sparse: boolean): string {
  if (!sparse) {
    writeFileSync(path, 'The net loft will hold forty stalls. '.repeat(Math.ceil(bytes / 37)).slice(0, bytes));
    return path;
  }
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

const OVERSIZED: ReadonlyArray<[string, number, boolean]> = [
  ['one byte over the cap', MAX_LOCAL_FILE_BYTES + 1, false],
  ['24 MB of text', 24 * 1024 * 1024, false],
  ['a sparse 200 MB file', 200 * 1024 * 1024, true],
  ['a sparse 2 GB file', 2 * 1024 * 1024 * 1024, true],
];

/** Retry-After values HTTP does not define; each must fall back to the backoff. */
const BAD_RETRY_AFTER = ['-5', '-1', '-0', '1.5', '+3', 'soon', '5 seconds', '0x10', 'Thu, 01 Jan 1970', ''];
/** The smallest wait the backoff allows for a first retry with base BACKOFF_MS: half of it. */
const BACKOFF_MS = 300;

export const hostileClass = {
  name: 'local-size',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-hostile-size-'));
    const hits = new Map<string, number[]>();
    const server = createServer((req, res: ServerResponse) => {
      const path = req.url ?? '/';
      hits.set(path, [...(hits.get(path) ?? []), Date.now()]);
      if (path === '/drip') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('.'), 100);
        res.on('close', () => clearInterval(timer));
        return;
      }
      const value = decodeURIComponent(path.slice('/retry/'.length));
      if ((hits.get(path) ?? []).length === 1) return void res.writeHead(503, value ? { 'retry-after': value } : {}).end();
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const cases: Case[] = [];
    for (const [what, bytes, sparse] of OVERSIZED) {
      const folder = join(dir, what.replace(/\W+/g, '-'));
      mkdirSync(folder);
      writeFileSync(join(folder, 'market.txt'), ARTICLE);
      const big = sizedFile(join(folder, 'big.txt'), bytes, sparse);
      cases.push({
        name: `ingest of a folder holding ${what}`,
        run: async () => {
          const read = await readSources([folder]);
          if (read.documents.some((d) => d.path === big)) return { leaked: `${what} was read` };
          if (!read.documents.some((d) => d.path.endsWith('market.txt'))) throw new Crash('the small article beside it was lost');
          const failure = read.failures.find((f) => f.path === big);
          if (!failure?.refused || !/limit for local files/.test(failure.reason)) throw new Crash(`no refusal for ${what}: ${failure?.reason ?? 'none'}`);
          return {};
        },
      });
      cases.push({
        name: `newsdesk extract on ${what}`,
        run: async () => {
          const result = expectExit(await runCli(['extract', big], dir), 2, 'extract');
          return /limit for local files/.test(result.stderr) ? {} : { leaked: `no size refusal: ${result.stderr.trim()}` };
        },
      });
    }
    cases.push({
      name: 'a server dripping a byte every 100 ms, 5 retries allowed, 1.5 s per URL',
      run: async () => {
        const fetcher = createFetcher({ allowPrivate: true, hostDelayMs: 0, retries: 5, backoffBaseMs: 10, totalTimeoutMs: 1_000, urlTimeoutMs: 1_500 });
        try {
          await fetcher.fetch(`${base}/drip`).then(() => {
            throw new Crash('a dripping body completed');
          }, () => undefined);
          const attempts = hits.get('/drip')?.length ?? 0;
          return attempts <= 2 ? {} : { leaked: `${attempts} attempts within one URL's budget` };
        } finally {
          await fetcher.close();
        }
      },
    });
    for (const value of BAD_RETRY_AFTER) {
      cases.push({
        name: `Retry-After: ${JSON.stringify(value)} on a 503`,
        run: async () => {
          const path = `/retry/${encodeURIComponent(value)}`;
          const fetcher = createFetcher({ allowPrivate: true, hostDelayMs: 0, retries: 1, backoffBaseMs: BACKOFF_MS, backoffMaxMs: BACKOFF_MS });
          try {
            await fetcher.fetch(`${base}${path}`);
          } finally {
            await fetcher.close();
          }
          const [first = 0, second = 0] = hits.get(path) ?? [];
          return second - first >= BACKOFF_MS / 2 - 5 ? {} : { leaked: `retried after ${second - first} ms` };
        },
      });
    }
    try {
      return await tally(cases);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
