// Runs started from the editor: the same runPipeline as `newsdesk run`, in this process on this store, one at
// a time, with the pipeline's progress kept where the API can report it. A usage change made while a run reads
// its sources is kept: the pipeline reads editors' decisions after ingest, and from there to the end it never
// yields, so no request lands between that read and its writes.
import { runPipeline, type Progress, type RunOptions, type RunOutcome, type Stage } from '../pipeline.js';
import type { RankWeights } from '../rank/index.js';
import type { Store } from '../store/index.js';

/** What an editor-started run reads and writes: the sources and output folder `newsdesk serve` was given. */
export interface RunSettings {
  inputs: string[];
  outDir: string;
  weights: RankWeights;
  summary: RunOptions['summary'];
}

/** Runs the pipeline; tests wrap runPipeline to hold a run open while they look at it. */
export type Runner = (options: RunOptions, store: Store) => Promise<RunOutcome>;

export interface RunCounts {
  runId: number;
  articles: number;
  duplicates: number;
  stories: number;
  candidates: number;
  failures: number;
  notices: number;
}

export interface RunState {
  status: 'idle' | 'running' | 'finished' | 'failed';
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

  constructor(
    private readonly store: Store,
    private readonly settings: RunSettings,
    private readonly now: () => string,
    private readonly runner: Runner = runPipeline,
  ) {}

  current(): RunState {
    return { ...this.state, stages: [...this.state.stages] };
  }

  /** Starts a run unless one is under way; returns the new state, or undefined when busy. */
  start(): RunState | undefined {
    if (this.state.status === 'running') return undefined;
    const startedAt = this.now();
    this.state = { status: 'running', startedAt, stages: [] };
    const onProgress = (progress: Progress): void => {
      this.state.progress = progress;
      if (this.state.stages[this.state.stages.length - 1] !== progress.stage) this.state.stages.push(progress.stage);
    };
    this.pending = this.runner({ ...this.settings, now: startedAt, onProgress }, this.store).then(
      ({ runId, result }) => {
        this.state = {
          ...this.state,
          status: 'finished',
          finishedAt: this.now(),
          result: {
            runId,
            articles: result.articles.length,
            duplicates: result.duplicates.reduce((n, g) => n + g.duplicateIds.length, 0),
            stories: result.stories.length,
            candidates: result.candidates.length,
            failures: result.failures.length,
            notices: result.notices.length,
          },
        };
      },
      (error: unknown) => {
        this.state = { ...this.state, status: 'failed', finishedAt: this.now(), error: error instanceof Error ? error.message : String(error) };
      },
    );
    return this.current();
  }

  /** Resolves once no run is under way, so the server can close the store without cutting a run short. */
  settled(): Promise<void> {
    return this.pending;
  }
}
