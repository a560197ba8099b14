// The job queue seam: one small interface with two implementations, pg-boss on the desk's PostgreSQL for a
// fleet of workers (pgboss/), and one in the process for a SQLite desk (memory.ts). Both pass the contract
// suite in contract.ts. Stages never see it; the worker (worker.ts) and the pipeline do.
import type { JobProgress, JobRecord, JobState } from '../model.js';

export type { JobProgress, JobRecord, JobState };

/** A job's input: plain JSON, since it crosses processes and machines. */
export type JobData = { [key: string]: unknown };

export interface JobRequest {
  /** Which handler runs it (`fetch`, `source`): workers take jobs by kind. */
  kind: string;
  /**
   * What makes two requests the same job: a source or URL with its content hash, or any key the caller
   * chooses. A key enqueued again while its job is pending or done gives that job, not a second one.
   */
  key: string;
  data: JobData;
}

export interface Enqueued {
  id: string;
  /** False when the key already had a job, which the request now shares. */
  created: boolean;
}

/** A job a worker has taken: it holds it for `leaseSeconds`, then the job goes back to the queue. */
export interface TakenJob {
  id: string;
  kind: string;
  key: string;
  runId?: number;
  data: JobData;
  /** 1 for the first time it is taken. */
  attempt: number;
  maxAttempts: number;
  leaseSeconds: number;
}

export interface JobFilter {
  /** Only jobs in this state. */
  state?: JobState;
  /** Only the jobs this run asked for (its own and those it shares). */
  runId?: number;
  /** Newest first, at most this many. */
  limit: number;
}

/** How jobs are retried and how long a worker may hold one. */
export interface QueueOptions {
  /** Attempts after the first one fails. */
  retries: number;
  /** Base of the exponential backoff between attempts, in seconds (pg-boss counts whole seconds). */
  retryDelaySeconds: number;
  /** How long a worker holds a taken job; after that it goes back to the queue for another worker. */
  leaseSeconds: number;
  /** How often PostgreSQL's queue looks for jobs held past their lease (the in-process queue looks at every call). */
  leaseCheckSeconds: number;
}

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  // 3 retries: a fetch already retries transient errors itself; a job retry is for a worker or a host that was
  // down for a while, and four attempts spread over a minute or so ride that out.
  retries: 3,
  // 5 s doubling (5–10 s, 10–20 s, 20–40 s): a restarted database or a rate-limited host has time to recover.
  retryDelaySeconds: 5,
  // 10 minutes: four times the longest a fetch may take (fetch.urlTimeoutMs, 150 s) with room for a model summary;
  // a worker killed with -9 has its jobs done by another after at most this long.
  leaseSeconds: 600,
  // 30 s: a job of a dead worker waits at most its lease and this long; the check is one cheap statement.
  leaseCheckSeconds: 30,
};

/** How the options are bounded, for the config's checks: whole seconds (pg-boss counts in them); 0 works only for retries. */
export const QUEUE_NUMBER_BOUNDS = {
  positive: ['retryDelaySeconds', 'leaseSeconds', 'leaseCheckSeconds'],
  fractional: [],
} as const satisfies Record<'positive' | 'fractional', readonly (keyof QueueOptions)[]>;

export interface JobQueue {
  /** Adds jobs for `runId` (undefined: no run); one job per key, however often and by whomever it is asked for. */
  enqueue(runId: number | undefined, requests: JobRequest[]): Promise<Enqueued[]>;
  /** Takes up to `limit` jobs of these kinds that are due, oldest first; none is given to two workers at once. */
  take(kinds: readonly string[], limit: number): Promise<TakenJob[]>;
  /** Marks a taken job done, with what it produced (listed with the job as its `output`). */
  complete(job: TakenJob, output?: JobData): Promise<void>;
  /** Records a failed attempt: the job is retried after a backoff, or fails for good when its attempts are spent. */
  fail(job: TakenJob, error: string): Promise<void>;
  /**
   * Cancels the jobs of a run that will not use them (it failed, was cancelled, or its process died): each job
   * it asked for that is not finished and that no other run asked for is never taken again, and one in a
   * worker's hands stays cancelled whatever the worker reports. A cancelled job asked for again stays
   * cancelled. Returns how many it cancelled.
   */
  cancelRun(runId: number): Promise<number>;
  list(filter: JobFilter): Promise<JobRecord[]>;
  /** Where the jobs of a run stand. */
  progress(runId: number): Promise<JobProgress>;
  close(): Promise<void>;
}

/** The message a job whose worker stopped answering is failed with, as listed. */
export function leaseExpired(leaseSeconds: number): string {
  return `its worker stopped answering: the job's lease of ${leaseSeconds} s ran out`;
}

/** The wait before a retry, as pg-boss computes it: from the base to twice it, at random, doubling per retry. */
export function retryDelayMs(retryDelaySeconds: number, retriesSoFar: number, random = Math.random): number {
  const ceiling = retryDelaySeconds * 1000 * 2 ** Math.min(16, retriesSoFar);
  return ceiling * (1 + random());
}
