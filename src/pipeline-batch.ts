// A run's inputs read into its stage (stageInputs), and one batch of its articles through summarize and audit,
// staged in the store: the step a run repeats as ingest hands it batches, so that what it has summarized is
// saved as it goes and never held whole. Stored summaries made under the same key are reused; with the model
// backend, the model summarizes what is left (articles it could not summarize get the extractive summary,
// under the extractive key, so a later run asks again).
import type { Article, HttpValidators, InputFailure } from './model.js';
import type { RunSettings } from './config.js';
import { ingestInBatches, type FetchCounts, type IngestTotals } from './ingest/index.js';
import { createFetcher, deferValidators, remoteSource } from './fetch/index.js';
import type { StagedArticle, Store } from './store/index.js';
import { gateKey, gateNotice } from './audit/gate.js';
import { gatedSummaries } from './summary-threads.js';
import { modelKeySettings, openModelSummarizer, usesModel, type ModelSummarizer } from './pipeline-model.js';

export interface BatchHooks {
  cancelled?: () => boolean;
  signal?: AbortSignal;
  /** The error a cancelled model request ends the run with. */
  onCancel: () => Error;
  /** Articles of the current batch the model has summarized so far. */
  onModelDone?: (done: number) => void;
}

export interface BatchStager {
  /** Summarizes, audits and stages a batch of the run's articles; returns the gate's notices, in article order. */
  stage(runId: number, articles: Article[]): Promise<string[]>;
  /** Ends the run's use of the model: its notices (articles it could not summarize, what it cost), the tokens it spent and why it stopped asking, if it did. */
  close(): Promise<StagerModelUse>;
}

/** What summarizing a run's articles took from the model: the rest of the run (its digests) goes on from there. */
export interface StagerModelUse {
  notices: string[];
  tokens: number;
  /** Why the run stopped asking the model, once it did. */
  halted?: string;
}

export function openBatchStager(settings: RunSettings, store: Store, hooks: BatchHooks): BatchStager {
  const model: ModelSummarizer | undefined = usesModel(settings)
    ? openModelSummarizer(settings, store, {
        onCancel: hooks.onCancel,
        ...(hooks.cancelled ? { cancelled: hooks.cancelled } : {}),
        ...(hooks.signal ? { signal: hooks.signal } : {}),
      })
    : undefined;
  const keySettings = modelKeySettings(settings);
  return {
    async stage(runId, articles) {
      // An article unchanged since a run summarized it keeps that summary and audit: re-runs cost little.
      const keys = new Map(articles.map((a) => [a.id, gateKey(a, keySettings)]));
      const reusable = await store.reusableSummaries(keys);
      const made = model ? await model.summarize(articles.filter((a) => !reusable.has(a.id)), hooks.onModelDone) : undefined;
      const notices: string[] = [];
      // What neither the store nor the model gave is summarized here (on the summary threads, if any).
      const rest = articles.filter((a) => !reusable.has(a.id) && !made?.get(a.id));
      const gatedRest = await gatedSummaries(rest, settings.summary, settings.summarize?.threads);
      const extractive = new Map(rest.map((a, i) => [a.id, gatedRest[i]!]));
      const staged: StagedArticle[] = articles.map((article) => {
        const stored = reusable.get(article.id);
        const fromModel = made?.get(article.id);
        const summaryKey = made && !stored && !fromModel ? gateKey(article, settings.summary) : keys.get(article.id)!;
        const gated = stored ? { ...stored, notice: gateNotice(article, stored.audit) } : fromModel ?? extractive.get(article.id)!;
        if (gated.notice) notices.push(gated.notice);
        return { article, summary: gated.summary, audit: gated.audit, summaryKey };
      });
      await store.stageArticles(runId, staged);
      return notices;
    },
    async close() {
      if (!model) return { notices: [], tokens: 0 };
      try {
        return { notices: model.notices(), tokens: model.tokens(), ...(model.halt.reason ? { halted: model.halt.reason } : {}) };
      } finally {
        await model.close();
      }
    },
  };
}

export interface StageInputsOptions {
  /** URL for the article when exactly one file is given. */
  url?: string;
  hooks: BatchHooks;
  /** True for an article the run has staged already: the same URL met twice in a run is one article. */
  staged: (id: string) => boolean;
  /** Told of each batch once it is staged (only articles not staged before). */
  onStaged: (articles: Article[]) => void;
  onDocuments?: (done: number, total: number) => void;
  onFetch?: (counts: FetchCounts) => void;
}

/** What reading a run's inputs leaves besides the staged articles. */
export interface InputsStaged {
  failures: InputFailure[];
  /** Ingest's, one per feed that answered 304, the model's, and the audit gate's, in that order. */
  notices: string[];
  /** ETag / Last-Modified the responses brought: saved by the run's commit, with the articles they vouch for. */
  validators: Map<string, HttpValidators>;
  /** Feed URL → not to be fetched again before this time (UTC ISO), saved by the commit too. */
  freshness: Map<string, string>;
  fetches: FetchCounts;
  /** Tokens the model backend spent on the summaries (0 without it): the rest of the run spends from the same budget. */
  modelTokens: number;
  /** Why the run stopped asking the model while summarizing, if it did: the digests do not ask it again. */
  modelHalted?: string;
}

/**
 * Reads inputs into a running run's stage: ingest hands over articles a batch at a time, fetching politely
 * with the desk's shared per-host politeness; each batch is summarized, audited and staged at once; a feed
 * that answered 304 keeps its stored articles. An in-process run reads all its inputs so; a queued run's
 * `source` job one input.
 */
export async function stageInputs(runId: number, inputs: string[], settings: RunSettings, store: Store, options: StageInputsOptions): Promise<InputsStaged> {
  const validators = deferValidators(store);
  const freshness = new Map<string, string>();
  const fetcher = settings.fetch ? createFetcher(settings.fetch, validators, store) : undefined;
  const stager = openBatchStager(settings, store, options.hooks);
  const gateNotices: string[] = [];
  // With summary threads, one batch is staged while ingest reads the next, so reading and summarizing
  // overlap. On the run's one thread there is nothing to overlap, and a batch read ahead would only be held
  // longer. Batches are staged one at a time and in order, so the staged check sees every earlier batch.
  const ahead = (settings.summarize?.threads ?? 1) > 1;
  let staging: Promise<void> = Promise.resolve();
  const take = async (batch: Article[]): Promise<void> => {
    await staging;
    // An article met twice (the same file under two names, an identical copy) is one article, whether the
    // two meet in one batch or in two: else the run ranked it twice, and the ranks after it moved.
    const fresh: Article[] = [];
    const inBatch = new Set<string>();
    for (const article of batch) {
      if (options.staged(article.id) || inBatch.has(article.id)) continue;
      inBatch.add(article.id);
      fresh.push(article);
    }
    staging = stager.stage(runId, fresh).then((notices) => {
      for (const notice of notices) gateNotices.push(notice);
      options.onStaged(fresh);
    });
    // Awaited by the next batch or after the last; until then its failure must not count as unhandled.
    staging.catch(() => undefined);
    if (!ahead) await staging;
  };
  let ingested: IngestTotals;
  let kept: Article[];
  let model: StagerModelUse;
  try {
    try {
      ingested = await ingestInBatches(
        inputs,
        {
          ...(options.url ? { url: options.url } : {}),
          ...(options.onDocuments ? { onDocuments: options.onDocuments } : {}),
          ...(fetcher
            ? {
                remote: remoteSource(fetcher, store, undefined, {
                  perSourceMs: settings.schedule.perSourceMs,
                  holdFreshness: (url, until) => void freshness.set(url, until),
                }),
                ...(options.onFetch ? { onFetch: options.onFetch } : {}),
              }
            : {}),
        },
        take,
      );
      await staging;
    } finally {
      // A failed ingest still waits for the batch being staged, so nothing writes to the run after it ends.
      await staging.catch(() => undefined);
      await fetcher?.close();
    }
    // A 304 says the copy from last time is still current: its articles stay in this run, from the store.
    kept = await store.articlesFromSources(ingested.unchanged);
    if (kept.length > 0) await take(kept);
    await staging;
  } finally {
    model = await stager.close();
  }
  return {
    failures: ingested.failures,
    notices: [...ingested.notices, ...unchangedNotices(ingested.unchanged, kept), ...model.notices, ...gateNotices],
    validators: validators.held(),
    freshness,
    fetches: ingested.fetches,
    modelTokens: model.tokens,
    ...(model.halted ? { modelHalted: model.halted } : {}),
  };
}

function unchangedNotices(unchanged: string[], kept: Article[]): string[] {
  return unchanged.map((url) => {
    const count = kept.filter((a) => a.origin.path === url).length;
    return `${url}: not modified since the last run; kept its ${count} article${count === 1 ? '' : 's'} from the store`;
  });
}
