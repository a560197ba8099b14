// The failed jobs of a SQLite desk's queued runs (serve --queue), in the editor: the queue lives in the run's
// thread and ends with it, so the thread reports its jobs that failed for good and the editor keeps them. The
// failure here is real: another program holds the database's write lock while the run's source job fetches
// its feed, longer than the store waits for it (its busy timeout), so recording the fetch fails and so does
// the job, with SQLite's word for it.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, runSettings } from '../../src/config.js';
import { openSqliteStore } from '../../src/store/index.js';
import { runJobLog, type FailedJobsView } from '../../src/web/jobs.js';
import { workerRunner, type RunState } from '../../src/web/runs.js';
import { csrfFor, newToken } from '../../src/web/security.js';
import { startEditor } from '../../src/web/server.js';
import { tempDir } from '../helpers/cli.js';
import { startServer } from '../helpers/server.js';

const POLL_MS = 100;
const FEED = `<rss version="2.0"><channel><title>Harrow Ledger</title><link>https://harrow-ledger.example/</link>
<item><title>Harrow ferry returns after winter repairs</title><link>https://harrow-ledger.example/ferry</link>
<description>The Harrow ferry carried its first passengers of the season on Monday after six weeks of repairs to its hull and landing ramp. Harbor master Oona Petrik said the crossing would run every forty minutes through the spring.</description></item>
</channel></rss>`;

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('failed jobs of queued runs on a SQLite desk', () => {
  it('lists the source job that failed for good in the run that started it, with its last error', async () => {
    let asked!: () => void;
    const feedAsked = new Promise<void>((resolve) => (asked = resolve));
    let answer!: () => void;
    const mayAnswer = new Promise<void>((resolve) => (answer = resolve));
    const host = await startServer({
      '/harrow-ledger/feed.xml': async (_req, res) => {
        asked();
        await mayAnswer;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
      },
    });
    cleanups.push(() => host.close());
    const dir = tempDir('newsdesk-sqlite-jobs-');
    const db = join(dir, 'newsdesk.db');
    const store = openSqliteStore(db);
    cleanups.push(() => store.close());
    const settings = runSettings({ ...DEFAULT_CONFIG, fetch: { ...DEFAULT_CONFIG.fetch, allowPrivate: true, hostDelayMs: 0, retries: 0 } });
    const feed = host.url('/harrow-ledger/feed.xml');
    const log = runJobLog();
    const token = newToken();
    const editor = await startEditor({
      store,
      token,
      host: '127.0.0.1',
      port: 0,
      run: { inputs: [feed], outDir: join(dir, 'out'), settings },
      runner: workerRunner(db, { retries: 0 }, (jobs) => log.add(jobs)),
      jobs: log,
    });
    cleanups.push(() => editor.close());
    const api = (path: string, init: RequestInit = {}) => fetch(`${editor.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
    const state = async (): Promise<RunState> => (await (await api('/api/runs/current')).json()) as RunState;

    expect(((await (await api('/api/jobs/failed')).json()) as FailedJobsView).runs).toEqual([]);
    expect((await api('/api/runs', { method: 'POST', headers: { Origin: editor.url, 'X-CSRF-Token': csrfFor(token) } })).status).toBe(202);
    await feedAsked;
    // Another program takes the write lock while the job's feed is on its way, and keeps it until the job has failed.
    const other = new Database(db, { timeout: 0 });
    other.exec('BEGIN IMMEDIATE');
    answer();
    for (let s = await state(); !(s.progress?.stage === 'jobs' && s.progress.detail?.includes('1 failed')); s = await state()) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    other.exec('ROLLBACK');
    other.close();
    let ended = await state();
    while (ended.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      ended = await state();
    }
    expect(ended).toMatchObject({ status: 'finished', result: { runId: 1, articles: 0, failures: 1 } });

    const view = (await (await api('/api/jobs/failed')).json()) as FailedJobsView;
    expect(view.queue).toBe("the queued runs this editor started (a SQLite desk's queue lives only as long as its run)");
    expect(view.runs).toEqual([
      {
        run: 1,
        jobs: [
          {
            id: expect.any(String),
            kind: 'source',
            source: feed,
            key: `run 1: ${feed}`,
            attempts: 1,
            maxAttempts: 1,
            lastError: "the desk's store failed while fetching: database is locked",
            failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          },
        ],
      },
    ]);
    const page = await (await api('/jobs?run=1')).text();
    expect(page).toContain('<h1>Failed jobs of run 1</h1>');
    expect(page).toContain('database is locked');
  });
});
