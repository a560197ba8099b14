// The run's wiring for the model backend (`summarize.backend: llm`): a session per use of the model in a run
// (a client with the key from the environment, cancelled with the run, its budget the run's), the store as the
// answer cache, the batch through the gate, and what the run says about it: one notice per article the gate
// changed, one per reason the model was not used, and what the run spent.
import type { Article, AuditReport, Summary } from './model.js';
import type { ModelAnswerCache } from './store/types.js';
import type { RunSettings } from './config.js';
import { API_KEY_ENV, createChatClient, type ChatClient, type LlmSpending } from './llm/index.js';
import { MODEL_SUMMARY_METHOD, PROMPT_VERSION } from './summarize/llm/index.js';
import { gateNotice } from './audit/gate.js';
import { summarizeBatchWithModel, type ModelHalt } from './summarize/llm/batch.js';

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
  /** Tokens the run spent on the model before this use of it: the token budget is the run's. */
  spentBefore?: number;
  /** The run's halt, when an earlier use of the model in the run may have stopped asking it. */
  halt?: ModelHalt;
}

/** True when the run's summaries come from the model. */
export function usesModel(settings: RunSettings): boolean {
  return settings.summarize?.backend === 'llm' && Boolean(settings.llm?.url && settings.llm?.model);
}

/** What a stored summary's reuse key covers besides the summary settings: the model and the prompt. */
export function modelKeySettings(settings: RunSettings): unknown {
  return usesModel(settings) ? { ...settings.summary, method: MODEL_SUMMARY_METHOD, model: settings.llm!.model, prompt: PROMPT_VERSION } : settings.summary;
}

/** One use of the model in a run: its client, and what it says once done. */
export interface ModelSession {
  readonly client: ChatClient;
  /** Aborts the session's requests in flight (the client was made with it). */
  readonly abort: AbortController;
  /** Why the run stopped asking the model, once it did (the run's, when it was given one). */
  readonly halt: ModelHalt;
  /** Counts an item the model did not make, by why. */
  failed(why: string): void;
  /** Why items got the extractive fallback (`fallback(n)` says what n of them got), then what the session cost. */
  notices(fallback: (count: number) => string, spentOn?: string): string[];
  /** Tokens the session spent, as the server reported them. */
  tokens(): number;
  /** Aborts requests still in flight and closes the client. */
  close(): Promise<void>;
}

export function openModelSession(settings: RunSettings, options: Omit<ModelRunOptions, 'onDone' | 'onCancel'>): ModelSession {
  const llm = settings.llm!;
  const abort = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, abort.signal]) : abort.signal;
  const apiKey = (options.env ?? process.env)[API_KEY_ENV];
  // A model server on this machine or the LAN passes the same guard as any fetch: --allow-private opens both.
  const client = createChatClient(
    { ...llm, allowPrivate: llm.allowPrivate || Boolean(settings.fetch?.allowPrivate) },
    { ...(apiKey ? { apiKey } : {}), signal, ...(options.spentBefore ? { spentBefore: options.spentBefore } : {}) },
  );
  // The run's cancellation is a question asked between steps; a request in flight should not wait for the
  // next step to hear it, so it is asked on a timer too, and the answer aborts the requests.
  const watch = options.cancelled ? setInterval(() => options.cancelled!() && abort.abort(), CANCEL_POLL_MS) : undefined;
  watch?.unref();
  const failures = new Map<string, number>();
  return {
    client,
    abort,
    halt: options.halt ?? {},
    failed(why) {
      failures.set(why, (failures.get(why) ?? 0) + 1);
    },
    notices(fallback, spentOn) {
      const notices = [...failures].map(([why, n]) => `${why}; ${fallback(n)}`);
      const spent = client.spending();
      if (spent.requests > 0) notices.push(spendingNotice(spent, llm.model!, spentOn));
      return notices;
    },
    tokens() {
      const spent = client.spending();
      return spent.promptTokens + spent.completionTokens;
    },
    async close() {
      clearInterval(watch);
      // Requests still in flight (another item's, when one failed or the run was cancelled) are not waited for.
      abort.abort();
      await client.close();
    },
  };
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
  /** Tokens spent over every batch so far. */
  tokens(): number;
  /** Why the run stopped asking the model, once it did. */
  readonly halt: ModelHalt;
  /** Aborts requests still in flight and closes the client. */
  close(): Promise<void>;
}

export function openModelSummarizer(settings: RunSettings, cache: ModelAnswerCache, options: Omit<ModelRunOptions, 'onDone'>): ModelSummarizer {
  const session = openModelSession(settings, options);
  return {
    async summarize(articles, onDone) {
      const outcomes = await summarizeBatchWithModel(articles, {
        client: session.client,
        cache,
        summary: settings.summary,
        concurrency: settings.llm!.concurrency,
        abort: session.abort,
        halt: session.halt,
        onCancel: options.onCancel,
        ...(options.cancelled ? { cancelled: options.cancelled } : {}),
        ...(onDone ? { onDone } : {}),
      });
      const gated: ModelMade['gated'] = new Map();
      for (const outcome of outcomes) {
        if ('failure' in outcome) {
          session.failed(outcome.failure);
          continue;
        }
        const notice = gateNotice(outcome.article, outcome.summary.audit);
        gated.set(outcome.article.id, { summary: outcome.summary.summary, audit: outcome.summary.audit, ...(notice ? { notice } : {}) });
      }
      return gated;
    },
    notices: () => session.notices((n) => `${n} article${n === 1 ? '' : 's'} got the extractive summary instead`),
    tokens: () => session.tokens(),
    halt: session.halt,
    close: () => session.close(),
  };
}

function spendingNotice(spent: LlmSpending, model: string, spentOn: string | undefined): string {
  const cost = spent.cost > 0 ? `, estimated cost ${spent.cost.toFixed(4)}` : '';
  return `llm: ${spentOn ? `${spentOn}: ` : ''}${spent.requests} request${spent.requests === 1 ? '' : 's'} to ${model}, ${spent.promptTokens} prompt + ${spent.completionTokens} completion tokens${cost}`;
}
