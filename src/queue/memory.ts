// The job queue of a SQLite desk: in this process, no server. Same rules as the pg-boss queue (the contract
// suite holds both to them): one job per key, retries with pg-boss's backoff, a job whose lease runs out goes
// back to the queue with the attempt counted, and a run's progress over the jobs it asked for. Nothing
// survives the process; a desk that needs that, or workers on other machines, uses PostgreSQL.
import { jobId } from './key.js';
import {
  DEFAULT_QUEUE_OPTIONS,
  leaseExpired,
  retryDelayMs,
  type Enqueued,
  type JobData,
  type JobFilter,
  type JobProgress,
  type JobQueue,
  type JobRecord,
  type JobRequest,
  type JobState,
  type QueueOptions,
  type TakenJob,
} from './types.js';

interface Entry {
  id: string;
  kind: string;
  key: string;
  runId?: number;
  data: JobData;
  state: JobState;
  /** Attempts after the first, counted as pg-boss counts them: when a job is taken again. */
  retries: number;
  retryLimit: number;
  taken: boolean;
  /** Epoch ms: not taken before then (the backoff). */
  dueAt: number;
  takenAt?: number;
  createdAt: number;
  finishedAt?: number;
  lastError?: string;
  output?: JobData;
}

const PENDING: ReadonlySet<JobState> = new Set(['queued', 'active', 'retry']);

export function memoryJobQueue(overrides: Partial<QueueOptions> = {}, now: () => number = Date.now): JobQueue {
  const options: QueueOptions = { ...DEFAULT_QUEUE_OPTIONS, ...overrides };
  const jobs = new Map<string, Entry>();
  /** Run id → the ids of every job it asked for, its own and shared ones. */
  const runs = new Map<number, Set<string>>();
  let closed = false;

  const check = (): void => {
    if (closed) throw new Error('queue: closed');
  };

  function failAttempt(entry: Entry, error: string): void {
    entry.lastError = error;
    if (entry.retries < entry.retryLimit) {
      entry.state = 'retry';
      entry.dueAt = now() + retryDelayMs(options.retryDelaySeconds, entry.retries);
    } else {
      entry.state = 'failed';
      entry.finishedAt = now();
    }
  }

  /** A job held past its lease: its worker is gone or stuck, so the attempt counts as failed. */
  function expireLeases(): void {
    for (const entry of jobs.values()) {
      if (entry.state === 'active' && entry.takenAt !== undefined && entry.takenAt + options.leaseSeconds * 1000 < now()) {
        failAttempt(entry, leaseExpired(options.leaseSeconds));
      }
    }
  }

  const record = (entry: Entry): JobRecord => ({
    id: entry.id,
    kind: entry.kind,
    key: entry.key,
    data: structuredClone(entry.data),
    ...(entry.runId !== undefined ? { runId: entry.runId } : {}),
    state: entry.state,
    attempts: entry.taken ? entry.retries + 1 : 0,
    maxAttempts: entry.retryLimit + 1,
    ...(entry.lastError !== undefined ? { lastError: entry.lastError } : {}),
    createdAt: new Date(entry.createdAt).toISOString(),
    ...(entry.finishedAt !== undefined ? { finishedAt: new Date(entry.finishedAt).toISOString() } : {}),
    ...(entry.state === 'done' && entry.output ? { output: structuredClone(entry.output) } : {}),
  });

  return {
    async enqueue(runId: number | undefined, requests: JobRequest[]): Promise<Enqueued[]> {
      check();
      return requests.map(({ kind, key, data }) => {
        const id = jobId(kind, key);
        const existing = jobs.get(id);
        if (runId !== undefined) runs.set(runId, (runs.get(runId) ?? new Set()).add(id));
        if (existing) {
          // Asked for again after it failed for good: one more attempt, as pg-boss's retry gives.
          if (existing.state === 'failed') {
            existing.state = 'retry';
            existing.retryLimit++;
            delete existing.finishedAt;
          }
          return { id, created: false };
        }
        const at = now();
        jobs.set(id, {
          id,
          kind,
          key,
          ...(runId !== undefined ? { runId } : {}),
          data: structuredClone(data),
          state: 'queued',
          retries: 0,
          retryLimit: options.retries,
          taken: false,
          dueAt: at,
          createdAt: at,
        });
        return { id, created: true };
      });
    },

    async take(kinds, limit) {
      check();
      expireLeases();
      const wanted = new Set(kinds);
      const due = [...jobs.values()]
        .filter((e) => wanted.has(e.kind) && (e.state === 'queued' || e.state === 'retry') && e.dueAt <= now())
        .sort((a, b) => a.createdAt - b.createdAt)
        .slice(0, Math.max(0, limit));
      return due.map((entry): TakenJob => {
        if (entry.taken) entry.retries++;
        entry.taken = true;
        entry.state = 'active';
        entry.takenAt = now();
        return {
          id: entry.id,
          kind: entry.kind,
          key: entry.key,
          ...(entry.runId !== undefined ? { runId: entry.runId } : {}),
          data: structuredClone(entry.data),
          attempt: entry.retries + 1,
          maxAttempts: entry.retryLimit + 1,
          leaseSeconds: options.leaseSeconds,
        };
      });
    },

    async complete(job, output) {
      check();
      const entry = jobs.get(job.id);
      if (entry?.state !== 'active') return;
      entry.state = 'done';
      // The contract: a done job lists no error (pg-boss keeps one output per job, the error or what it made).
      delete entry.lastError;
      if (output) entry.output = structuredClone(output);
      entry.finishedAt = now();
    },

    async fail(job, error) {
      check();
      const entry = jobs.get(job.id);
      if (entry && PENDING.has(entry.state)) failAttempt(entry, error);
    },

    async cancelRun(runId) {
      check();
      let cancelled = 0;
      for (const id of runs.get(runId) ?? []) {
        const entry = jobs.get(id);
        const shared = [...runs].some(([other, members]) => other !== runId && members.has(id));
        if (!entry || !PENDING.has(entry.state) || shared) continue;
        entry.state = 'cancelled';
        entry.finishedAt = now();
        cancelled++;
      }
      return cancelled;
    },

    async list(filter: JobFilter) {
      check();
      expireLeases();
      const members = filter.runId !== undefined ? (runs.get(filter.runId) ?? new Set<string>()) : undefined;
      return [...jobs.values()]
        .filter((e) => (filter.state === undefined || e.state === filter.state) && (members === undefined || members.has(e.id)))
        .reverse()
        .slice(0, filter.limit)
        .map(record);
    },

    async progress(runId) {
      check();
      expireLeases();
      const counts: JobProgress = { total: 0, done: 0, failed: 0, pending: 0 };
      for (const id of runs.get(runId) ?? []) {
        const entry = jobs.get(id);
        if (!entry) continue;
        counts.total++;
        if (entry.state === 'done') counts.done++;
        else if (PENDING.has(entry.state)) counts.pending++;
        else counts.failed++;
      }
      return counts;
    },

    async close() {
      closed = true;
    },
  };
}
