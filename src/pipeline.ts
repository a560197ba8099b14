// The run: stages in order over the model, one transaction over the desk's state. Stages never see the store;
// this file does. A run holds the store's run lock from start to end, commits everything it produced at once,
// and only then is the desk published (desk.ts); a run that commits nothing changes nothing.
import type { ArticleMeta, Candidate, HttpValidators, InputFailure, RunOutline, StoryLinks } from './model.js';
import { runCommit, type LockHolder, type RuleStore, type RunStore, type Store } from './store/index.js';
import type { ClusterResult } from './cluster/index.js';
import { rankCandidates, rankPhrases, type Decision, type RankInput, type RankSettings } from './rank/index.js';
import { clusterContinuingInSteps, continuingStories, dedupeContinuing, RunArticles } from './pipeline-stories.js';
import type { FetchCounts } from './ingest/index.js';
import type { RunSettings } from './config.js';
import { publishDesk } from './desk.js';
import type { PublishedRun } from './publish/index.js';
import { stageInputs } from './pipeline-batch.js';
import { digestStories } from './pipeline-digests.js';
import { boundHeapGrowth, releaseMemory } from './memory.js';
import { releaseSummaryThreads } from './summary-threads.js';

/** `jobs`: a queued run's source jobs, done by workers (pipeline-queued.ts). */
/** `digest`: story digests by a language model (summarize.backend: llm), after ranking. */
export type Stage = 'wait' | 'jobs' | 'fetch' | 'ingest' | 'dedupe' | 'cluster' | 'summarize' | 'rank' | 'digest' | 'store' | 'publish';

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
  /** The stages' settings from the config (config.ts). */
  settings: RunSettings;
  /** Timestamp recorded for the run (ISO); the only value in the output that changes between identical runs. */
  now: string;
  onProgress?: (progress: Progress) => void;
  /** Wait for a run already under way on this store (default), or fail at once with DeskBusy. */
  wait?: boolean;
  /** Told who holds the store while this run waits for it. */
  onWait?: (holder: LockHolder) => void;
  /**
   * Asked between stages and while summarizing; once it says true the run stops with RunCancelled. It is
   * not asked from the store stage on, so a cancelled run never leaves half its results behind.
   */
  cancelled?: () => boolean;
  /** Cancels the run's requests to a model server as well (summarize.backend: llm). */
  signal?: AbortSignal;
}

/** Thrown by runPipeline when `cancelled` said so; nothing of the run was stored. */
export class RunCancelled extends Error {
  constructor(stage: Stage) {
    super(`the run was cancelled before ${stage}; nothing from it was stored`);
    this.name = 'RunCancelled';
  }
}

export interface RunOutcome {
  runId: number;
  /**
   * The desk after the run: the run as committed and arranged with editors' decisions, as an outline (no
   * article texts: store.loadRun gives the whole run); for a run that committed nothing, its failures and notices.
   */
  result: RunOutline;
  /** Undefined when the run committed nothing (no input gave an article). */
  published?: PublishedRun;
  committed: boolean;
  fetches: FetchCounts;
}

/** The stage after each one that can be cancelled: where a run cancelled at a stage's end stops. */
const NEXT_STAGE: Partial<Record<Stage, Stage>> = { ingest: 'summarize', summarize: 'dedupe', dedupe: 'cluster', cluster: 'rank', rank: 'store', digest: 'store' };

export async function runPipeline(options: RunOptions, store: Store): Promise<RunOutcome> {
  const report = options.onProgress ?? (() => {});
  const progress = (event: Progress): void => {
    if (event.stage !== 'store' && event.stage !== 'publish' && options.cancelled?.()) {
      // A stage that reports its end is done: the run stops before the next one.
      const ended = event.total > 0 && event.done === event.total;
      throw new RunCancelled(ended ? (NEXT_STAGE[event.stage] ?? event.stage) : event.stage);
    }
    report(event);
  };
  return runUnderLock(options, store, report, (runId) => produce(runId, options, store, progress), progress);
}

/**
 * A run's frame, in-process or queued: the run lock from start to end, the run begun, its stages up to the
 * commit (`produce`, told of the runs taking the lock found abandoned), the run ended failed or cancelled
 * when they throw (nothing staged is kept), and the desk published once they committed.
 */
export async function runUnderLock(
  options: Pick<RunOptions, 'inputs' | 'outDir' | 'settings' | 'now' | 'wait' | 'onWait'>,
  store: Store,
  report: (progress: Progress) => void,
  produce: (runId: number, abandoned: number[]) => Promise<Produced>,
  progress: (event: Progress) => void = report,
): Promise<RunOutcome> {
  boundHeapGrowth();
  const lease = await store.acquireLock('run', {
    wait: options.wait ?? true,
    onWait: (holder) => {
      report({ stage: 'wait', done: 0, total: 1 });
      options.onWait?.(holder);
    },
  });
  try {
    const runId = await store.beginRun({ startedAt: options.now, inputs: options.inputs, pid: process.pid });
    let produced: Produced;
    try {
      produced = await produce(runId, lease.abandoned);
    } catch (error) {
      const cancelled = error instanceof RunCancelled;
      await store.endRun(runId, cancelled ? 'cancelled' : 'failed', new Date().toISOString(), (error as Error).message);
      throw error;
    }
    return await publishRun(runId, produced, options, store, progress);
  } finally {
    await lease.release();
  }
}

/** A run's outcome: once committed, the desk published from the store and the run read back from there. */
export async function publishRun(
  runId: number,
  produced: Produced,
  options: Pick<RunOptions, 'outDir' | 'settings'>,
  store: Store,
  progress: (event: Progress) => void,
): Promise<RunOutcome> {
  if (!produced.committed) return { runId, committed: false, result: produced.uncommitted, fetches: produced.fetches };
  progress({ stage: 'publish', done: 0, total: produced.candidates });
  const published = await publishDesk(store, { outDir: options.outDir, options: options.settings.publish });
  progress({ stage: 'publish', done: produced.candidates, total: produced.candidates });
  const result = published?.run.id === runId ? published.outline : await store.loadOutline(runId);
  return { runId, committed: true, result, ...(published ? { published: { files: published.files, changed: published.changed } } : {}), fetches: produced.fetches };
}

/**
 * What a run keeps of its articles, with the phrases ranking will look for in the texts: the topics, and the
 * keyword rules in force as the run starts (a rule added while the run reads finds its phrase in the headlines
 * now, and in the texts from the next run).
 */
export async function runArticles(settings: RunSettings, store: Pick<RuleStore, 'listRules'>): Promise<RunArticles> {
  return new RunArticles(rankPhrases(settings.ranking.topics, [...settings.ranking.rules, ...(await store.listRules())]));
}

/** What a run's stages leave for the caller: counts once committed (the rest is in the store), else the failures. */
export type Produced =
  | { committed: true; candidates: number; fetches: FetchCounts }
  | { committed: false; uncommitted: RunOutline; fetches: FetchCounts };

/**
 * Articles read between two collections (releaseMemory) during ingest. What a run keeps of each article is
 * allocated among the garbage of its batch, so without them the heap grows by the pages they share, not by
 * what is kept: on 100,000 articles the end of ingest came at 510 MB resident, with them at 356 MB.
 */
const COMPACT_EVERY_ARTICLES = 10_000;

/** The stages of one run, up to its commit. */
async function produce(runId: number, options: RunOptions, store: Store, progress: (event: Progress) => void): Promise<Produced> {
  const { settings } = options;
  progress({ stage: 'ingest', done: 0, total: options.inputs.length });
  // Each batch is summarized, audited and staged in the store as ingest hands it over, so the run keeps only
  // what dedupe, clustering and ranking need.
  const read = await runArticles(settings, store);
  const staged = await stageInputs(runId, options.inputs, settings, store, {
    ...(options.url ? { url: options.url } : {}),
    hooks: {
      cancelled: () => Boolean(options.cancelled?.()),
      ...(options.signal ? { signal: options.signal } : {}),
      onCancel: () => new RunCancelled('summarize'),
    },
    staged: (id) => read.has(id),
    onStaged: (fresh) => {
      const before = read.size;
      for (const article of fresh) read.add(article);
      if (Math.floor(read.size / COMPACT_EVERY_ARTICLES) > Math.floor(before / COMPACT_EVERY_ARTICLES)) releaseMemory();
      progress({ stage: 'summarize', done: read.size, total: read.size });
    },
    onDocuments: (done, total) => progress({ stage: 'ingest', done, total }),
    onFetch: (c) => progress({ stage: 'fetch', done: c.done, total: c.total, detail: `${c.notModified} not modified, ${c.failed} failed` }),
  });
  progress({ stage: 'summarize', done: read.size, total: read.size });
  return finishRun(runId, { read, ...staged }, options, store, progress);
}

/** What a run has read once every input is in: what it keeps of each staged article, and what the inputs left. */
export interface RunRead {
  read: RunArticles;
  failures: InputFailure[];
  notices: string[];
  validators: Map<string, HttpValidators>;
  freshness: Map<string, string>;
  fetches: FetchCounts;
  /** Tokens the model backend spent on the run's summaries in this process: the digests spend from the same budget. */
  modelTokens?: number;
  /** Why the run stopped asking the model while summarizing in this process: the digests do not ask it again. */
  modelHalted?: string;
}

/**
 * The end of every run, in-process or queued: dedupe, cluster and rank what it read, with the model backend
 * write its stories' digests, and commit it with its staged articles in one transaction. A run that read no
 * article commits nothing and ends failed.
 */
export async function finishRun(
  runId: number,
  { read, failures, notices, validators, freshness, fetches, modelTokens, modelHalted }: RunRead,
  options: Pick<RunOptions, 'now' | 'settings' | 'cancelled' | 'signal'>,
  store: Store,
  progress: (event: Progress) => void,
): Promise<Produced> {
  const { settings } = options;
  let articles: ArticleMeta[] = read.metas();
  const total = articles.length;

  if (total === 0) {
    // Nothing to show: the desk keeps what it had, byte for byte.
    const reason = failures.length > 0 ? 'no input could be read' : 'the inputs held no articles';
    await store.endRun(runId, 'failed', options.now, reason);
    const empty: RunOutline = { heads: [], duplicates: [], stories: [], candidates: [], failures, notices };
    return { committed: false, uncommitted: empty, fetches };
  }

  await releaseSummaryThreads();
  releaseMemory();
  progress({ stage: 'dedupe', done: 0, total });
  const continued = await continuingStories(articles, settings.cluster, store);
  const duplicates = await dedupeContinuing(runId, read, continued, store);
  const copies = new Set(duplicates.flatMap((g) => g.duplicateIds));
  // Each stage reports its end too, so that no stage is only ever seen at 0.
  progress({ stage: 'dedupe', done: total, total });
  read.releaseFingerprints();
  releaseMemory();

  progress({ stage: 'cluster', done: 0, total });
  const stories = await stageStories(runId, clusterContinuingInSteps(articles, duplicates, settings.cluster, continued, read.terms, (done, of) =>
    progress({ stage: 'cluster', done, total: of }),
  ), store);
  progress({ stage: 'cluster', done: total, total });
  read.releaseTerms();
  releaseMemory();

  progress({ stage: 'rank', done: 0, total });
  const candidates = await rankWithMemory(store, runId, { articles: read.ranked, stories, duplicates }, { weights: settings.weights, ...settings.ranking });
  progress({ stage: 'rank', done: total, total });
  releaseMemory();

  const written = await digestStories(runId, { candidates, stories, articles }, settings, store, {
    onCancel: () => new RunCancelled('digest'),
    onProgress: (done, total) => progress({ stage: 'digest', done, total }),
    ...(options.cancelled ? { cancelled: options.cancelled } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(modelTokens ? { spentBefore: modelTokens } : {}),
    ...(modelHalted ? { halt: { reason: modelHalted } } : {}),
  });
  // Ranked and digested: what the run kept of its articles is not needed to commit, and is let go first.
  read.release();
  articles = [];
  releaseMemory();

  progress({ stage: 'store', done: 0, total });
  // The staged articles, summaries and audits go in with the rest, in the same transaction.
  await store.commitRun(
    runId,
    runCommit(options.now, {
      duplicates,
      candidates,
      storySizes: new Map(stories.map((s) => [s.id, s.articleIds.filter((id) => !copies.has(id)).length])),
      validators,
      freshness,
      failures,
      notices: [...notices, ...written.notices],
      ...(written.digests.length > 0 ? { digests: written.digests } : {}),
    }),
  );
  progress({ stage: 'store', done: total, total });
  releaseMemory();
  return { committed: true, candidates: candidates.length, fetches };
}

/**
 * Stages a run's stories with their saved centroids as clustering finishes them, and returns of each what
 * ranking and the digests read (100,000 undated articles: heap in use as ranking starts 109 MB, against 174
 * with the whole stories held to the commit). A function of its own: the run's own frame kept the finished
 * clustering, its term table among it, through ranking (100,000 articles: 31 MB of term counts and 30 MB of
 * heap as ranking started).
 */
async function stageStories(runId: number, steps: Iterable<ClusterResult>, store: Pick<RunStore, 'stageStories'>): Promise<StoryLinks[]> {
  const stories: StoryLinks[] = [];
  for (const step of steps) {
    if (step.saved.length > 0) await store.stageStories(runId, step.saved);
    for (const { id, label, articleIds } of step.stories) stories.push({ id, label, articleIds });
  }
  return stories;
}

/**
 * Ranks a run's articles with what the store remembers of them: their first initial rank, editors' usages,
 * pins and rules (after the config's), and the story sizes earlier runs showed (novelty). `run` ranks with
 * it, `rank --rerank` re-ranks a stored run with a changed config the same way, and a rule change re-ranks
 * the latest run with it (rules.ts).
 */
export async function rankWithMemory(
  store: RunStore & Pick<RuleStore, 'listRules'>,
  runId: number,
  { articles, stories, duplicates }: Pick<RankInput, 'articles' | 'stories' | 'duplicates'>,
  settings: RankSettings,
): Promise<Candidate[]> {
  const memory = await store.recall(articles.map((a) => a.id));
  const initialRanks = new Map<string, number>();
  const decisions = new Map<string, Decision>();
  for (const [id, m] of memory) {
    if (m.initialRank !== undefined) initialRanks.set(id, m.initialRank);
    decisions.set(id, { ...(m.usage ? { usage: m.usage } : {}), ...(m.pinnedRank !== undefined ? { pinnedRank: m.pinnedRank } : {}) });
  }
  // Novelty compares with the runs before the one that brought the newest of these articles: a re-run on
  // the same inputs ranks exactly like the first run, and a new day compares with every earlier day.
  let baselineRun = runId;
  if (articles.length > 0 && articles.every((a) => memory.has(a.id))) {
    baselineRun = 0;
    for (const m of memory.values()) baselineRun = Math.max(baselineRun, m.firstSeenRun);
  }
  const shownSizes = await store.shownStorySizes(baselineRun);
  const rules = [...settings.rules, ...(await store.listRules())];
  return rankCandidates({ articles, stories, duplicates, initialRanks, shownSizes, settings: { ...settings, rules }, decisions });
}
