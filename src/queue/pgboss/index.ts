// The job queue on the desk's PostgreSQL, by pg-boss (one queue per job kind, `newsdesk-<kind>`): any number
// of workers on any machines take jobs with SELECT … FOR UPDATE SKIP LOCKED, retries back off exponentially,
// and pg-boss's maintenance puts a job whose lease ran out back in the queue. A job's id follows from its
// kind and key (key.ts), so enqueueing the same key again finds the job instead of adding one.
import { setTimeout as delay } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import { openClient, openPool, redactError, redactUrl } from '../../store/postgres/connection.js';
import { migrate } from '../../store/postgres/migrations.js';
import { jobId } from '../key.js';
import { DEFAULT_QUEUE_OPTIONS, type Enqueued, type JobData, type JobQueue, type JobRequest, type QueueOptions, type TakenJob } from '../types.js';
import { addToRun, existing, listJobs, PGBOSS_SCHEMA, QUEUE_PREFIX, runProgress, unsharedPending } from './records.js';
import { QUEUE_MIGRATIONS } from './schema.js';

/** What pg-boss stores as a job's data: the caller's data with the key and the run beside it. */
interface Stored {
  key: string;
  runId?: number;
  data: JobData;
}

const queueName = (kind: string): string => `${QUEUE_PREFIX}${kind}`;

/** PostgreSQL's code for a transaction cancelled to break a deadlock. */
const DEADLOCK = '40P01';
/** Making a queue is tried this often, a little later each time, before its error is passed on. */
const CREATE_ATTEMPTS = 5;
const CREATE_RETRY_MS = 50;

export async function openPgBossQueue(url: string, overrides: Partial<QueueOptions> = {}): Promise<JobQueue> {
  const options: QueueOptions = { ...DEFAULT_QUEUE_OPTIONS, ...overrides };
  const where = redactUrl(url);
  const client = await openClient(url).catch((error: unknown) => {
    throw new Error(`queue: cannot open database ${where}: ${redactError(url, error)}; check the URL, that the server runs and that the database exists`);
  });
  try {
    await migrate(client, where, QUEUE_MIGRATIONS);
  } finally {
    await client.end().catch(() => {});
  }
  const pool = openPool(url);
  // pg-boss runs its SQL through our pool; the last error it met is kept, since its fetch keeps quiet about
  // errors and a worker must tell "nothing to do" from "the database is down".
  let failure: unknown;
  const db = {
    async executeSql(text: string, values?: unknown[]) {
      try {
        return await pool.query(text, values);
      } catch (error) {
        failure = error;
        throw error;
      }
    },
  };
  const boss = new PgBoss({
    db,
    schema: PGBOSS_SCHEMA,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.leaseCheckSeconds,
  });
  // Maintenance errors (a restarting server) are retried on its next round; they must not end the process.
  boss.on('error', () => {});
  await boss.start();
  return new PgBossQueue(boss, pool, options, () => {
    const seen = failure;
    failure = undefined;
    return seen;
  });
}

class PgBossQueue implements JobQueue {
  private readonly ready = new Map<string, Promise<void>>();

  constructor(
    private readonly boss: PgBoss,
    private readonly pool: pg.Pool,
    private readonly options: QueueOptions,
    private readonly takeFailure: () => unknown,
  ) {}

  /** pg-boss needs a queue made before jobs go in (an insert into a missing queue is dropped without a word). */
  private queue(kind: string): Promise<void> {
    let made = this.ready.get(kind);
    if (!made) {
      made = this.createQueue(kind);
      made.catch(() => this.ready.delete(kind));
      this.ready.set(kind, made);
    }
    return made;
  }

  /**
   * Making a queue attaches a table to pg-boss's job table, which can deadlock with another process taking
   * jobs at that moment; PostgreSQL then cancels one side, and making the queue again succeeds.
   */
  private async createQueue(kind: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boss.createQueue(queueName(kind), {
          name: queueName(kind),
          retryLimit: this.options.retries,
          retryDelay: this.options.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: this.options.leaseSeconds,
        });
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK || attempt >= CREATE_ATTEMPTS) throw error;
        await delay(CREATE_RETRY_MS * attempt);
      }
    }
  }

  async enqueue(runId: number | undefined, requests: JobRequest[]): Promise<Enqueued[]> {
    for (const kind of new Set(requests.map((r) => r.kind))) await this.queue(kind);
    const jobs = requests.map((r) => ({ ...r, id: jobId(r.kind, r.key), name: queueName(r.kind) }));
    const found = await existing(this.pool, jobs.map((j) => j.id));
    const fresh = new Map<string, (typeof jobs)[number]>();
    const revive = new Map<string, string[]>();
    for (const job of jobs) {
      const known = found.get(job.id);
      // A job finished long ago is only in the archive: done stays done; failed is asked for anew.
      if (!known || (known.archived && known.state !== 'completed')) fresh.set(job.id, job);
      else if (known.state === 'failed' && !known.archived) revive.set(job.name, [...(revive.get(job.name) ?? []), job.id]);
    }
    if (fresh.size > 0) {
      await this.boss.insert(
        [...fresh.values()].map((job) => ({
          id: job.id,
          name: job.name,
          data: { key: job.key, ...(runId !== undefined ? { runId } : {}), data: job.data } satisfies Stored,
          retryLimit: this.options.retries,
          retryDelay: this.options.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: this.options.leaseSeconds,
        })),
      );
    }
    // Asked for again after it failed for good: pg-boss's retry gives it one more attempt.
    for (const [name, ids] of revive) await this.boss.retry(name, ids);
    if (runId !== undefined) await addToRun(this.pool, runId, jobs.map((j) => ({ id: j.id, queue: j.name })));
    // The same key twice in one batch is one job, made by its first request.
    const made = new Set(fresh.keys());
    return jobs.map((job) => ({ id: job.id, created: made.delete(job.id) }));
  }

  async take(kinds: readonly string[], limit: number): Promise<TakenJob[]> {
    const taken: TakenJob[] = [];
    for (const kind of kinds) {
      if (taken.length >= limit) break;
      await this.queue(kind);
      this.takeFailure();
      const jobs = await this.boss.fetch<Stored>(queueName(kind), { batchSize: limit - taken.length, includeMetadata: true });
      const failure = this.takeFailure();
      if (jobs.length === 0 && failure) throw failure;
      for (const job of jobs) {
        taken.push({
          id: job.id,
          kind,
          key: job.data.key,
          ...(job.data.runId !== undefined ? { runId: job.data.runId } : {}),
          data: job.data.data,
          attempt: job.retryCount + 1,
          maxAttempts: job.retryLimit + 1,
          leaseSeconds: Number(job.expireInSeconds),
        });
      }
    }
    return taken;
  }

  async complete(job: TakenJob, output?: JobData): Promise<void> {
    await this.boss.complete(queueName(job.kind), job.id, output ?? {});
  }

  async fail(job: TakenJob, error: string): Promise<void> {
    await this.boss.fail(queueName(job.kind), job.id, { message: error });
  }

  async cancelRun(runId: number): Promise<number> {
    let cancelled = 0;
    for (const [name, ids] of await unsharedPending(this.pool, runId)) {
      // pg-boss 10 answers how many it changed (a job may have finished meanwhile); its typings say void.
      const { affected } = (await this.boss.cancel(name, ids)) as unknown as { affected: number };
      cancelled += affected;
    }
    return cancelled;
  }

  list(filter: Parameters<JobQueue['list']>[0]) {
    return listJobs(this.pool, filter);
  }

  progress(runId: number) {
    return runProgress(this.pool, runId);
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true }).catch(() => {});
    if (!this.pool.ended) await this.pool.end();
  }
}
