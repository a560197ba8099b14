// The thread an editor-started run works in. The pipeline's stages are synchronous from dedupe to publish,
// so a run in the server's own thread would leave the editor unanswered for as long as they take; here it
// has its own connection to the same database (SQLite's WAL, or PostgreSQL, lets the server read while the run
// writes).
import { parentPort, workerData } from 'node:worker_threads';
import { runPipeline, type RunOptions } from '../pipeline.js';
import { runQueued } from '../pipeline-queued.js';
import { openJobQueue, type JobQueue } from '../queue/index.js';
import { DEFAULT_CONCURRENCY } from '../queue/worker.js';
import { isDatabaseUrl, openStore, type Store } from '../store/index.js';
import { KEPT_FAILED_JOBS } from './jobs.js';
import { countRun, type WorkerJob, type WorkerMessage } from './runs.js';

const port = parentPort;
if (!port) throw new Error('web: run-worker.js is started by the editor as a worker thread, not run directly');
const post = (message: WorkerMessage): void => port.postMessage(message);
const { db, options, cancel, queue: queueOptions } = workerData as WorkerJob;
/** How often a queued run, which waits rather than computes, looks at the cancel flag. */
const CANCEL_POLL_MS = 250;

let store: Store | undefined;
let queue: JobQueue | undefined;
/** The run's own queue, for a SQLite desk: it ends with this thread, so its failed jobs are told first. */
const inThread = queueOptions !== undefined && !isDatabaseUrl(db);
let ended: WorkerMessage;
try {
  store = await openStore(db);
  const run: RunOptions = {
    ...options,
    onProgress: (progress) => post({ kind: 'progress', progress }),
    cancelled: () => Atomics.load(cancel, 0) === 1,
  };
  if (queueOptions) {
    queue = await openJobQueue(db, queueOptions);
    const stop = new AbortController();
    const watch = setInterval(() => run.cancelled!() && stop.abort(), CANCEL_POLL_MS);
    try {
      const local = inThread ? { localConcurrency: DEFAULT_CONCURRENCY } : {};
      ended = { kind: 'done', counts: countRun(await runQueued({ ...run, queue, signal: stop.signal, ...local }, store)) };
    } finally {
      clearInterval(watch);
    }
  } else {
    ended = { kind: 'done', counts: countRun(await runPipeline(run, store)) };
  }
} catch (error) {
  ended = { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
}
try {
  if (inThread && queue) {
    const failed = await queue.list({ state: 'failed', limit: KEPT_FAILED_JOBS });
    if (failed.length > 0) post({ kind: 'failed-jobs', jobs: failed.reverse() });
  }
} finally {
  post(ended);
  await queue?.close();
  await store?.close();
}
