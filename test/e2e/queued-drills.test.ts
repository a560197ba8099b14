// Failure drills for a queued run on a real PostgreSQL, with `newsdesk worker` processes fetching the demo
// corpus from a loopback host: PostgreSQL stopped and started again in the middle of the run (the workers and
// the run reconnect, and the run ranks what a single-process run ranks), and the queued run's own process
// killed with -9 (a new run on the same inputs ranks the same, and nothing of the killed run is left behind).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres.js';
import { demoHost, ranked, runArgs, workFolder, type RunJson } from '../helpers/queued.js';
import type { TestServer } from '../helpers/server.js';
import { until } from '../helpers/wait.js';
import { startCommand, startDeskWorker, type WorkerProcess } from '../helpers/workers.js';
import { openJobQueue } from '../../src/queue/index.js';
import { openStore } from '../../src/store/index.js';

/** The host answers this late, so that the run is in the middle of its jobs for a while. */
const ANSWER_MS = 1_000;

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const processes: WorkerProcess[] = [];
const hosts: TestServer[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const started of processes.splice(0)) {
    started.child.kill('SIGKILL');
    await started.exited;
  }
  for (const host of hosts.splice(0)) await host.close();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function worker(db: string, cwd: string, concurrency = 2): WorkerProcess {
  const started = startDeskWorker(db, cwd, concurrency);
  processes.push(started);
  return started;
}

function queuedRun(db: string, urls: string[], cwd: string): WorkerProcess {
  const started = startCommand([...runArgs(db, urls), '--queue', '--progress'], cwd);
  processes.push(started);
  return started;
}

const doneSources = (workers: WorkerProcess[]): number => workers.reduce((n, w) => n + w.lines(/^done +source /).length, 0);

/**
 * What both drills start from: the demo corpus on a slow loopback host, what a single-process run of it ranks
 * on SQLite (what every queued run must rank), a new PostgreSQL desk and two workers taking its jobs.
 */
async function drill(): Promise<{ urls: string[]; cwd: string; expected: ReturnType<typeof ranked>; db: string; workers: WorkerProcess[] }> {
  const host = await demoHost(ANSWER_MS);
  hosts.push(host.server);
  const cwd = workFolder();
  const single = await runCliAsync(runArgs('single.db', host.urls), cwd);
  expect(single.status, single.stderr).toBe(0);
  expect(ranked(single).length).toBeGreaterThan(20);
  const db = await server.createDatabase();
  const workers = [worker(db, cwd), worker(db, cwd)];
  for (const w of workers) await w.waitFor(/taking fetch, source jobs/, 'stderr');
  return { urls: host.urls, cwd, expected: ranked(single), db, workers };
}

describe('queued run drills', () => {
  it('PostgreSQL stopped and started in the middle of a queued run: the workers and the run reconnect, and it ranks what one process ranks', async () => {
    const { urls, cwd, expected, db, workers } = await drill();
    const run = queuedRun(db, urls, cwd);
    // In the middle: some of the 17 sources done, the rest still to do.
    await until(() => doneSources(workers) >= 2);
    expect(doneSources(workers)).toBeLessThan(17);
    // Down until the run and both workers have noticed, as when an operator restarts the server.
    await server.restart(async () => {
      await run.waitFor(/lost the queue's database/, 'stderr');
      for (const w of workers) await w.waitFor(/lost the database/, 'stderr');
    });

    expect(await run.exited, run.stderr()).toEqual({ code: 0, signal: null });
    expect(ranked({ stdout: run.stdout() })).toEqual(expected);
    expect((JSON.parse(run.stdout()) as RunJson).failures).toEqual([]);
    for (const w of workers) expect(w.stderr()).toMatch(/the database postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:\d+\/\w+ answers again/);
    expect(run.stderr()).toMatch(/newsdesk run: the queue's database postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:\d+\/\w+ answers again/);
    expect(run.stderr()).not.toContain(server.password);
    const store = await openStore(db);
    try {
      expect((await store.listRuns()).map((r) => [r.id, r.status, r.failureCount])).toEqual([[1, 'committed', 0]]);
    } finally {
      await store.close();
    }
  });

  it("the queued run's own process killed with -9: a new run on the same inputs ranks the same, and no job or staged row of the killed run is left", async () => {
    const { urls, cwd, expected, db, workers } = await drill();
    const killed = queuedRun(db, urls, cwd);
    // Killed in the middle: some sources staged for it, the rest queued or in a worker's hands.
    await until(() => doneSources(workers) >= 2);
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(doneSources(workers)).toBeLessThan(17);
    const store = await openStore(db);
    cleanups.push(() => store.close());
    expect((await store.stagedIds(1)).length).toBeGreaterThan(0);

    const again = await runCliAsync([...runArgs(db, urls), '--queue'], cwd);
    expect(again.status, again.stderr).toBe(0);
    expect(ranked(again)).toEqual(expected);
    expect((JSON.parse(again.stdout) as RunJson).failures).toEqual([]);

    expect((await store.listRuns()).map((r) => [r.id, r.status])).toEqual([
      [1, 'abandoned'],
      [2, 'committed'],
    ]);
    // Nothing of run 1 is left to do or to commit: its jobs that were not done are cancelled, and a worker that
    // still had one of them in hand when the run was closed staged nothing for it (stopped, a worker first
    // finishes the jobs in its hands).
    for (const w of workers) {
      w.child.kill('SIGTERM');
      expect(await w.exited).toEqual({ code: 0, signal: null });
    }
    const queue = await openJobQueue(db);
    cleanups.push(() => queue.close());
    const states = (await queue.list({ runId: 1, limit: 100 })).map((job) => job.state);
    expect(states).toHaveLength(17);
    expect(states.filter((state) => state !== 'done' && state !== 'cancelled')).toEqual([]);
    expect(states).toContain('cancelled');
    expect(await store.stagedIds(1)).toEqual([]);
  });
});
