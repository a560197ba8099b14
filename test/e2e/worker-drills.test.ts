// Failure drills for workers on a real PostgreSQL: a worker killed with -9 in the middle of its jobs (another
// finishes them, and each job's effect in the desk happens once), and PostgreSQL restarted while a worker
// waits for work (it reconnects and takes the next job).
import { writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { until } from '../helpers/wait.js';
import { startDeskWorker, type WorkerProcess } from '../helpers/workers.js';
import { openJobQueue, waitForRun, type JobQueue, type QueueOptions } from '../../src/queue/index.js';
import { fetchJob } from '../../src/queue/kinds/index.js';

/** Short leases looked at every second, and quick retries, so that a dead worker's jobs come back within seconds. */
const QUICK_QUEUE: Partial<QueueOptions> = { leaseSeconds: 3, leaseCheckSeconds: 1, retryDelaySeconds: 1, retries: 3 };
/** The host answers this late, so that a worker is killed while it waits for the answers. */
const ANSWER_MS = 1_500;

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function workFolder(): string {
  const dir = tempDir('newsdesk-drill-');
  // Room on the host for a second worker while the dead one's host slots have not lapsed yet.
  writeFileSync(join(dir, 'newsdesk.yaml'), 'fetch:\n  perHost: 8\n  hostDelayMs: 0\n  retries: 0\nqueue:\n  leaseCheckSeconds: 1\n');
  return dir;
}

function worker(db: string, cwd: string, concurrency: number): WorkerProcess {
  const started = startDeskWorker(db, cwd, concurrency);
  cleanups.push(async () => {
    started.child.kill('SIGKILL');
    await started.exited;
  });
  return started;
}

async function host(routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void>): Promise<TestServer> {
  const started = await startServer(routes);
  cleanups.push(() => started.close());
  return started;
}

async function queueOn(db: string): Promise<JobQueue> {
  const queue = await openJobQueue(db, QUICK_QUEUE);
  cleanups.push(() => queue.close());
  return queue;
}

describe('worker drills', () => {
  it('a worker killed with -9 in the middle of its jobs: another finishes them, and each job’s effect happens once', async () => {
    const db = await server.createDatabase();
    const arrived: string[] = [];
    let inFlight = 0;
    const feeds = await host(
      Object.fromEntries(
        Array.from({ length: 6 }, (_, i) => [
          `/county/${i}.xml`,
          (req: IncomingMessage, res: ServerResponse) => {
            arrived.push(req.url!);
            inFlight++;
            setTimeout(() => {
              inFlight--;
              res.writeHead(200, { etag: `"edition-${i}"`, 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>Lakeview Sentinel</title></channel></rss>');
            }, ANSWER_MS);
          },
        ]),
      ),
    );
    const urls = Array.from({ length: 6 }, (_, i) => feeds.url(`/county/${i}.xml`));
    const queue = await queueOn(db);
    await queue.enqueue(1, urls.map((url) => fetchJob(url)));

    const cwd = workFolder();
    const doomed = worker(db, cwd, 3);
    await until(() => inFlight === 3);
    const heldByDoomed = [...arrived];
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(doomed.lines(/^done /)).toEqual([]);

    const rescuer = worker(db, cwd, 3);
    expect(await waitForRun(queue, 1, { pollMs: 100 })).toEqual({ total: 6, done: 6, failed: 0, pending: 0 });

    // The dead worker's three jobs were taken again after their lease; the other three once.
    const jobs = await queue.list({ runId: 1, limit: 10 });
    const attempts = new Map(jobs.map((j) => [j.key, j.attempts]));
    for (const url of urls) expect(attempts.get(url), url).toBe(heldByDoomed.includes(new URL(url).pathname) ? 2 : 1);
    await until(() => rescuer.lines(/^done /).length === 6);
    expect(rescuer.lines(/\(attempt 2 of 4, /)).toHaveLength(3);
    for (const url of urls) expect(arrived.filter((path) => path === new URL(url).pathname)).toHaveLength(heldByDoomed.includes(new URL(url).pathname) ? 2 : 1);

    // The effect in the desk: one fetch state per URL, with its validators, as a single worker leaves it.
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      const { rows } = await client.query<{ url: string; etag: string; failures: number }>('SELECT url, etag, failures FROM fetch_state ORDER BY url');
      expect(rows).toEqual(urls.map((url, i) => ({ url, etag: `"edition-${i}"`, failures: 0 })));
    } finally {
      await client.end();
    }
  });

  it('PostgreSQL restarted while a worker waits: it says so, reconnects, and takes the next job', async () => {
    const db = await server.createDatabase();
    const feeds = await host({
      '/before.xml': (_req, res) => void res.writeHead(200, { etag: '"a"' }).end('<rss version="2.0"><channel><title>Lakeview Sentinel</title></channel></rss>'),
      '/after.xml': (_req, res) => void res.writeHead(200, { etag: '"b"' }).end('<rss version="2.0"><channel><title>Lakeview Sentinel</title></channel></rss>'),
    });
    const waiting = worker(db, workFolder(), 2);
    const before = await openJobQueue(db, QUICK_QUEUE);
    await before.enqueue(1, [fetchJob(feeds.url('/before.xml'))]);
    await waiting.waitFor(/^done .*\/before\.xml/);
    await before.close();

    // Down until the worker has noticed, as when an operator restarts the server.
    await server.restart(() => waiting.waitFor(/lost the database postgres:\/\/newsdesk:\*\*\*@/, 'stderr').then(() => undefined));
    const after = await queueOn(db);
    await after.enqueue(2, [fetchJob(feeds.url('/after.xml'))]);
    await waiting.waitFor(/^done .*\/after\.xml/);
    expect(await waitForRun(after, 2, { pollMs: 100 })).toEqual({ total: 1, done: 1, failed: 0, pending: 0 });
    expect(waiting.stderr()).toMatch(/the database postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:\d+\/\w+ answers again/);
    expect(waiting.stderr()).not.toContain(server.password);

    waiting.child.kill('SIGTERM');
    expect(await waiting.exited).toEqual({ code: 0, signal: null });
  });
});
