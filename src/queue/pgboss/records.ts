// Reading pg-boss's tables for what its API does not answer: which of a batch of jobs exist already, a list of
// jobs by state or run, and a run's progress. pg-boss is pinned to one version (package.json), whose tables
// (`job`, and `archive` for jobs finished a while ago) these queries read; they never write them.
import type pg from 'pg';
import type { JobProgress, JobRecord, JobState } from '../../model.js';
import { leaseExpired } from '../types.js';

/** pg-boss's schema in the desk's database. */
export const PGBOSS_SCHEMA = 'pgboss';
/** Every queue of ours is named with this prefix and the job kind: other programs may use pg-boss in the same database. */
export const QUEUE_PREFIX = 'newsdesk-';

const STATE_NAMES: Readonly<Record<string, JobState>> = {
  created: 'queued',
  retry: 'retry',
  active: 'active',
  completed: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};
const STATE_OF: Readonly<Record<JobState, string>> = Object.fromEntries(Object.entries(STATE_NAMES).map(([ours, theirs]) => [theirs, ours])) as Record<JobState, string>;

/** pg-boss's own words for a job failed by its maintenance when the lease ran out. */
const PGBOSS_TIMEOUT = 'job failed by timeout in active state';

/** Both tables, a job counted once: a job row wins over an archived row of the same id (a key enqueued again). */
const ALL_JOBS = `
  SELECT DISTINCT ON (id) * FROM (
    SELECT id, name, data, state::text AS state, retry_limit, retry_count, started_on, created_on, completed_on, output, expire_in, 0 AS place
      FROM ${PGBOSS_SCHEMA}.job WHERE name LIKE '${QUEUE_PREFIX}%'
    UNION ALL
    SELECT id, name, data, state::text AS state, retry_limit, retry_count, started_on, created_on, completed_on, output, expire_in, 1 AS place
      FROM ${PGBOSS_SCHEMA}.archive WHERE name LIKE '${QUEUE_PREFIX}%'
  ) both_tables ORDER BY id, place`;

interface JobRow {
  id: string;
  name: string;
  data: { key?: string; runId?: number; data?: Record<string, unknown> } | null;
  state: string;
  retry_limit: number;
  retry_count: number;
  started_on: Date | null;
  created_on: Date;
  completed_on: Date | null;
  output: { message?: string; value?: { message?: string } } & Record<string, unknown> | null;
  expire_seconds: number;
}

function lastError(row: JobRow): string | undefined {
  if (row.state === 'completed' || !row.output) return undefined;
  const message = row.output.message ?? row.output.value?.message;
  if (typeof message !== 'string') return undefined;
  return message === PGBOSS_TIMEOUT ? leaseExpired(row.expire_seconds) : message;
}

function toRecord(row: JobRow): JobRecord {
  const error = lastError(row);
  return {
    id: row.id,
    kind: row.name.slice(QUEUE_PREFIX.length),
    key: row.data?.key ?? '',
    data: row.data?.data ?? {},
    ...(typeof row.data?.runId === 'number' ? { runId: row.data.runId } : {}),
    state: STATE_NAMES[row.state] ?? 'queued',
    attempts: row.started_on ? row.retry_count + 1 : 0,
    maxAttempts: row.retry_limit + 1,
    ...(error !== undefined ? { lastError: error } : {}),
    createdAt: row.created_on.toISOString(),
    ...(row.completed_on ? { finishedAt: row.completed_on.toISOString() } : {}),
    ...(row.state === 'completed' && row.output ? { output: row.output } : {}),
  };
}

/** The state of each of these jobs that exists, and whether only its archived row is left. */
export async function existing(db: pg.Pool, ids: string[]): Promise<Map<string, { state: string; archived: boolean }>> {
  const { rows } = await db.query<{ id: string; state: string; place: number }>(
    `SELECT id, state, place FROM (${ALL_JOBS}) jobs WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { state: r.state, archived: r.place === 1 }]));
}

export async function addToRun(db: pg.Pool, runId: number, jobs: Array<{ id: string; queue: string }>): Promise<void> {
  if (jobs.length === 0) return;
  await db.query(
    `INSERT INTO newsdesk_job_runs (run_id, job_id, queue) SELECT $1, unnest($2::uuid[]), unnest($3::text[]) ON CONFLICT DO NOTHING`,
    [runId, jobs.map((j) => j.id), jobs.map((j) => j.queue)],
  );
}

const COLUMNS = `id, name, data, state, retry_limit, retry_count, started_on, created_on, completed_on, output, EXTRACT(epoch FROM expire_in)::integer AS expire_seconds`;

/** The jobs of a run not finished yet that no other run asked for, by queue: what cancelling the run cancels. */
export async function unsharedPending(db: pg.Pool, runId: number): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ queue: string; ids: string[] }>(
    `SELECT r.queue, array_agg(r.job_id::text) AS ids FROM newsdesk_job_runs r
       JOIN ${PGBOSS_SCHEMA}.job j ON j.id = r.job_id AND j.name = r.queue
      WHERE r.run_id = $1 AND j.state IN ('created', 'retry', 'active')
        AND NOT EXISTS (SELECT 1 FROM newsdesk_job_runs o WHERE o.job_id = r.job_id AND o.run_id <> $1)
      GROUP BY r.queue`,
    [runId],
  );
  return new Map(rows.map((r) => [r.queue, r.ids]));
}

export async function listJobs(db: pg.Pool, filter: { state?: JobState; runId?: number; limit: number }): Promise<JobRecord[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  if (filter.state !== undefined) {
    values.push(STATE_OF[filter.state]);
    where.push(`state = $${values.length}`);
  }
  if (filter.runId !== undefined) {
    values.push(filter.runId);
    where.push(`id IN (SELECT job_id FROM newsdesk_job_runs WHERE run_id = $${values.length})`);
  }
  values.push(filter.limit);
  const { rows } = await db.query<JobRow>(
    `SELECT ${COLUMNS} FROM (${ALL_JOBS}) jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_on DESC, id LIMIT $${values.length}`,
    values,
  );
  return rows.map(toRecord);
}

export async function runProgress(db: pg.Pool, runId: number): Promise<JobProgress> {
  const { rows } = await db.query<{ state: string; n: number }>(
    `SELECT state, count(*)::integer AS n FROM (${ALL_JOBS}) jobs
      WHERE id IN (SELECT job_id FROM newsdesk_job_runs WHERE run_id = $1) GROUP BY state`,
    [runId],
  );
  const progress: JobProgress = { total: 0, done: 0, failed: 0, pending: 0 };
  for (const { state, n } of rows) {
    progress.total += n;
    const ours = STATE_NAMES[state];
    if (ours === 'done') progress.done += n;
    else if (ours === 'failed' || ours === 'cancelled') progress.failed += n;
    else progress.pending += n;
  }
  return progress;
}
