// The run: stages in order over the model, persisted by the store. Stages never see the store; this file does.
import type { Article, AuditReport, Candidate, ContinuedStory, DuplicateGroup, InputFailure, RunResult, Summary } from './model.js';
import type { Store } from './store/index.js';
import { ingest } from './ingest/index.js';
import { findDuplicatesWithEarlier } from './dedupe/earlier.js';
import { clusterIncremental, STORY_SIMILARITY, STORY_WINDOW_HOURS, type ClusterOptions, type ClusterResult } from './cluster/index.js';
import { summarizeArticle } from './summarize/index.js';
import { dropUnsupported } from './audit/provenance.js';
import { auditArticleSummary, tally } from './audit/index.js';
import { DEFAULT_RANK_SETTINGS, rankCandidates, type RankSettings, type RankWeights } from './rank/index.js';
import { publishRun, type PublishedRun, type PublishOptions } from './publish/index.js';
import { createFetcher, deferValidators, remoteSource, type FetchOptions } from './fetch/index.js';
import type { FetchCounts } from './ingest/index.js';

export type Stage = 'fetch' | 'ingest' | 'dedupe' | 'cluster' | 'summarize' | 'rank' | 'store' | 'publish';

export interface Progress {
  stage: Stage;
  done: number;
  total: number;
  /** Extra counts worth showing, e.g. "2 not modified, 1 failed" while fetching. */
  detail?: string;
}

export interface RunOptions {
  inputs: string[];
  /** URL for the article when exactly one file is given. */
  url?: string;
  outDir: string;
  weights: RankWeights;
  /** The rest of the rank settings (half-life, sources, topics, diversity); defaults when absent. */
  ranking?: Omit<RankSettings, 'weights'>;
  publish?: PublishOptions;
  summary: { ratio: number; minWords: number; maxWords: number };
  /** Story clustering: join threshold and the quiet hours after which a story closes. */
  cluster?: { similarity: number; windowHours: number };
  /** Timestamp recorded for the run (ISO); the only value in the output that changes between identical runs. */
  now: string;
  onProgress?: (progress: Progress) => void;
  /** HTTP client settings; without them http(s) sources are skipped with a notice. */
  fetch?: FetchOptions;
  /**
   * Asked between stages and while summarizing; once it says true the run stops with RunCancelled. It is
   * not asked from the store stage on, so a cancelled run never leaves half its results behind.
   */
  cancelled?: () => boolean;
}

/** Thrown by runPipeline when `cancelled` said so; nothing of the run was stored but its start. */
export class RunCancelled extends Error {
  constructor(stage: Stage) {
    super(`the run was cancelled before ${stage}; nothing from it was stored`);
    this.name = 'RunCancelled';
  }
}

export interface RunOutcome {
  runId: number;
  result: RunResult;
  published: PublishedRun;
  fetches: FetchCounts;
}

/** Articles summarized between progress events: often enough to show movement, rarely enough to cost nothing. */
const PROGRESS_EVERY = 250;

export async function runPipeline(options: RunOptions, store: Store): Promise<RunOutcome> {
  const report = options.onProgress ?? (() => {});
  const progress = (event: Progress): void => {
    if (event.stage !== 'store' && event.stage !== 'publish' && options.cancelled?.()) throw new RunCancelled(event.stage);
    report(event);
  };
  const runId = store.beginRun(options.now, options.inputs);

  progress({ stage: 'ingest', done: 0, total: options.inputs.length });
  const validators = deferValidators(store);
  const fetcher = options.fetch ? createFetcher(options.fetch, validators) : undefined;
  let ingested;
  try {
    ingested = await ingest(options.inputs, {
      ...(options.url ? { url: options.url } : {}),
      ...(fetcher ? { remote: remoteSource(fetcher, store), onFetch: (c: FetchCounts) =>
            progress({ stage: 'fetch', done: c.done, total: c.total, detail: `${c.notModified} not modified, ${c.failed} failed` }),
        } : {}),
    });
  } finally {
    await fetcher?.close();
  }
  // A 304 says the copy from last time is still current: its articles stay in this run, from the store.
  const kept = store.articlesFromSources(ingested.unchanged);
  const notices = [...ingested.notices];
  for (const url of ingested.unchanged) {
    const count = kept.filter((a) => a.origin.path === url).length;
    notices.push(`${url}: not modified since the last run; kept its ${count} article${count === 1 ? '' : 's'} from the store`);
  }
  const articles = uniqueById([...ingested.articles, ...kept]);
  progress({ stage: 'ingest', done: options.inputs.length, total: options.inputs.length });

  progress({ stage: 'dedupe', done: 0, total: articles.length });
  const continued = continuingStories(articles, options.cluster, store);
  const duplicates = dedupeContinuing(articles, continued, store);
  const copies = new Set(duplicates.flatMap((g) => g.duplicateIds));

  progress({ stage: 'cluster', done: 0, total: articles.length });
  const { stories, saved } = clusterContinuing(articles, duplicates, options.cluster, continued);

  const summaries: Summary[] = [];
  const audits: AuditReport[] = [];
  articles.forEach((article, i) => {
    const summary = summarizeArticle(article, options.summary);
    const audit = auditArticleSummary(article, summary);
    const kept = dropUnsupported(summary, audit);
    if (kept !== summary) {
      const counts = tally(audit);
      const why = (['unsupported', 'misattributed', 'contradicted'] as const).filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${v}`);
      notices.push(`${article.origin.path}: dropped ${summary.sentences.length - kept.sentences.length} summary sentence(s) the audit did not support (${why.join(', ')})`);
    }
    summaries.push(kept);
    audits.push(audit);
    if ((i + 1) % PROGRESS_EVERY === 0) progress({ stage: 'summarize', done: i + 1, total: articles.length });
  });
  progress({ stage: 'summarize', done: articles.length, total: articles.length });

  progress({ stage: 'rank', done: 0, total: articles.length });
  const settings: RankSettings = { ...DEFAULT_RANK_SETTINGS, ...options.ranking, weights: options.weights };
  const candidates = rankWithMemory(store, runId, { articles, stories, duplicates }, settings);

  const result: RunResult = {
    articles,
    duplicates,
    stories,
    summaries,
    audits,
    candidates,
    failures: ingested.failures,
    notices,
  };

  progress({ stage: 'store', done: 0, total: articles.length });
  store.saveArticles(runId, articles);
  store.saveDuplicates(duplicates);
  store.saveStories(stories);
  store.saveStoryStates(saved);
  store.saveSummaries(summaries);
  store.saveAudits(audits);
  store.saveCandidates(runId, candidates);
  store.saveStorySizes(runId, new Map(stories.map((s) => [s.id, s.articleIds.filter((id) => !copies.has(id)).length])));
  validators.commit();

  progress({ stage: 'publish', done: 0, total: candidates.length });
  const published = publishRun(result, options.outDir, options.now, options.publish);
  store.finishRun(runId, options.now, articles.length, ingested.failures, notices);
  return { runId, result, published, fetches: ingested.fetches };
}

/**
 * Ranks a run's articles with what the store remembers of them: their first initial rank, editors' usages,
 * and the story sizes earlier runs showed (novelty). `run` ranks with it, and `rank --rerank` re-ranks a
 * stored run with a changed config the same way.
 */
export function rankWithMemory(
  store: Store,
  runId: number,
  { articles, stories, duplicates }: Pick<RunResult, 'articles' | 'stories' | 'duplicates'>,
  settings: RankSettings,
): Candidate[] {
  const memory = store.recall(articles.map((a) => a.id));
  const initialRanks = new Map<string, number>();
  for (const [id, m] of memory) if (m.initialRank !== undefined) initialRanks.set(id, m.initialRank);
  // Novelty compares with the runs before the one that brought the newest of these articles: a re-run on
  // the same inputs ranks exactly like the first run, and a new day compares with every earlier day.
  const everyArticleKnown = articles.length > 0 && articles.every((a) => memory.has(a.id));
  const baselineRun = everyArticleKnown ? [...memory.values()].reduce((latest, m) => Math.max(latest, m.firstSeenRun), -Infinity) : runId;
  const shownSizes = store.shownStorySizes(baselineRun);
  return rankCandidates({ articles, stories, duplicates, initialRanks, shownSizes, settings }).map((c): Candidate => {
    // An editor's decision (selected, background, rejected) outlives re-runs; dedupe owns the rest.
    const usage = memory.get(c.articleId)?.usage;
    return usage && usage !== 'candidate' && usage !== 'duplicate' ? { ...c, usage } : c;
  });
}

/**
 * Clusters a run's articles (copies join their original's story), continuing the stored stories they may
 * join: those holding its articles, and those still open (last fed within the window) at the time of its
 * articles. The caller saves `saved` so that the next run can continue these stories in turn.
 */
function clusterContinuing(articles: Article[], duplicates: DuplicateGroup[], options: ClusterOptions | undefined, continued: ContinuedStory[]): ClusterResult {
  const cluster = options ?? { similarity: STORY_SIMILARITY, windowHours: STORY_WINDOW_HOURS };
  const copies = new Set(duplicates.flatMap((g) => g.duplicateIds));
  const copiesOf = new Map(duplicates.map((g) => [g.originalId, g.duplicateIds]));
  return clusterIncremental(articles.filter((a) => !copies.has(a.id)), copiesOf, cluster, continued);
}

/**
 * The stored stories a run's articles may continue: those holding its articles, and those still open
 * (last fed within the window) at the time of its articles.
 */
function continuingStories(articles: Article[], options: ClusterOptions | undefined, store: Store): ContinuedStory[] {
  const windowMs = (options ?? { windowHours: STORY_WINDOW_HOURS }).windowHours * 3_600_000;
  const times = articles.flatMap((a) => (a.published ? [Date.parse(a.published)] : [])).sort((a, b) => a - b);
  return store.loadStories({
    articleIds: articles.map((a) => a.id),
    ...(times.length ? { from: new Date(times[0]! - windowMs).toISOString(), to: new Date(times[times.length - 1]! + windowMs).toISOString() } : {}),
  });
}

/**
 * Dedupe against the earlier articles of the stories this run may continue as well as within the run, so
 * a copy of yesterday's article is a copy today too (findDuplicatesWithEarlier says how).
 */
function dedupeContinuing(articles: Article[], continued: ContinuedStory[], store: Store): DuplicateGroup[] {
  const current = new Set(articles.map((a) => a.id));
  const earlierIds = [...new Set(continued.flatMap((entry) => entry.story.articleIds))].filter((id) => !current.has(id));
  const earlier = earlierIds.flatMap((id) => {
    const article = store.getArticle(id);
    return article ? [article] : [];
  });
  return findDuplicatesWithEarlier(articles, earlier);
}

/**
 * `newsdesk cluster --db`: dedupe and cluster only, continuing and saving stories like a run does. It is
 * recorded as a run of command 'cluster', so the articles it saves know when they were first seen while
 * the editorial commands keep showing the latest ranked run.
 */
export function clusterIntoStore(
  articles: Article[],
  options: { inputs: string[]; now: string; failures: InputFailure[]; cluster?: ClusterOptions },
  store: Store,
): { duplicates: DuplicateGroup[]; stories: ClusterResult['stories'] } {
  const runId = store.beginRun(options.now, options.inputs, 'cluster');
  const continued = continuingStories(articles, options.cluster, store);
  const duplicates = dedupeContinuing(articles, continued, store);
  const { stories, saved } = clusterContinuing(articles, duplicates, options.cluster, continued);
  store.saveArticles(runId, articles);
  store.saveDuplicates(duplicates);
  store.saveStories(stories);
  store.saveStoryStates(saved);
  store.finishRun(runId, options.now, articles.length, options.failures);
  return { duplicates, stories };
}

/** One article per id: the same URL met twice in one run (a page and its feed item) is one article. */
function uniqueById(articles: Article[]): Article[] {
  const seen = new Map<string, Article>();
  for (const article of articles) if (!seen.has(article.id)) seen.set(article.id, article);
  return [...seen.values()];
}

/**
 * Re-publishes the latest stored run with the usages the store holds now: what `mark` calls so that an
 * editor's decision reaches the per-article files, the briefing and the feeds without a new run.
 * Returns undefined when no run has finished yet.
 */
export function republishLatest(store: Store, outDir: string, publish?: PublishOptions): PublishedRun | undefined {
  const runId = store.latestRunId();
  if (runId === undefined) return undefined;
  const run = store.listRuns().find((r) => r.id === runId)!;
  // The run's own time, so run.json keeps the generated_at of the run it describes.
  return publishRun(store.loadRun(runId), outDir, run.startedAt, publish);
}
