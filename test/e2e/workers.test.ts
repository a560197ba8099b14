// End to end: `newsdesk worker` processes on a real PostgreSQL take fetch jobs that this test enqueues, fetch
// from a loopback host with the politeness kept in the database, and `newsdesk jobs` lists what happened.
import { writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync, tempDir } from '../helpers/cli.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { startDeskWorker, type WorkerProcess } from '../helpers/workers.js';
import { openJobQueue, waitForRun, type JobQueue } from '../../src/queue/index.js';
import { fetchJob } from '../../src/queue/kinds/index.js';
import { openStore } from '../../src/store/index.js';

/** Allowed in flight on the host, and between two starts there, for the whole fleet. */
const PER_HOST = 2;
const HOST_DELAY_MS = 250;
/** The host holds each answer this long, so that requests would overlap unless something stops them. */
const ANSWER_MS = 500;
/** Arrivals are measured at the server; a slot is taken a moment before, by a moment that varies with the load. */
const ARRIVAL_JITTER_MS = 100;

let pg: PostgresServer;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

const workers: WorkerProcess[] = [];
const queues: JobQueue[] = [];
const hosts: TestServer[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) {
    worker.child.kill('SIGKILL');
    await worker.exited;
  }
  for (const queue of queues.splice(0)) await queue.close();
  for (const host of hosts.splice(0)) await host.close();
});

/** A working folder with a config for the workers: polite limits, quick retries and lease checks. */
function workFolder(queue: Record<string, number> = {}): string {
  const dir = tempDir('newsdesk-workers-');
  const yaml = [
    'fetch:',
    `  perHost: ${PER_HOST}`,
    `  hostDelayMs: ${HOST_DELAY_MS}`,
    '  retries: 0',
    'queue:',
    '  leaseCheckSeconds: 1',
    ...Object.entries(queue).map(([key, value]) => `  ${key}: ${value}`),
  ].join('\n');
  writeFileSync(join(dir, 'newsdesk.yaml'), `${yaml}\n`);
  return dir;
}

function worker(db: string, cwd: string, concurrency = 4): WorkerProcess {
  const started = startDeskWorker(db, cwd, concurrency);
  workers.push(started);
  return started;
}

async function queueOn(db: string, options: Parameters<typeof openJobQueue>[1] = {}): Promise<JobQueue> {
  const queue = await openJobQueue(db, options);
  queues.push(queue);
  return queue;
}

describe('newsdesk worker', () => {
  it('refuses a SQLite desk with exit 2, saying that workers need PostgreSQL; jobs likewise', () => {
    const dir = tempDir('newsdesk-workers-');
    const refused = runCli(['worker', '--db', 'desk.db'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^newsdesk worker: workers need PostgreSQL: the SQLite desk desk\.db keeps its jobs inside the process that runs them.*pass --db postgres:\/\//);
    const jobs = runCli(['jobs', '--db', 'desk.db', '--failed'], dir);
    expect(jobs.status).toBe(2);
    expect(jobs.stderr).toMatch(/^newsdesk jobs: jobs are kept in PostgreSQL/);
    expect(runCli(['worker', '--db', 'postgres://desk@127.0.0.1/news', '--concurrency', 'many'], dir)).toMatchObject({ status: 2 });
    for (const name of ['worker', 'jobs']) {
      const help = runCli([name, '--help'], dir);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: newsdesk ${name} --db postgres://`));
    }
  });

  it('runs as two processes that do every fetch job once, polite to the host together, keeping each feed’s validators', async () => {
    const db = await pg.createDatabase();
    let inFlight = 0;
    let peak = 0;
    const arrivals: number[] = [];
    const host = await startServer(
      Object.fromEntries(
        Array.from({ length: 8 }, (_, i) => [
          `/feeds/${i}.xml`,
          (_req: IncomingMessage, res: ServerResponse) => {
            arrivals.push(Date.now());
            peak = Math.max(peak, ++inFlight);
            setTimeout(() => {
              inFlight--;
              res.writeHead(200, { etag: `"issue-${i}"`, 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>Ferndale Tribune</title></channel></rss>');
            }, ANSWER_MS);
          },
        ]),
      ),
    );
    hosts.push(host);
    const cwd = workFolder();
    const one = worker(db, cwd);
    const two = worker(db, cwd);
    await Promise.all([one.waitFor(/taking fetch, source jobs/, 'stderr'), two.waitFor(/taking fetch, source jobs/, 'stderr')]);
    const urls = Array.from({ length: 8 }, (_, i) => host.url(`/feeds/${i}.xml`));
    const queue = await queueOn(db);
    await queue.enqueue(1, urls.map((url) => fetchJob(url)));
    expect(await waitForRun(queue, 1, { pollMs: 100 })).toEqual({ total: 8, done: 8, failed: 0, pending: 0 });

    // Each process alone would allow two in flight, so together they would reach four, and start at will.
    expect(arrivals).toHaveLength(8);
    expect(peak).toBe(PER_HOST);
    // No two starts together, and all of them spread over at least seven delays (the jitter of one arrival
    // shortens one gap and lengthens the next, so the span holds it only once).
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]! - arrivals[i - 1]!).toBeGreaterThanOrEqual(HOST_DELAY_MS / 2);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual((arrivals.length - 1) * HOST_DELAY_MS - ARRIVAL_JITTER_MS);
    const done = [...one.lines(/^done /), ...two.lines(/^done /)];
    expect(done).toHaveLength(8);
    expect(done[0]).toMatch(/^done {3}fetch {2}[0-9a-f]{8} http:\/\/127\.0\.0\.1:\d+\/feeds\/\d\.xml: 7\d bytes \(attempt 1 of 4, \d+\.\d s\)$/);
    const store = await openStore(db);
    try {
      for (const [i, url] of urls.entries()) expect(await store.getValidators(url)).toEqual({ etag: `"issue-${i}"` });
    } finally {
      await store.close();
    }

    one.child.kill('SIGTERM');
    two.child.kill('SIGTERM');
    expect(await one.exited).toEqual({ code: 0, signal: null });
    expect(await two.exited).toEqual({ code: 0, signal: null });
    expect(one.stderr() + two.stderr()).toMatch(/stopped; \d done, 0 failed, 0 given back to the queue/);
  });

  it('prints a failed job once per attempt, and jobs lists it with its last error, by state, by run and as JSON', async () => {
    const db = await pg.createDatabase();
    const host = await startServer({
      '/gone.xml': (_req, res) => void res.writeHead(500).end(),
      '/fine.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>Ferndale Tribune</title></channel></rss>'),
    });
    hosts.push(host);
    const cwd = workFolder({ retries: 1, retryDelaySeconds: 1 });
    const queue = await queueOn(db, { retries: 1, retryDelaySeconds: 1 });
    await queue.enqueue(4, [fetchJob(host.url('/gone.xml')), fetchJob(host.url('/fine.xml'))]);
    const running = worker(db, cwd, 2);
    expect(await waitForRun(queue, 4, { pollMs: 100 })).toEqual({ total: 2, done: 1, failed: 1, pending: 0 });
    await running.waitFor(/failed for good/);
    expect(running.lines(/^failed /)).toEqual([
      expect.stringMatching(/^failed fetch {2}[0-9a-f]{8} http:\/\/127\.0\.0\.1:\d+\/gone\.xml: fetch: HTTP 500 Internal Server Error \(attempt 1 of 2, tried again later\)$/),
      expect.stringMatching(/^failed fetch {2}[0-9a-f]{8} http:\/\/127\.0\.0\.1:\d+\/gone\.xml: fetch: HTTP 500 Internal Server Error \(attempt 2 of 2, failed for good\)$/),
    ]);

    const failed = await runCliAsync(['jobs', '--db', db, '--failed', '--json'], cwd);
    expect(failed.status, failed.stderr).toBe(0);
    expect(JSON.parse(failed.stdout)).toEqual({
      jobs: [
        {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          kind: 'fetch',
          key: host.url('/gone.xml'),
          run: 4,
          state: 'failed',
          attempts: 2,
          max_attempts: 2,
          last_error: 'fetch: HTTP 500 Internal Server Error',
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          finished_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
    });
    const byRun = await runCliAsync(['jobs', '--db', db, '--run', '4'], cwd);
    expect(byRun.status, byRun.stderr).toBe(0);
    const rows = byRun.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^id\s+kind\s+state\s+tries\s+run\s+key\s+last error$/);
    // Newest first; the two were enqueued together, so either may come first.
    expect(rows.slice(1)).toHaveLength(2);
    expect(rows.slice(1)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^[0-9a-f]{8}\s+fetch\s+done\s+1\/2\s+4\s+http:\/\/127\.0\.0\.1:\d+\/fine\.xml$/),
        expect.stringMatching(/^[0-9a-f]{8}\s+fetch\s+failed\s+2\/2\s+4\s+http:\/\/127\.0\.0\.1:\d+\/gone\.xml\s+fetch: HTTP 500 Internal Server Error$/),
      ]),
    );
    expect(byRun.stderr).toContain('newsdesk jobs: run 4: 1 done, 1 failed, 0 pending of 2\n');
    const none = await runCliAsync(['jobs', '--db', db, '--run', '5'], cwd);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^newsdesk jobs: no jobs in postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:\d+\/desk_\d+_\d+\n/);
    expect(none.stderr).not.toContain(pg.password);
    const bad = await runCliAsync(['jobs', '--db', db, '--state', 'stuck'], cwd);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--state "stuck" is not a job state; use one of queued, active, retry, done, failed, cancelled/);
  });
});
