// Runs started from the editor: the same runPipeline as `newsdesk run`, one at a time, with the pipeline's
// progress kept where the API can report it. `newsdesk serve` runs it in a worker thread on its own
// connection to the database (workerRunner), so the editor keeps answering during a long run; tests may run
// it in this thread (inProcessRunner). An editor's usage change made during a run is never lost: the store
// keeps editors' choices over the run's (see saveCandidates), whichever writes last.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { countCopies } from '../dedupe/index.js';
import { runPipeline, type Progress, type RunOptions, type RunOutcome, type Stage } from '../pipeline.js';
import type { Store } from '../store/index.js';
import type { JobRecord } from '../model.js';
import type { QueueOptions } from '../queue/index.js';

/**
 * What an editor-started run reads and writes: the sources and output folder `newsdesk serve` was given,
 * and the same settings `newsdesk run` takes from the config (ranking, publishing, clustering, fetching).
 */
export type EditorRuns = Pick<RunOptions, 'inputs' | 'outDir' | 'settings'>;

/**
 * Runs the pipeline and says what it made; tests wrap inProcessRunner to hold a run open while they look at
 * it. Once `signal` is aborted the run stops at its next checkpoint (RunOptions.cancelled) and rejects.
 */
export type Runner = (options: RunOptions, store: Store, signal: AbortSignal) => Promise<RunCounts>;

export interface RunCounts {
  runId: number;
  articles: number;
  duplicates: number;
  stories: number;
  candidates: number;
  failures: number;
  notices: number;
}

export function countRun({ runId, result }: RunOutcome): RunCounts {
  return {
    runId,
    articles: result.heads.length,
    duplicates: countCopies(result.duplicates),
    stories: result.stories.length,
    candidates: result.candidates.length,
    failures: result.failures.length,
    notices: result.notices.length,
  };
}

/**
 * The run in this thread, on the editor's own store connection. A cancel lands only where the run waits
 * (reading sources); the synchronous stages after that leave no moment for it.
 */
export const inProcessRunner: Runner = async (options, store, signal) =>
  countRun(await runPipeline({ ...options, cancelled: () => signal.aborted }, store));

/** What the worker thread is given: everything but the callbacks, which become messages and a shared flag. */
export interface WorkerJob {
  /** The database as `--db` names it: a SQLite file or a postgres:// URL. */
  db: string;
  options: Omit<RunOptions, 'onProgress' | 'cancelled'>;
  /** Set: the run goes to the desk's job queue with these knobs (pipeline-queued.ts), its sources done by workers. */
  queue?: Partial<QueueOptions>;
  /** One Int32 over shared memory, set to 1 by the editor to cancel: read by the worker between its steps. */
  cancel: Int32Array;
}

export type WorkerMessage =
  | { kind: 'progress'; progress: Progress }
  /** A queued run on SQLite: the jobs of its in-process queue that failed for good, sent before it ends. */
  | { kind: 'failed-jobs'; jobs: JobRecord[] }
  | { kind: 'done'; counts: RunCounts }
  | { kind: 'failed'; error: string };

// Beside this module once compiled; from the TypeScript sources (tests), the compiled copy in dist/.
const WORKER_FILES = [new URL('./run-worker.js', import.meta.url), new URL('../../dist/src/web/run-worker.js', import.meta.url)];

/**
 * The run in a worker thread with its own connection to the database `db` names; with `queue`, a queued run
 * whose sources workers do (on SQLite, the thread does them itself, and tells `onFailedJobs` of the jobs
 * that failed for good before its queue ends with it).
 */
export function workerRunner(db: string, queue?: Partial<QueueOptions>, onFailedJobs?: (jobs: JobRecord[]) => void): Runner {
  // `cancelled` stays behind: a function cannot cross to the thread; the shared flag below stands for it.
  return ({ onProgress, cancelled: _inThisThread, ...options }, _store, signal) =>
    new Promise((resolve, reject) => {
      const file = WORKER_FILES.find((url) => existsSync(fileURLToPath(url)));
      if (!file) return reject(new Error('web: run-worker.js not found; run `npm run build` or reinstall newsdesk'));
      // The worker is busy in synchronous code when a cancel comes; a message would wait, shared memory does not.
      const cancel = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
      signal.addEventListener('abort', () => Atomics.store(cancel, 0, 1), { once: true });
      const job: WorkerJob = { db, options, cancel, ...(queue ? { queue } : {}) };
      const worker = new Worker(file, { workerData: job });
      let settled = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'progress') onProgress?.(message.progress);
        else if (message.kind === 'failed-jobs') onFailedJobs?.(message.jobs);
        else {
          settled = true;
          if (message.kind === 'done') resolve(message.counts);
          else reject(new Error(message.error));
        }
      });
      worker.on('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`the run stopped before it finished (worker exit code ${code})`));
      });
    });
}

export interface RunState {
  status: 'idle' | 'running' | 'finished' | 'failed' | 'cancelled';
  /** Set while a cancelled run is on its way to its next checkpoint. */
  cancelling?: boolean;
  startedAt?: string;
  finishedAt?: string;
  /** The newest progress event from the pipeline. */
  progress?: Progress;
  /** Stages reached so far, in order. */
  stages: Stage[];
  result?: RunCounts;
  error?: string;
}

export class RunTracker {
  private state: RunState = { status: 'idle', stages: [] };
  private pending: Promise<void> = Promise.resolve();
  private abort = new AbortController();

  constructor(
    private readonly store: Store,
    private readonly settings: EditorRuns,
    private readonly now: () => string,
    private readonly runner: Runner = inProcessRunner,
  ) {}

  current(): RunState {
    return { ...this.state, stages: [...this.state.stages] };
  }

  /** Starts a run unless one is under way; returns the new state, or undefined when busy. */
  start(): RunState | undefined {
    if (this.state.status === 'running') return undefined;
    const startedAt = this.now();
    this.state = { status: 'running', startedAt, stages: [] };
    const abort = (this.abort = new AbortController());
    const onProgress = (progress: Progress): void => {
      this.state.progress = progress;
      if (this.state.stages[this.state.stages.length - 1] !== progress.stage) this.state.stages.push(progress.stage);
    };
    this.pending = this.runner({ ...this.settings, now: startedAt, onProgress }, this.store, abort.signal).then(
      (result) => {
        this.state = { ...this.state, status: 'finished', finishedAt: this.now(), result };
        delete this.state.cancelling;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.state = { ...this.state, status: abort.signal.aborted ? 'cancelled' : 'failed', finishedAt: this.now(), error: message };
        delete this.state.cancelling;
      },
    );
    return this.current();
  }

  /**
   * Asks the run under way to stop at its next checkpoint. Refused (with the reason) when no run is under
   * way, or once it stores its results: from there it finishes, so the store never holds half a run.
   */
  cancel(): { state: RunState } | { error: string } {
    if (this.state.status !== 'running') return { error: 'no run is under way' };
    const stage = this.state.progress?.stage;
    if (stage === 'store' || stage === 'publish') return { error: `the run is already at ${stage}, writing its results; it will finish shortly` };
    this.abort.abort();
    this.state.cancelling = true;
    return { state: this.current() };
  }

  /** Resolves once no run is under way, so the server can close the store without cutting a run short. */
  settled(): Promise<void> {
    return this.pending;
  }
}
