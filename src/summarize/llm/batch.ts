// A run's articles summarized by the model, a few at a time (the client's concurrency limit), each through
// the gate. When the server is down, refuses us or the token budget is spent, the rest of the run stops
// asking: those articles come back as failures, and the caller gives them the extractive summary.
import { LlmError, type ChatClient } from '../../llm/index.js';
import type { Article } from '../../model.js';
import type { ModelAnswerCache } from '../../store/types.js';
import type { SummaryOptions } from '../options.js';
import { EmptyAnswer, summarizeWithModel, type ModelSummary } from './index.js';

export type BatchOutcome = { article: Article; summary: ModelSummary } | { article: Article; failure: string };

export interface BatchOptions {
  client: ChatClient;
  cache?: ModelAnswerCache;
  summary?: Partial<SummaryOptions>;
  /** Asked before each article; once true, the batch stops and rejects with `onCancel()`'s error. */
  cancelled?: () => boolean;
  onCancel: () => Error;
  /** Told as each article is done. */
  onDone?: (done: number) => void;
  /** Aborted by the batch when it is cancelled, so requests in flight stop (the client was made with it). */
  abort?: AbortController;
  /** Articles worked on at once; the client's own limit caps requests in any case. */
  concurrency: number;
}

/**
 * Errors after which the model is not asked again in this run: it is not there, too slow, out of budget, or
 * still overloaded (429/5xx) after the retries. Any other answer (a 400 for one over-long article, an
 * unreadable answer) concerns that article only.
 */
function stopsTheRun(error: LlmError): boolean {
  return ['unreachable', 'refused', 'budget', 'timeout'].includes(error.kind) || (error.kind === 'http' && (error.status === 429 || (error.status ?? 0) >= 500));
}

export async function summarizeBatchWithModel(articles: Article[], options: BatchOptions): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = new Array(articles.length);
  let stopped: string | undefined;
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < articles.length) {
      if (options.cancelled?.()) {
        options.abort?.abort();
        throw options.onCancel();
      }
      const i = next++;
      const article = articles[i]!;
      if (stopped) {
        outcomes[i] = { article, failure: stopped };
      } else {
        try {
          outcomes[i] = { article, summary: await summarizeWithModel(article, options.summary, { client: options.client, ...(options.cache ? { cache: options.cache } : {}) }) };
        } catch (error) {
          if (error instanceof LlmError && error.kind === 'cancelled') throw options.onCancel();
          if (!(error instanceof LlmError) && !(error instanceof EmptyAnswer)) throw error;
          if (error instanceof LlmError && stopsTheRun(error)) stopped ??= error.message;
          outcomes[i] = { article, failure: error.message };
        }
      }
      options.onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, articles.length)) }, worker));
  return outcomes;
}
