// The `source` job: a run's per-source stage (ingest, fetch and extract one input, summarize and audit its
// articles, save them in the store for the run), done by whichever worker takes it. The stage itself is the
// pipeline's; this file says what it must look like and runs it for the worker.
import type { RunSettings } from '../../config.js';
import type { Store } from '../../store/index.js';
import type { JobRequest } from '../types.js';
import type { JobKind } from '../worker.js';

export const SOURCE_KIND = 'source';

/** What a `source` job carries: the run it belongs to and one of the run's inputs, as the run was given it. */
export interface SourceJob {
  runId: number;
  input: string;
}

/**
 * What the stage gets besides the job: the desk's store and the run's settings. It makes its own fetcher,
 * `createFetcher(settings.fetch, deferValidators(store), store)`: the store as the third argument keeps
 * per-host politeness for the whole fleet, and the validators wait for the run's articles, as in a run.
 */
export interface SourceContext {
  store: Store;
  settings: RunSettings;
  /** Aborted when the worker stops and gives the job back. */
  signal: AbortSignal;
}

/**
 * The pipeline's per-source stage. It must be idempotent: a job whose worker died is done again by another,
 * so saving the same input's articles twice for a run must leave what saving them once leaves. What it
 * returns (plain JSON) is kept with the job and printed by the worker.
 */
export type SourceStage = (job: SourceJob, context: SourceContext) => Promise<{ articles: number; [detail: string]: unknown }>;

/**
 * The job for one input of a run. The key holds the run, so that the next run reads the input again; a
 * caller that knows the input's content hash may add it to the key.
 */
export function sourceJob(runId: number, input: string, key = `run ${runId}: ${input}`): JobRequest {
  return { kind: SOURCE_KIND, key, data: { runId, input } };
}

export function sourceKind(stage: SourceStage, context: Omit<SourceContext, 'signal'>): JobKind {
  return {
    async run(job, signal) {
      const { runId, input } = job.data;
      if (typeof runId !== 'number' || typeof input !== 'string') throw new Error('source job: its data needs "runId" and "input"; enqueue it with sourceJob(runId, input)');
      return stage({ runId, input }, { ...context, signal });
    },
    describe(output) {
      return `${Number(output.articles ?? 0)} articles`;
    },
  };
}
