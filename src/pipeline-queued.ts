// A queued run: the same run as runPipeline, with its inputs read by workers. It takes the run lock and
// begins the run, enqueues one `source` job per input (pipeline-source.ts stages that input's articles for the
// run), and waits while workers do them, reading what they stage as they stage it. Once every job is done or
// has failed for good, it reads the rest and finishes like any run: dedupe, cluster, rank, commit, publish. A
// job that failed for good is one failed input, with its last error.
import { setTimeout as delay } from 'node:timers/promises';
import type { InputFailure, SourceOutcome } from './model.js';
import type { Store } from './store/index.js';
import { runWorker, type WorkerEvent } from './queue/worker.js';
import { SOURCE_KIND, sourceJob, sourceKind } from './queue/kinds/index.js';
import { waitForRun, type JobQueue, type JobRecord } from './queue/index.js';
import { finishRun, RunCancelled, runArticles, runUnderLock, type Produced, type Progress, type RunOptions, type RunOutcome, type RunRead } from './pipeline.js';
import { eachStagedArticle, type RunArticles } from './pipeline-stories.js';
import { stageSource } from './pipeline-source.js';

/**
 * Between two readings of what the workers staged while the run waits for them. Reading as they stage
 * takes that work (some 3.5 of 20 seconds after the jobs of 10,000 articles, `npm run bench:workers`) off
 * the run's end, when nothing else can go on; once a second, the list of staged ids it asks for costs little.
 */
export const STAGED_CATCH_UP_MS = 1_000;

export interface QueuedRunOptions extends Pick<RunOptions, 'inputs' | 'outDir' | 'settings' | 'now' | 'onProgress' | 'wait' | 'onWait'> {
  queue: JobQueue;
  /**
   * Do the jobs in this process too, this many at a time: for a SQLite desk, whose in-process queue no
   * worker elsewhere can see. Unset: workers (`newsdesk worker`) do them.
   */
  localConcurrency?: number;
  /** Told of each job the local worker finished or failed. */
  onJob?: (event: WorkerEvent) => void;
  /** Told when asking the queue failed (the database restarts); the run goes on asking. */
  onQueueError?: (error: unknown) => void;
  /** Told when the queue answers again after it failed. */
  onQueueBack?: () => void;
  pollMs?: number;
  /** Stops waiting for the jobs: the run ends cancelled and nothing of it is committed. */
  signal?: AbortSignal;
}

export async function runQueued(options: QueuedRunOptions, store: Store): Promise<RunOutcome> {
  const progress = options.onProgress ?? (() => {});
  return runUnderLock(options, store, progress, async (runId, abandoned) => {
    // The jobs of runs whose processes died (found as this run took the lock): nobody will commit what they stage.
    for (const dead of abandoned) await options.queue.cancelRun(dead);
    try {
      return await produceQueued(runId, options, store, progress);
    } catch (error) {
      // This run ends without committing: its jobs still to do are nobody's any more. Best effort: when the
      // database is what failed, the run's end cannot be recorded either; the next run finds it abandoned.
      await options.queue.cancelRun(runId).catch(() => {});
      throw error;
    }
  });
}

async function produceQueued(runId: number, options: QueuedRunOptions, store: Store, progress: (event: Progress) => void): Promise<Produced> {
  const { queue, settings } = options;
  const requests = options.inputs.map((input) => sourceJob(runId, input));
  await queue.enqueue(runId, requests);
  const local = options.localConcurrency ? localWorker(queue, store, options) : undefined;
  const read = await runArticles(settings, store);
  const reading = readWhileWaiting(runId, read, store);
  let total: number;
  try {
    ({ total } = await waitForRun(queue, runId, {
      onProgress: (p) => progress({ stage: 'jobs', done: p.done + p.failed, total: p.total, detail: `${p.done} done, ${p.failed} failed, ${p.pending} pending` }),
      ...(options.onQueueError ? { onError: options.onQueueError } : {}),
      ...(options.onQueueBack ? { onBack: options.onQueueBack } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    }));
  } catch (error) {
    // Jobs still pending are cancelled by runQueued; what was staged for this run is dropped with it.
    throw options.signal?.aborted ? new RunCancelled('jobs') : error;
  } finally {
    await local?.stop();
    await reading.stop();
  }
  const jobs = new Map((await queue.list({ runId, limit: Math.max(1, total) })).map((job) => [job.key, job]));
  const gathered: Omit<RunRead, 'read'> = {
    failures: [],
    notices: [],
    validators: new Map(),
    freshness: new Map(),
    fetches: { total: 0, done: 0, notModified: 0, failed: 0 },
  };
  // In the order the run was given its inputs, as an in-process run reports them.
  const seen = new Set<string>();
  for (const [i, request] of requests.entries()) {
    if (seen.has(request.key)) continue;
    seen.add(request.key);
    const input = options.inputs[i]!;
    const job = jobs.get(request.key);
    if (job?.state === 'done' && job.output) addOutcome(gathered, job.output as unknown as SourceOutcome);
    else gathered.failures.push(failedJob(input, job));
  }
  await readStaged(runId, read, store);
  // Reported once there is something to report: a run whose jobs staged nothing ends on its jobs' count.
  if (read.size > 0) progress({ stage: 'summarize', done: read.size, total: read.size });
  // Whenever each article came in, the run goes on in one order, byte order of ids, as a re-run would.
  read.sortById();
  return finishRun(runId, { read, ...gathered }, options, store, progress);
}

/** Reads the staged articles of the run that `read` does not hold yet, a page at a time, until `halt` says stop. */
async function readStaged(runId: number, read: RunArticles, store: Store, halt?: AbortSignal): Promise<void> {
  const missing = (await store.stagedIds(runId)).filter((id) => !read.has(id));
  await eachStagedArticle(store, runId, missing, (article) => read.add(article), halt);
}

/**
 * Reads what workers stage while the run waits for them, every STAGED_CATCH_UP_MS, until stopped. A failed
 * reading (the database restarting) is left to the next one, and to the reading after the jobs, which fails
 * the run if the database is still gone.
 */
function readWhileWaiting(runId: number, read: RunArticles, store: Store): { stop(): Promise<void> } {
  const stopped = new AbortController();
  const done = (async () => {
    while (!stopped.signal.aborted) {
      await readStaged(runId, read, store, stopped.signal).catch(() => {});
      await delay(STAGED_CATCH_UP_MS, undefined, { signal: stopped.signal }).catch(() => {});
    }
  })();
  return {
    async stop() {
      stopped.abort();
      await done;
    },
  };
}

function addOutcome(into: Omit<RunRead, 'read'>, outcome: SourceOutcome): void {
  into.failures.push(...outcome.failures);
  into.notices.push(...outcome.notices);
  for (const [url, validators] of Object.entries(outcome.validators)) into.validators.set(url, validators);
  for (const [url, until] of Object.entries(outcome.freshness)) into.freshness.set(url, until);
  for (const count of ['total', 'done', 'notModified', 'failed'] as const) into.fetches[count] += outcome.fetches[count];
}

function failedJob(input: string, job: JobRecord | undefined): InputFailure {
  if (!job) return { path: input, reason: 'its source job is missing from the queue; run again' };
  const why = job.lastError ?? `its job ended ${job.state}`;
  return { path: input, reason: `its source job failed for good after ${job.attempts} of ${job.maxAttempts} attempts: ${why}; see newsdesk jobs --failed` };
}

/** The run's own worker for its `source` jobs, stopped (jobs in hand given back) once the run stops waiting. */
function localWorker(queue: JobQueue, store: Store, options: QueuedRunOptions): { stop(): Promise<void> } {
  const stop = new AbortController();
  const done = runWorker(queue, { [SOURCE_KIND]: sourceKind(stageSource, { store, settings: options.settings }) }, {
    concurrency: options.localConcurrency!,
    signal: stop.signal,
    hurry: stop.signal,
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    onEvent: (event) => options.onJob?.(event),
  });
  return {
    async stop() {
      stop.abort();
      await done;
    },
  };
}
