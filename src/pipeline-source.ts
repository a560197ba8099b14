// One input of a queued run, done by whichever worker takes its `source` job: ingest it (fetching politely,
// with the desk's shared per-host politeness), keep the stored articles of a feed that answered 304, and
// summarize, audit and stage every batch for the run, as an in-process run does with all its inputs. It is
// idempotent: staging keeps the first row per article, so a job done again (its worker died) adds nothing.
// The validators and freshness holds the fetches brought are not saved here but returned: the run's commit
// saves them with the articles they vouch for.
import type { Article, SourceOutcome } from './model.js';
import type { SourceContext, SourceJob } from './queue/kinds/index.js';
import { ingestInBatches, type IngestTotals } from './ingest/index.js';
import { createFetcher, deferValidators, remoteSource } from './fetch/index.js';
import { openBatchStager } from './pipeline-batch.js';

/** Thrown when the worker stops while the job's model requests are in flight; the job goes back to the queue. */
class SourceStopped extends Error {
  constructor(input: string) {
    super(`source job: the worker stopped while summarizing ${input}; the job goes back to the queue`);
    this.name = 'SourceStopped';
  }
}

export async function stageSource({ runId, input }: SourceJob, { store, settings, signal }: SourceContext): Promise<SourceOutcome & { [key: string]: unknown }> {
  const validators = deferValidators(store);
  const freshness: SourceOutcome['freshness'] = {};
  const fetcher = settings.fetch ? createFetcher(settings.fetch, validators, store) : undefined;
  const stager = openBatchStager(settings, store, { cancelled: () => signal.aborted, signal, onCancel: () => new SourceStopped(input) });
  const seen = new Set<string>();
  const gateNotices: string[] = [];
  // One article per id within the input, as in a run; across inputs, the stage keeps the first staged.
  const take = async (batch: Article[]): Promise<void> => {
    const fresh = batch.filter((a) => !seen.has(a.id));
    for (const notice of await stager.stage(runId, fresh)) gateNotices.push(notice);
    for (const article of fresh) seen.add(article.id);
  };
  let modelNotices: string[];
  let ingested: IngestTotals;
  let kept: Article[];
  try {
    try {
      ingested = await ingestInBatches(
        [input],
        fetcher
          ? {
              remote: remoteSource(fetcher, store, undefined, {
                perSourceMs: settings.schedule.perSourceMs,
                holdFreshness: (url, until) => void (freshness[url] = until),
              }),
            }
          : {},
        take,
      );
    } finally {
      await fetcher?.close();
    }
    // A 304 says the copy from last time is still current: its articles stay in this run, from the store.
    kept = await store.articlesFromSources(ingested.unchanged);
    if (kept.length > 0) await take(kept);
  } finally {
    modelNotices = await stager.close();
  }
  return {
    articles: seen.size,
    failures: ingested.failures,
    notices: [...ingested.notices, ...unchangedNotices(ingested.unchanged, kept), ...modelNotices, ...gateNotices],
    validators: Object.fromEntries(validators.held()),
    freshness,
    fetches: ingested.fetches,
  };
}

/** One notice per feed that answered 304: how many of its stored articles the run kept. */
export function unchangedNotices(unchanged: string[], kept: Article[]): string[] {
  return unchanged.map((url) => {
    const count = kept.filter((a) => a.origin.path === url).length;
    return `${url}: not modified since the last run; kept its ${count} article${count === 1 ? '' : 's'} from the store`;
  });
}
