// The run's wiring for the model backend (`summarize.backend: llm`): a client for the run (the key from the
// environment, cancelled with the run), the store as the answer cache, the batch through the gate, and what
// the run says about it: one notice per article the gate changed, one per reason the model was not used,
// and what the run spent.
import type { Article, AuditReport, Summary } from './model.js';
import type { ModelAnswerCache } from './store/types.js';
import type { RunSettings } from './config.js';
import { API_KEY_ENV, createChatClient, type LlmSpending } from './llm/index.js';
import { MODEL_SUMMARY_METHOD, PROMPT_VERSION } from './summarize/llm/index.js';
import { gateNotice } from './audit/gate.js';
import { summarizeBatchWithModel } from './summarize/llm/batch.js';

/** How often a run's cancellation is checked while model requests are in flight. */
const CANCEL_POLL_MS = 250;

export interface ModelMade {
  /** Article id → the gated model summary. Articles missing here get the extractive summary. */
  gated: Map<string, { summary: Summary; audit: AuditReport; notice?: string }>;
  /** Why some articles got the extractive summary, and what the model cost. */
  notices: string[];
}

export interface ModelRunOptions {
  cancelled?: () => boolean;
  signal?: AbortSignal;
  onCancel: () => Error;
  onDone?: (done: number) => void;
  env?: NodeJS.ProcessEnv;
}

/** True when the run's summaries come from the model. */
export function usesModel(settings: RunSettings): boolean {
  return settings.summarize?.backend === 'llm' && Boolean(settings.llm?.url && settings.llm?.model);
}

/** What a stored summary's reuse key covers besides the summary settings: the model and the prompt. */
export function modelKeySettings(settings: RunSettings): unknown {
  return usesModel(settings) ? { ...settings.summary, method: MODEL_SUMMARY_METHOD, model: settings.llm!.model, prompt: PROMPT_VERSION } : settings.summary;
}

export async function summarizeRunWithModel(articles: Article[], settings: RunSettings, cache: ModelAnswerCache, options: ModelRunOptions): Promise<ModelMade> {
  const session = openModelSummarizer(settings, cache, options);
  try {
    const gated = await session.summarize(articles, options.onDone);
    return { gated, notices: session.notices() };
  } finally {
    await session.close();
  }
}

/** A run's model summarizer: one client (and one spending count) over the batches of a run. */
export interface ModelSummarizer {
  /** Gated model summaries of a batch; articles missing from the map get the extractive summary. */
  summarize(articles: Article[], onDone?: (done: number) => void): Promise<ModelMade['gated']>;
  /** Why articles got the extractive summary, and what the model cost, over every batch so far. */
  notices(): string[];
  /** Aborts requests still in flight and closes the client. */
  close(): Promise<void>;
}

export function openModelSummarizer(settings: RunSettings, cache: ModelAnswerCache, options: Omit<ModelRunOptions, 'onDone'>): ModelSummarizer {
  const llm = settings.llm!;
  const abort = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, abort.signal]) : abort.signal;
  const apiKey = (options.env ?? process.env)[API_KEY_ENV];
  // A model server on this machine or the LAN passes the same guard as any fetch: --allow-private opens both.
  const client = createChatClient({ ...llm, allowPrivate: llm.allowPrivate || Boolean(settings.fetch?.allowPrivate) }, { ...(apiKey ? { apiKey } : {}), signal });
  // The run's cancellation is a question asked between steps; a request in flight should not wait for the
  // next step to hear it, so it is asked on a timer too, and the answer aborts the requests.
  const watch = options.cancelled ? setInterval(() => options.cancelled!() && abort.abort(), CANCEL_POLL_MS) : undefined;
  watch?.unref();
  const failures = new Map<string, number>();
  return {
    async summarize(articles, onDone) {
      const outcomes = await summarizeBatchWithModel(articles, {
        client,
        cache,
        summary: settings.summary,
        concurrency: llm.concurrency,
        abort,
        onCancel: options.onCancel,
        ...(options.cancelled ? { cancelled: options.cancelled } : {}),
        ...(onDone ? { onDone } : {}),
      });
      const gated: ModelMade['gated'] = new Map();
      for (const outcome of outcomes) {
        if ('failure' in outcome) {
          failures.set(outcome.failure, (failures.get(outcome.failure) ?? 0) + 1);
          continue;
        }
        const notice = gateNotice(outcome.article, outcome.summary.audit);
        gated.set(outcome.article.id, { summary: outcome.summary.summary, audit: outcome.summary.audit, ...(notice ? { notice } : {}) });
      }
      return gated;
    },
    notices() {
      const notices = [...failures].map(([why, n]) => `${why}; ${n} article${n === 1 ? '' : 's'} got the extractive summary instead`);
      const spent = client.spending();
      if (spent.requests > 0) notices.push(spendingNotice(spent, llm.model!));
      return notices;
    },
    async close() {
      clearInterval(watch);
      // Requests still in flight (another article's, when one failed or the run was cancelled) are not waited for.
      abort.abort();
      await client.close();
    },
  };
}

function spendingNotice(spent: LlmSpending, model: string): string {
  const cost = spent.cost > 0 ? `, estimated cost ${spent.cost.toFixed(4)}` : '';
  return `llm: ${spent.requests} request${spent.requests === 1 ? '' : 's'} to ${model}, ${spent.promptTokens} prompt + ${spent.completionTokens} completion tokens${cost}`;
}
