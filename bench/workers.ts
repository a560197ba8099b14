// `npm run bench:workers [-- ARTICLES]`: a queued run (`newsdesk run --queue`) on a real PostgreSQL with 1, 2
// and 4 `newsdesk worker` processes, and the same run as one process on SQLite as the baseline, in one go.
// The sources: 200 feeds on 200 loopback hosts (127.0.0.1–127.0.0.200), 50 teaser items each, every item's
// article page on the same host; every answer comes after 50 ms. Each run gets a fresh database and reads
// every feed and page anew. Printed: wall seconds of the whole run and of its jobs, CPU seconds of all its
// processes together and of the PostgreSQL server (its processes, ended ones included) during it, articles/s, and peak RSS of the run process and of each worker (VmHWM; both sampled
// from /proc while the process lives, so the last fifth of a second may be missed).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticArticles } from './corpus.js';
import { startPostgres } from '../test/helpers/postgres.js';
import { tempDir } from '../test/helpers/cli.js';

const DEFAULT_ARTICLES = 10_000;
const HOSTS = 200;
const ANSWER_MS = 50;
const WORKER_COUNTS = [1, 2, 4];
/** Jobs at a time per worker: the worker's default. */
const CONCURRENCY = 4;
/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;
/** Between two samples of a process's peak RSS and CPU time. */
const RSS_SAMPLE_MS = 200;
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
/**
 * Two requests at a time per host (the default) and no pause between them: the 50 ms answers set the pace,
 * not a politeness delay that would make every configuration wait alike.
 */
const CONFIG = 'fetch:\n  perHost: 2\n  hostDelayMs: 0\n';

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Feeds and pages by host: each feed's items are teasers whose pages hold the article. */
function corpus(articles: number): Array<Map<string, string>> {
  const hosts = Array.from({ length: HOSTS }, () => new Map<string, string>());
  const items: string[][] = hosts.map(() => []);
  for (const article of syntheticArticles(articles)) {
    const h = article.index % HOSTS;
    const [title, ...paragraphs] = article.text.trim().split('\n\n');
    const path = `/news/${article.index}.html`;
    const body = paragraphs.map((p) => `<p>${xml(p)}</p>`).join('\n');
    hosts[h]!.set(
      path,
      `<!doctype html><html lang="en"><head><title>${xml(title!)}</title><meta property="og:site_name" content="${xml(article.publisher)}">` +
        `<meta property="article:published_time" content="${article.published}"></head><body><article><h1>${xml(title!)}</h1>${body}</article></body></html>`,
    );
    items[h]!.push(`<item><title>${xml(title!)}</title><link>HOST${path}</link><pubDate>${new Date(article.published).toUTCString()}</pubDate><description>${xml(paragraphs[0]!.split('. ')[0]!)}.</description></item>`);
  }
  hosts.forEach((pages, h) => pages.set('/feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Town ${h} Courier</title><link>HOST/</link>${items[h]!.join('')}</channel></rss>`));
  return hosts;
}

async function serve(hosts: Array<Map<string, string>>): Promise<{ urls: string[]; close: () => Promise<void> }> {
  const servers: Server[] = [];
  const urls: string[] = [];
  for (const [h, pages] of hosts.entries()) {
    const address = `127.0.0.${h + 1}`;
    let base = '';
    const server = createServer((req, res) => {
      const page = pages.get(req.url ?? '');
      setTimeout(() => {
        if (page === undefined) res.writeHead(404).end();
        else res.writeHead(200, { 'content-type': req.url === '/feed.xml' ? 'application/rss+xml' : 'text/html; charset=utf-8' }).end(page.replaceAll('HOST', base));
      }, ANSWER_MS);
    });
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    base = `http://${address}:${(server.address() as AddressInfo).port}`;
    servers.push(server);
    urls.push(`${base}/feed.xml`);
  }
  return { urls, close: async () => void (await Promise.all(servers.map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))))) };
}

/** utime, stime (and with `ended`, cutime, cstime: children it has reaped) of a process, in clock ticks. */
function ticks(pid: number, ended: boolean): number {
  // The fields after the command name in parentheses, which may itself hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]) + (ended ? Number(fields[13]) + Number(fields[14]) : 0);
}

/**
 * CPU seconds the PostgreSQL server has used so far: its main process, the backends and helpers it runs,
 * and those it has reaped. Read before and after a run, the difference is the server's share of the run.
 */
function postgresCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean).map(Number);
    let total = ticks(pid, true);
    for (const child of children) {
      try {
        total += ticks(child, false);
      } catch {
        // Ended between the two reads: its time is in the main process's cutime at the next read.
      }
    }
    return total / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** A child process of the CLI with its peak RSS sampled, its stderr lines timed. */
function start(args: string[], cwd: string): { child: ChildProcess; peakMb: () => number; cpuSeconds: () => number; lines: Array<{ at: number; text: string }>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NEWSDESK_DB: '', NEWSDESK_OUT: '', NEWSDESK_CONFIG: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let peak = 0;
  let cpu = 0;
  const sample = (): void => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
      cpu = ticks(child.pid!, false) / CLOCK_TICKS;
    } catch {
      // Gone already: the last sample stands.
    }
  };
  const timer = setInterval(sample, RSS_SAMPLE_MS);
  const lines: Array<{ at: number; text: string }> = [];
  let partial = '';
  child.stderr!.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop()!;
    for (const text of parts) lines.push({ at: performance.now(), text });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (clearInterval(timer), resolve(code))));
  return { child, peakMb: () => peak, cpuSeconds: () => cpu, lines, exited };
}

interface Measured {
  label: string;
  seconds: number;
  jobSeconds?: number;
  articles: number;
  runPeakMb: number;
  workerPeaksMb: number[];
  /** CPU seconds of the run process and every worker together. */
  cpuSeconds: number;
  /** CPU seconds of the PostgreSQL server during the run (undefined for SQLite). */
  postgresCpuSeconds?: number;
}

async function measure(label: string, db: string, urls: string[], workers: number, postgresPid?: number): Promise<Measured> {
  const cwd = tempDir('newsdesk-bench-workers-');
  try {
    return await measureIn(cwd, label, db, urls, workers, postgresPid);
  } finally {
    // Each run's outputs are about 170 MB: gone once measured, whether the run passed or failed.
    rmSync(cwd, { recursive: true, force: true });
  }
}

async function measureIn(cwd: string, label: string, db: string, urls: string[], workers: number, postgresPid: number | undefined): Promise<Measured> {
  writeFileSync(join(cwd, 'newsdesk.yaml'), CONFIG);
  const fleet = Array.from({ length: workers }, () => start(['worker', '--db', db, '--config', 'newsdesk.yaml', '--allow-private', '--concurrency', String(CONCURRENCY)], cwd));
  // Every worker up before the clock starts: its start-up is not the run's work.
  for (const w of fleet) while (!w.lines.some((l) => l.text.includes('taking'))) await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  const postgresBefore = postgresCpuSeconds(postgresPid);
  const run = start(['run', '--config', 'newsdesk.yaml', '--allow-private', '--db', db, '--out', 'out', '--progress', ...(workers > 0 ? ['--queue'] : []), ...urls], cwd);
  const code = await run.exited;
  const seconds = (performance.now() - started) / 1000;
  const postgresCpu = postgresCpuSeconds(postgresPid) - postgresBefore;
  const workerPeaksMb = fleet.map((w) => w.peakMb());
  const cpuSeconds = run.cpuSeconds() + fleet.reduce((sum, w) => sum + w.cpuSeconds(), 0);
  for (const w of fleet) w.child.kill('SIGTERM');
  await Promise.all(fleet.map((w) => w.exited));
  const summary = run.lines.find((l) => /^newsdesk run: \d+ articles?, /.test(l.text));
  if (code !== 0 || !summary) throw new Error(`bench:workers: the ${label} run failed (exit ${code}):\n${run.lines.map((l) => l.text).slice(-20).join('\n')}`);
  const articles = Number(/(\d+) articles?/.exec(summary.text)![1]);
  // The jobs' phase: from the run's start to the first line after its last job, for a queued run.
  const afterJobs = run.lines.find((l) => /^newsdesk run: summarize /.test(l.text));
  return {
    label,
    seconds,
    ...(workers > 0 && afterJobs ? { jobSeconds: (afterJobs.at - started) / 1000 } : {}),
    articles,
    runPeakMb: run.peakMb(),
    workerPeaksMb,
    cpuSeconds,
    ...(postgresPid !== undefined ? { postgresCpuSeconds: postgresCpu } : {}),
  };
}

const articles = Number(process.argv[2] ?? DEFAULT_ARTICLES);
if (!Number.isInteger(articles) || articles < HOSTS) {
  console.error(`bench:workers: "${process.argv[2]}" is not a whole number of articles of at least ${HOSTS}`);
  process.exit(2);
}
console.log(`newsdesk bench:workers: ${articles.toLocaleString('en-US')} articles, ${HOSTS} feeds on ${HOSTS} loopback hosts answering after ${ANSWER_MS} ms (teaser items: one page fetch per article), worker concurrency ${CONCURRENCY}`);
const hosted = await serve(corpus(articles));
const pg = await startPostgres();
const results: Measured[] = [];
try {
  const sqlite = tempDir('newsdesk-bench-sqlite-');
  try {
    results.push(await measure('SQLite, one process', join(sqlite, 'desk.db'), hosted.urls, 0));
  } finally {
    rmSync(sqlite, { recursive: true, force: true });
  }
  for (const n of WORKER_COUNTS) results.push(await measure(`PostgreSQL, ${n} worker${n === 1 ? '' : 's'}`, await pg.createDatabase(), hosted.urls, n, pg.pid));
} finally {
  await pg.stop();
  await hosted.close();
}
console.log('run                     articles   seconds   jobs s   CPU s   PG CPU s   articles/s   vs 1 worker   run RSS MB   worker RSS MB');
const one = results.find((r) => r.label.endsWith(' 1 worker'))!;
for (const r of results) {
  console.log(
    `${r.label.padEnd(22)}  ${String(r.articles).padStart(8)}  ${r.seconds.toFixed(1).padStart(8)}  ${(r.jobSeconds?.toFixed(1) ?? '-').padStart(7)}  ${r.cpuSeconds.toFixed(0).padStart(6)}  ${(r.postgresCpuSeconds?.toFixed(0) ?? '-').padStart(9)}  ${(r.articles / r.seconds).toFixed(0).padStart(11)}  ${(one.seconds / r.seconds).toFixed(2).padStart(11)}×  ${r.runPeakMb.toFixed(0).padStart(10)}   ${r.workerPeaksMb.map((m) => m.toFixed(0)).join(', ') || '-'}`,
  );
}
