// Failed jobs in the editor: where they are read from, and the view per run the API and the page show. A
// PostgreSQL desk reads its queue (pg-boss's tables, through the JobQueue interface), opened on the first look
// so that an editor nobody asks about jobs keeps no queue open. A SQLite desk's queue lives inside each queued
// run's thread and ends with it, so the failed jobs of the runs this editor started are kept here as the
// thread reports them (runJobLog). A SQLite desk without --queue has no queue at all.
import type { Hono } from 'hono';
import type { JobRecord } from '../model.js';
import { openJobQueue, type JobFilter, type JobQueue, type QueueOptions } from '../queue/index.js';
import { jobSubject } from '../queue/kinds/index.js';
import { describeDb } from '../store/index.js';
import { redactError } from '../store/postgres/url.js';
import { failedJobsPage } from './jobs-page.js';

/** Failed jobs listed unless `limit` says otherwise: the newest, a screenful or two. */
export const DEFAULT_FAILED_JOBS = 100;
/** The most one request may ask for. */
export const MAX_FAILED_JOBS = 1_000;
/** Failed jobs of editor-started runs a SQLite desk keeps in memory: the newest, enough for many runs. */
export const KEPT_FAILED_JOBS = 1_000;

/** Where the editor reads failed jobs from. */
export interface FailedJobSource {
  /** What the page says the jobs come from: "the job queue in postgres://…". */
  where: string;
  list(filter: JobFilter): Promise<JobRecord[]>;
  close(): Promise<void>;
}

/** One failed job as the editor shows it. */
export interface FailedJobView {
  id: string;
  kind: string;
  /** The source or URL the job was for. */
  source: string;
  key: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  /** When it failed for good (UTC ISO). */
  failedAt: string | null;
}

export interface FailedJobsView {
  /** Where the jobs are read from; null when the desk has no job queue. */
  queue: string | null;
  /** Why there is nothing to list, when there is no queue. */
  note?: string;
  /** Newest run first; a job no run asked for is under `run: null`. */
  runs: Array<{ run: number | null; jobs: FailedJobView[] }>;
}

export const NO_QUEUE_NOTE =
  'This desk has no job queue: it is a SQLite desk and its runs read their sources in one process. Failed jobs are listed for a PostgreSQL desk (serve --db postgres://…) or when serve runs with --queue.';

/** The queue of a PostgreSQL desk, opened on the first look and again after a look that failed to open it. */
export function deskJobSource(db: string, options: Partial<QueueOptions>): FailedJobSource {
  let opening: Promise<JobQueue> | undefined;
  const queue = (): Promise<JobQueue> => {
    if (!opening) {
      opening = openJobQueue(db, options);
      opening.catch(() => (opening = undefined));
    }
    return opening;
  };
  const where = `the job queue in ${describeDb(db)}`;
  return {
    where,
    async list(filter) {
      try {
        return await (await queue()).list(filter);
      } catch (error) {
        // The queue's own messages name the database without its password; the driver's may repeat it.
        throw new Error(`cannot read ${where}: ${redactError(db, error)}; check that the database runs, then reload`);
      }
    },
    close: async () => {
      const open = opening;
      opening = undefined;
      await (await open?.catch(() => undefined))?.close();
    },
  };
}

/** A SQLite desk's failed jobs: those the runs started by this editor reported, newest last in, first out. */
export interface RunJobLog extends FailedJobSource {
  add(jobs: JobRecord[]): void;
}

export function runJobLog(kept = KEPT_FAILED_JOBS): RunJobLog {
  let jobs: JobRecord[] = [];
  return {
    where: "the queued runs this editor started (a SQLite desk's queue lives only as long as its run)",
    add(reported) {
      jobs = [...jobs, ...reported].slice(-kept);
    },
    async list({ state, runId, limit }) {
      return jobs
        .filter((j) => (state === undefined || j.state === state) && (runId === undefined || j.runId === runId))
        .reverse()
        .slice(0, limit);
    },
    async close() {},
  };
}

function jobView(job: JobRecord): FailedJobView {
  return {
    id: job.id,
    kind: job.kind,
    source: jobSubject(job),
    key: job.key,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    lastError: job.lastError ?? null,
    failedAt: job.finishedAt ?? null,
  };
}

/** The failed jobs, newest first, grouped by the run that asked for them (in the order their newest job failed). */
export async function failedJobsView(source: FailedJobSource | undefined, filter: { runId?: number; limit: number }): Promise<FailedJobsView> {
  if (!source) return { queue: null, note: NO_QUEUE_NOTE, runs: [] };
  const jobs = await source.list({ state: 'failed', limit: filter.limit, ...(filter.runId !== undefined ? { runId: filter.runId } : {}) });
  const byRun = new Map<number | null, FailedJobView[]>();
  for (const job of jobs) {
    const run = job.runId ?? null;
    byRun.set(run, [...(byRun.get(run) ?? []), jobView(job)]);
  }
  return { queue: source.where, runs: [...byRun].map(([run, list]) => ({ run, jobs: list })) };
}

/** A whole number from `least` to `most`, or the reason it is not one. */
function wholeNumber(name: string, raw: string | undefined, least: number, most: number): number | undefined | string {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= least && n <= most ? n : `${name} "${raw}" is not a whole number from ${least} to ${most}`;
}

/** `GET /api/jobs/failed` (JSON) and `GET /jobs` (the page), both taking `run` and `limit`. */
export function jobRoutes(app: Hono, { jobs, csrf, now }: { jobs?: FailedJobSource; csrf: string; now: () => string }): void {
  const look = async (query: (name: string) => string | undefined): Promise<{ view: FailedJobsView; runId?: number } | { status: 400 | 503; error: string }> => {
    const runId = wholeNumber('run', query('run'), 1, Number.MAX_SAFE_INTEGER);
    const limit = wholeNumber('limit', query('limit'), 1, MAX_FAILED_JOBS);
    if (typeof runId === 'string') return { status: 400, error: runId };
    if (typeof limit === 'string') return { status: 400, error: limit };
    try {
      const view = await failedJobsView(jobs, { limit: limit ?? DEFAULT_FAILED_JOBS, ...(runId !== undefined ? { runId } : {}) });
      return { view, ...(runId !== undefined ? { runId } : {}) };
    } catch (error) {
      return { status: 503, error: `jobs: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
  app.get('/api/jobs/failed', async (c) => {
    const found = await look((name) => c.req.query(name));
    return 'view' in found ? c.json(found.view) : c.json({ error: found.error }, found.status);
  });
  app.get('/jobs', async (c) => {
    const found = await look((name) => c.req.query(name));
    if ('view' in found) return c.html(failedJobsPage(found.view, csrf, now(), found.runId));
    return c.html(failedJobsPage({ queue: jobs?.where ?? null, runs: [] }, csrf, now(), undefined, found.error), found.status);
  });
}
