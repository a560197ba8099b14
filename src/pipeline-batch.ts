// One batch of a run's articles through summarize and audit, staged in the store: the step a run repeats as
// ingest hands it batches, so that what it has summarized is saved as it goes and never held whole. Stored
// summaries made under the same key are reused; with the model backend, the model summarizes what is left
// (articles it could not summarize get the extractive summary, under the extractive key, so a later run asks
// again).
import type { Article } from './model.js';
import type { RunSettings } from './config.js';
import type { StagedArticle, Store } from './store/index.js';
import { summarizeArticle } from './summarize/index.js';
import { gateKey, gateNotice, gateSummary } from './audit/gate.js';
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
  /** Ends the run's use of the model: its notices (articles it could not summarize, what it cost). */
  close(): Promise<string[]>;
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
      const staged: StagedArticle[] = articles.map((article) => {
        const stored = reusable.get(article.id);
        const fromModel = made?.get(article.id);
        const summaryKey = made && !stored && !fromModel ? gateKey(article, settings.summary) : keys.get(article.id)!;
        const gated = stored ? { ...stored, notice: gateNotice(article, stored.audit) } : fromModel ?? gateSummary(article, summarizeArticle(article, settings.summary));
        if (gated.notice) notices.push(gated.notice);
        return { article, summary: gated.summary, audit: gated.audit, summaryKey };
      });
      await store.stageArticles(runId, staged);
      return notices;
    },
    async close() {
      if (!model) return [];
      try {
        return model.notices();
      } finally {
        await model.close();
      }
    },
  };
}
