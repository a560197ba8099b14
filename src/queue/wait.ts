// Waiting for a run's jobs: the run asks the queue how its jobs stand until none is pending, and says so as
// the counts change. A database that drops away meanwhile (a restart) is asked again, not given up on.
import { setTimeout as delay } from 'node:timers/promises';
import type { JobProgress, JobQueue } from './types.js';

/** Between two looks at a run's jobs: progress a person watches, at a cost of one small query. */
export const WAIT_POLL_MS = 500;

export interface WaitOptions {
  /** Called with the counts whenever they change, and once at the start. */
  onProgress?: (progress: JobProgress) => void;
  /** Called when asking failed (the database is restarting); waiting goes on. */
  onError?: (error: unknown) => void;
  /** Called when asking works again after it failed. */
  onBack?: () => void;
  signal?: AbortSignal;
  pollMs?: number;
}

/** Resolves with the run's counts once every job of it is done or has failed for good. */
export async function waitForRun(queue: JobQueue, runId: number, { onProgress, onError, onBack, signal, pollMs = WAIT_POLL_MS }: WaitOptions = {}): Promise<JobProgress> {
  let last = '';
  let failing = false;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const progress = await queue.progress(runId);
      if (failing) onBack?.();
      failing = false;
      const seen = JSON.stringify(progress);
      if (seen !== last) onProgress?.(progress);
      last = seen;
      if (progress.pending === 0) return progress;
    } catch (error) {
      failing = true;
      onError?.(error);
    }
    await delay(pollMs, undefined, signal ? { signal } : {}).catch(() => signal?.throwIfAborted());
  }
}
