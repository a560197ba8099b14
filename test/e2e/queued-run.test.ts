// End to end: `newsdesk run --queue`. On SQLite the run does its source jobs itself and gives what a plain run
// gives; on a real PostgreSQL, `newsdesk worker` processes do them (one killed with -9 with jobs in hand), a
// second queued run waits for the first, and the demo corpus gives the candidates SQLite gives.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync } from '../helpers/cli.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres.js';
import { DEMO, demoHost, ranked, runArgs, workFolder, type RunJson } from '../helpers/queued.js';
import type { TestServer } from '../helpers/server.js';
import { until } from '../helpers/wait.js';
import { startDeskWorker, type WorkerProcess } from '../helpers/workers.js';
import { openStore } from '../../src/store/index.js';

/** The hosts answer this late, so that jobs are in a worker's hands when it is killed. */
const ANSWER_MS = 1_500;

describe('newsdesk run --queue on SQLite', () => {
  let host: { server: TestServer; urls: string[] };
  beforeAll(async () => {
    host = await demoHost(50);
  });
  afterAll(() => host.server.close());

  it('does the jobs in its own process and ranks what a plain run ranks; the validators are committed', async () => {
    const cwd = workFolder();
    const plain = await runCliAsync([...runArgs('plain.db', host.urls)], cwd);
    const queued = await runCliAsync([...runArgs('queued.db', host.urls), '--queue', '--progress'], cwd);
    expect(plain.status, plain.stderr).toBe(0);
    expect(queued.status, queued.stderr).toBe(0);
    expect(ranked(plain).length).toBeGreaterThan(20);
    expect(ranked(queued)).toEqual(ranked(plain));
    expect(queued.stderr).toMatch(/^newsdesk run: jobs 0\/17 \(0 done, 0 failed, 17 pending\)$/m);
    expect(queued.stderr).toMatch(/^newsdesk run: jobs 17\/17 \(17 done, 0 failed, 0 pending\)$/m);
    expect(queued.stderr).toContain('newsdesk run: fetched 17 of 17 sources (0 not modified, 0 failed)');
    // The ETags the jobs brought were saved with the run: the next queued run is answered 304 and keeps the articles.
    const again = await runCliAsync([...runArgs('queued.db', host.urls), '--queue'], cwd);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('(17 not modified, 0 failed)');
    expect(ranked(again).map(([id]) => id).sort()).toEqual(ranked(plain).map(([id]) => id).sort());
  });

  it('reports a source that gives nothing like a plain run does, and refuses --url with --queue', async () => {
    const cwd = workFolder();
    const result = runCli(['run', '--queue', '--db', 'q.db', '--out', 'out', join(DEMO, 'feeds'), join(cwd, 'missing-feed.xml')], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/newsdesk run: .*missing-feed\.xml: /);
    const refused = runCli(['run', '--queue', '--url', 'https://www.example.com/a', '--db', 'q.db', join(DEMO, 'text')], cwd);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--url names the article of one file, which a queued run does not take/);
    expect(runCli(['run', '--help'], cwd).stdout).toMatch(/--queue {10}one job per source/);
  });
});

describe('newsdesk run --queue on PostgreSQL with workers', () => {
  let pg: PostgresServer;
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(async () => {
    await pg?.stop();
  });
  const workers: WorkerProcess[] = [];
  const hosts: TestServer[] = [];
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    for (const host of hosts.splice(0)) await host.close();
  });
  const worker = (db: string, cwd: string, concurrency = 2): WorkerProcess => {
    const started = startDeskWorker(db, cwd, concurrency);
    workers.push(started);
    return started;
  };

  it('completes with exit 0 and the candidates of a single-process run when one of two workers is killed -9 with jobs in hand', async () => {
    const host = await demoHost(ANSWER_MS);
    hosts.push(host.server);
    const cwd = workFolder();
    const db = await pg.createDatabase();
    const single = await runCliAsync(runArgs('single.db', host.urls), cwd);
    expect(single.status, single.stderr).toBe(0);

    // The host holds its answers until the doomed worker, alone, has fetches under way: it dies with jobs in
    // hand whatever the machine's speed.
    host.hold();
    const doomed = worker(db, cwd);
    await doomed.waitFor(/taking fetch, source jobs/, 'stderr');
    const queued = runCliAsync([...runArgs(db, host.urls), '--queue', '--progress'], cwd);
    await until(() => host.held() > 0);
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(doomed.lines(/^done /)).toEqual([]);
    const survivor = worker(db, cwd);
    await survivor.waitFor(/taking fetch, source jobs/, 'stderr');
    host.release();
    const result = await queued;
    expect(result.status, result.stderr).toBe(0);
    expect(ranked(result)).toEqual(ranked(single));
    expect((JSON.parse(result.stdout) as RunJson).failures).toEqual([]);
    // The dead worker's jobs were done again by the survivor: a second attempt, after the lease ran out.
    expect(survivor.lines(/^done +source .*\(attempt 2 of 4, /).length).toBeGreaterThan(0);
    expect(survivor.lines(/^done +source /).length).toBeGreaterThanOrEqual(17);
    const jobs = runCli(['jobs', '--db', db, '--run', '1', '--json'], cwd);
    expect((JSON.parse(jobs.stdout) as { progress: unknown }).progress).toEqual({ total: 17, done: 17, failed: 0, pending: 0 });
  });

  it('makes a second queued run wait for the first, then runs it', async () => {
    const host = await demoHost(300);
    hosts.push(host.server);
    const cwd = workFolder();
    const db = await pg.createDatabase();
    worker(db, cwd, 4);
    const first = runCliAsync([...runArgs(db, host.urls), '--queue', '--progress'], cwd);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const second = await runCliAsync([...runArgs(db, host.urls.slice(0, 4)), '--queue'], cwd);
    const firstDone = await first;
    expect(firstDone.status, firstDone.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/newsdesk run: waiting for run 1, pid \d+, started .* to finish with postgres:\/\//);
    const store = await openStore(db);
    try {
      const runs = await store.listRuns();
      expect(runs.map((r) => [r.id, r.status, r.inputs.length])).toEqual([[1, 'committed', 17], [2, 'committed', 4]]);
      // The second asked for its jobs only once the first had committed.
      const jobs = JSON.parse(runCli(['jobs', '--db', db, '--run', '2', '--json'], cwd).stdout) as { jobs: Array<{ created_at: string }> };
      expect(jobs.jobs).toHaveLength(4);
      for (const job of jobs.jobs) expect(Date.parse(job.created_at)).toBeGreaterThanOrEqual(Date.parse(runs[0]!.finishedAt!));
    } finally {
      await store.close();
    }
  });

  it('gives the demo corpus the candidates and initial ranks SQLite gives', async () => {
    const cwd = workFolder();
    const db = await pg.createDatabase();
    worker(db, cwd, 2);
    const sqlite = runCli(['run', '--db', 'demo.db', '--out', 'out-sqlite', '--json', DEMO], cwd);
    const queued = await runCliAsync(['run', '--queue', '--db', db, '--out', 'out-pg', '--json', DEMO], cwd);
    expect(sqlite.status, sqlite.stderr).toBe(0);
    expect(queued.status, queued.stderr).toBe(0);
    expect(ranked(sqlite).length).toBe(50);
    expect(ranked(queued)).toEqual(ranked(sqlite));
  });
});
