// One line per job for the worker's log and `newsdesk jobs`: the outcome, the kind, the short id `jobs` shows,
// what it did or why it failed, and the attempt.
import type { JobRecord } from '../model.js';
import type { JobKind, WorkerEvent } from '../queue/worker.js';

/** The first 8 hex digits of a job id: enough to tell a desk's jobs apart in a log, as `jobs` prints them. */
export const shortId = (id: string): string => id.slice(0, 8);

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function jobLine(event: Extract<WorkerEvent, { job: unknown }>, kind: JobKind): string {
  const { job } = event;
  const attempt = `attempt ${job.attempt} of ${job.maxAttempts}`;
  const head = (outcome: string): string => `${outcome.padEnd(6)} ${job.kind.padEnd(6)} ${shortId(job.id)}`;
  switch (event.type) {
    case 'done':
      return `${head('done')} ${kind.describe(event.output)} (${attempt}, ${seconds(event.ms)})`;
    case 'failed':
      return `${head('failed')} ${job.key}: ${event.error} (${attempt}, ${event.willRetry ? 'tried again later' : 'failed for good'})`;
    case 'released':
      return `${head('back')} ${job.key}: the worker stopped before it finished; back in the queue (${attempt})`;
  }
}

/** A job's row in `newsdesk jobs`. */
export function jobRow(job: JobRecord): string[] {
  return [shortId(job.id), job.kind, job.state, `${job.attempts}/${job.maxAttempts}`, job.runId !== undefined ? String(job.runId) : '-', job.key, job.lastError ?? ''];
}
