// A worker: takes jobs of the kinds it knows from the queue, `concurrency` at a time, runs each kind's
// handler, and records the outcome. It keeps going while the database restarts (taking and recording are
// tried again, a little less often each time), and on stop it takes no new job, lets those in hand finish
// for a while, then gives the rest back to the queue. It prints nothing: the caller hears of every job.
import { setTimeout as delay } from 'node:timers/promises';
import type { JobData, JobQueue, TakenJob } from './types.js';

/** What a job kind does: the work, and one line about what it did for the worker's log. */
export interface JobKind {
  /** Does the job and returns what is kept with it; throws to fail the attempt. */
  run(job: TakenJob, signal: AbortSignal): Promise<JobData>;
  describe(output: JobData): string;
}

export type WorkerEvent =
  | { type: 'done'; job: TakenJob; output: JobData; ms: number }
  | { type: 'failed'; job: TakenJob; error: string; ms: number; willRetry: boolean }
  /** Still running when the worker stopped: given back to the queue (the attempt counts). */
  | { type: 'released'; job: TakenJob }
  | { type: 'database-lost'; error: unknown }
  | { type: 'database-back' };

export interface WorkerOptions {
  concurrency: number;
  /** Stops taking jobs, then stops: jobs in hand get `stopGraceMs` to finish. */
  signal: AbortSignal;
  /** Ends the grace at once (a second Ctrl-C): jobs in hand are given back now. */
  hurry?: AbortSignal;
  onEvent: (event: WorkerEvent) => void;
  pollMs?: number;
  stopGraceMs?: number;
}

/** Looking for work when there was none: soon enough for a run that just enqueued, one cheap query a second. */
export const IDLE_POLL_MS = 1_000;
/** What a job in hand gets to finish once the worker is told to stop (systemd waits 90 s before SIGKILL). */
export const STOP_GRACE_MS = 30_000;
/** Asking a database that went away again: at once, then doubling to this. */
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;
const RELEASED = 'the worker stopped before the job was finished';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function runWorker(queue: JobQueue, kinds: Readonly<Record<string, JobKind>>, options: WorkerOptions): Promise<void> {
  const { concurrency, signal, onEvent, pollMs = IDLE_POLL_MS, stopGraceMs = STOP_GRACE_MS } = options;
  const names = Object.keys(kinds);
  const inHand = new Map<string, { job: TakenJob; finished: Promise<void> }>();
  const released = new Set<string>();
  const giveUp = new AbortController();
  let lost = false;
  let reconnectMs = RECONNECT_MIN_MS;
  /** The database answered or failed: said once per outage, not on every attempt. */
  const answered = (): void => {
    if (lost) onEvent({ type: 'database-back' });
    lost = false;
  };
  const failedToAnswer = (error: unknown): void => {
    if (!lost) onEvent({ type: 'database-lost', error });
    lost = true;
  };

  /** Calls `record` until the database takes it, or the job's lease is over (it is back in the queue by then). */
  async function settle(job: TakenJob, record: () => Promise<void>, takenAt: number): Promise<void> {
    let wait = RECONNECT_MIN_MS;
    for (;;) {
      try {
        await record();
        answered();
        return;
      } catch (error) {
        failedToAnswer(error);
        if (Date.now() - takenAt > job.leaseSeconds * 1000) return;
        await delay(wait);
        wait = Math.min(wait * 2, RECONNECT_MAX_MS);
      }
    }
  }

  async function work(job: TakenJob): Promise<void> {
    const takenAt = Date.now();
    const kind = kinds[job.kind]!;
    let output: JobData | undefined;
    let failure: string | undefined;
    try {
      output = await kind.run(job, giveUp.signal);
    } catch (error) {
      failure = message(error);
    }
    if (released.has(job.id)) return;
    const ms = Date.now() - takenAt;
    if (failure === undefined) {
      await settle(job, () => queue.complete(job, output), takenAt);
      onEvent({ type: 'done', job, output: output ?? {}, ms });
    } else {
      await settle(job, () => queue.fail(job, failure), takenAt);
      onEvent({ type: 'failed', job, error: failure, ms, willRetry: job.attempt < job.maxAttempts });
    }
  }

  while (!signal.aborted) {
    const free = concurrency - inHand.size;
    let taken: TakenJob[] = [];
    if (free > 0) {
      try {
        taken = await queue.take(names, free);
        answered();
        reconnectMs = RECONNECT_MIN_MS;
      } catch (error) {
        failedToAnswer(error);
        await delay(reconnectMs, undefined, { signal }).catch(() => {});
        reconnectMs = Math.min(reconnectMs * 2, RECONNECT_MAX_MS);
        continue;
      }
    }
    for (const job of taken) {
      const finished = work(job).finally(() => inHand.delete(job.id));
      inHand.set(job.id, { job, finished });
    }
    // More may be waiting when every free place was filled; else wait for a place, new work or the stop.
    if (free > 0 && taken.length === free) continue;
    const pause = new AbortController();
    await Promise.race([delay(pollMs, undefined, { signal: AbortSignal.any([signal, pause.signal]) }).catch(() => {}), ...[...inHand.values()].map((h) => h.finished)]);
    pause.abort();
  }

  // Stopping: no new job; those in hand finish within the grace, or go back to the queue.
  const grace = new AbortController();
  const graceOver = delay(stopGraceMs, undefined, { signal: AbortSignal.any([grace.signal, ...(options.hurry ? [options.hurry] : [])]) }).catch(() => {});
  await Promise.race([Promise.all([...inHand.values()].map((h) => h.finished)), graceOver]);
  grace.abort();
  const left = [...inHand.values()].map((h) => h.job);
  for (const job of left) released.add(job.id);
  giveUp.abort();
  for (const job of left) {
    await queue.fail(job, RELEASED).catch(() => {});
    onEvent({ type: 'released', job });
  }
}
