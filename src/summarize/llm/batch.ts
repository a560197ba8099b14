// A run's work for the model (articles to summarize, stories to digest), a few at a time (the client's
// concurrency limit), each through its gate. When the server is down, refuses us or the token budget is
// spent, the rest of the run stops asking: those items come back as failures, and the caller gives them the
// extractive summary or digest.
import { LlmError, type ChatClient } from '../../llm/index.js';
import type { Article } from '../../model.js';
import type { ModelAnswerCache } from '../../store/types.js';
import type { SummaryOptions } from '../options.js';
import { EmptyAnswer, summarizeWithModel, type ModelSummary } from './index.js';

/** What became of one item: the model's gated work, or why there is none. */
export type ModelOutcome<T, R> = { item: T; made: R } | { item: T; failure: string };

export type BatchOutcome = { article: Article; summary: ModelSummary } | { article: Article; failure: string };

/**
 * Why a run stopped asking the model, once it did: one per run, shared by each of its uses of the model (every
 * batch of summaries, then the digests), so a server found down is not asked again in the same run.
 */
export interface ModelHalt {
  reason?: string;
}

export interface TurnOptions {
  /** Asked before each item; once true, the batch stops and rejects with `onCancel()`'s error. */
  cancelled?: () => boolean;
  onCancel: () => Error;
  /** Told as each item is done. */
  onDone?: (done: number) => void;
  /** Aborted by the batch when it is cancelled, so requests in flight stop (the client was made with it). */
  abort?: AbortController;
  /** Items worked on at once; the client's own limit caps requests in any case. */
  concurrency: number;
  /** The run's halt: set, every item fails with its reason; set here when the model stops answering. */
  halt?: ModelHalt;
}

export interface BatchOptions extends TurnOptions {
  client: ChatClient;
  cache?: ModelAnswerCache;
  summary?: Partial<SummaryOptions>;
}

/**
 * Errors after which the model is not asked again in this run: it is not there, too slow, out of budget, or
 * still overloaded (429/5xx) after the retries. Any other answer (a 400 for one over-long article, an
 * unreadable answer) concerns that item only.
 */
function stopsTheRun(error: LlmError): boolean {
  return ['unreachable', 'refused', 'budget', 'timeout'].includes(error.kind) || (error.kind === 'http' && (error.status === 429 || (error.status ?? 0) >= 500));
}

/** Each item through `work`, `concurrency` at a time, in order; failures of the model are outcomes, not errors. */
export async function askInTurn<T, R>(items: readonly T[], work: (item: T) => Promise<R>, options: TurnOptions): Promise<Array<ModelOutcome<T, R>>> {
  const outcomes: Array<ModelOutcome<T, R>> = new Array(items.length);
  const halt = options.halt ?? {};
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      if (options.cancelled?.()) {
        options.abort?.abort();
        throw options.onCancel();
      }
      const i = next++;
      const item = items[i]!;
      if (halt.reason) {
        outcomes[i] = { item, failure: halt.reason };
      } else {
        try {
          outcomes[i] = { item, made: await work(item) };
        } catch (error) {
          if (error instanceof LlmError && error.kind === 'cancelled') throw options.onCancel();
          if (!(error instanceof LlmError) && !(error instanceof EmptyAnswer)) throw error;
          if (error instanceof LlmError && stopsTheRun(error)) halt.reason ??= error.message;
          outcomes[i] = { item, failure: error.message };
        }
      }
      options.onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker));
  return outcomes;
}

export async function summarizeBatchWithModel(articles: Article[], options: BatchOptions): Promise<BatchOutcome[]> {
  const deps = { client: options.client, ...(options.cache ? { cache: options.cache } : {}) };
  const outcomes = await askInTurn(articles, (article) => summarizeWithModel(article, options.summary, deps), options);
  return outcomes.map((o) => ('made' in o ? { article: o.item, summary: o.made } : { article: o.item, failure: o.failure }));
}
