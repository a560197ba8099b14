// A run's articles against the desk's stories: what the run keeps of each article it reads (RunArticles),
// dedupe against the earlier articles of the stories it may continue, and clustering that continues them;
// `newsdesk cluster --db` does the same without ranking (clusterIntoStore).
import type { Article, ArticleMeta, ContinuedStory, DuplicateGroup, InputFailure } from './model.js';
import { runCommit, type RunStore, type Store } from './store/index.js';
import { duplicatesWithEarlierPaged, findDuplicatesWithEarlier } from './dedupe/earlier.js';
import { articleShingles, dedupeItem, type DedupeItem } from './dedupe/index.js';
import { clusterIncremental, clusterInSteps, STORY_SIMILARITY, STORY_WINDOW_HOURS, type ClusterOptions, type ClusterResult, type RunTerms } from './cluster/index.js';
import { TermTable, termCounts } from './cluster/vectors.js';
import { rankable, type RankableArticle } from './rank/index.js';

/**
 * Clusters a run's articles (copies join their original's story), continuing the stored stories they may
 * join. The caller saves `saved` so that the next run can continue these stories in turn.
 */
export function clusterContinuing(articles: Article[], duplicates: DuplicateGroup[], options: ClusterOptions | undefined, continued: ContinuedStory[]): ClusterResult {
  const { copiesOf, originals } = originalsOf(articles, duplicates);
  return clusterIncremental(originals, copiesOf, options ?? DEFAULT_CLUSTER, continued, true);
}

/**
 * clusterContinuing for a run, from the term counts it kept: the stories as clustering finishes them
 * (clusterInSteps), which the run stages and lets go.
 */
export function clusterContinuingInSteps(
  articles: ArticleMeta[],
  duplicates: DuplicateGroup[],
  options: ClusterOptions | undefined,
  continued: ContinuedStory[],
  terms: RunTerms,
  onProgress?: (done: number, total: number) => void,
): Generator<ClusterResult, void> {
  const { copiesOf, originals } = originalsOf(articles, duplicates);
  return clusterInSteps(originals, copiesOf, options ?? DEFAULT_CLUSTER, continued, true, terms, onProgress);
}

const DEFAULT_CLUSTER: ClusterOptions = { similarity: STORY_SIMILARITY, windowHours: STORY_WINDOW_HOURS };

/** The originals among a run's articles, and each original's copies. */
function originalsOf<T extends ArticleMeta>(articles: T[], duplicates: DuplicateGroup[]): { originals: T[]; copiesOf: Map<string, string[]> } {
  const copies = new Set(duplicates.flatMap((g) => g.duplicateIds));
  return { originals: articles.filter((a) => !copies.has(a.id)), copiesOf: new Map(duplicates.map((g) => [g.originalId, g.duplicateIds])) };
}

/**
 * The stored stories a run's articles may continue: those holding its articles, and those still open
 * (last fed within the window) at the time of its articles.
 */
export async function continuingStories(articles: ArticleMeta[], options: ClusterOptions | undefined, store: RunStore): Promise<ContinuedStory[]> {
  const windowMs = (options ?? { windowHours: STORY_WINDOW_HOURS }).windowHours * 3_600_000;
  let first = Infinity;
  let last = -Infinity;
  for (const a of articles) {
    if (!a.published) continue;
    const t = Date.parse(a.published);
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  return store.loadStories({
    articleIds: articles.map((a) => a.id),
    ...(Number.isFinite(first) ? { from: new Date(first - windowMs).toISOString(), to: new Date(last + windowMs).toISOString() } : {}),
  });
}

/**
 * Dedupe against the earlier articles of the stories this run may continue as well as within the run, so
 * a copy of yesterday's article is a copy today too (findDuplicatesWithEarlier says how). The run's own
 * articles are compared by what it kept of them; the texts of those whose LSH bands meet another's are
 * read back from the stage for the exact near-copy check, a round of pairs at a time.
 */
export async function dedupeContinuing(runId: number, read: RunArticles, continued: ContinuedStory[], store: RunStore): Promise<DuplicateGroup[]> {
  const earlier = new Map((await store.getArticles(earlierArticleIds(continued, (id) => read.has(id)))).map((a) => [a.id, a]));
  return duplicatesWithEarlierPaged(read.dedupe, [...earlier.values()].map((a) => dedupeItem(a)), async (ids) => {
    const shingles = new Map<string, Uint32Array>();
    const staged: string[] = [];
    for (const id of ids) {
      const article = earlier.get(id);
      if (article) shingles.set(id, articleShingles(article));
      else staged.push(id);
    }
    await eachStagedArticle(store, runId, staged, (article) => shingles.set(article.id, articleShingles(article)));
    return shingles;
  });
}

/** The articles of the stories a run continues that the run did not read itself. */
function earlierArticleIds(continued: ContinuedStory[], isCurrent: (id: string) => boolean): string[] {
  return [...new Set(continued.flatMap((entry) => entry.story.articleIds))].filter((id) => !isCurrent(id));
}

/** Staged articles read back per query: large statements, a small page in memory. */
const STAGED_READ_PAGE = 500;

/** Reads these staged articles of the run back, STAGED_READ_PAGE per query, until `halt` says stop. */
export async function eachStagedArticle(
  store: Pick<RunStore, 'stagedArticles'>,
  runId: number,
  ids: string[],
  visit: (article: Article) => void,
  halt?: AbortSignal,
): Promise<void> {
  for (let start = 0; start < ids.length && !halt?.aborted; start += STAGED_READ_PAGE) {
    for (const article of await store.stagedArticles(runId, ids.slice(start, start + STAGED_READ_PAGE))) visit(article);
  }
}

/**
 * What a run keeps of each article it has read, once the article is staged: not its text, but what dedupe,
 * clustering and ranking take from it (fingerprints, term counts, word count and topics). This is what
 * makes a run's memory follow the number of articles by a few hundred bytes each, not by their texts.
 */
export class RunArticles {
  readonly dedupe: DedupeItem[] = [];
  readonly ranked: RankableArticle[] = [];
  terms: RunTerms = { table: new TermTable(), rowOf: new Map() };

  constructor(private readonly phrases: string[][]) {}

  get size(): number {
    return this.ranked.length;
  }

  has(id: string): boolean {
    return this.terms.rowOf.has(id);
  }

  add(article: Article): void {
    // One object without the text serves both: ranking's view of the article is dedupe's too.
    const ranked = rankable(article, this.phrases);
    this.dedupe.push(dedupeItem(article, ranked));
    this.ranked.push(ranked);
    this.terms.rowOf.set(article.id, this.terms.table.add(termCounts(article)));
  }

  /** The articles' metadata: ranking's view of each article is it (see `add`). */
  metas(): ArticleMeta[] {
    return [...this.ranked];
  }

  /**
   * Lets go of what only dedupe reads (fingerprints, band keys, canonical URLs), once the run is deduped:
   * about 300 bytes an article that clustering and ranking would otherwise run beside.
   */
  releaseFingerprints(): void {
    this.dedupe.length = 0;
  }

  /** Lets go of the term counts, once the run is clustered: ranking does not read them. */
  releaseTerms(): void {
    this.terms = { table: new TermTable(), rowOf: this.terms.rowOf };
  }

  /**
   * Lets go of everything kept, once the run is ranked: its commit and publishing read the store. Callers
   * up the stack still hold this object while the run commits; emptied, it holds nothing (100,000 articles
   * kept about 130 MB of heap until the run ended).
   */
  release(): void {
    this.releaseFingerprints();
    this.ranked.length = 0;
    this.terms = { table: new TermTable(), rowOf: new Map() };
  }

  /**
   * Puts the articles in byte order of their ids (hex digests), whatever order they were read
   * in: a run reading what workers staged as they staged it goes on exactly as one that read it in order.
   */
  sortById(): void {
    const order = this.dedupe.map((_, i) => i).sort((a, b) => byId(this.dedupe[a]!.article.id, this.dedupe[b]!.article.id));
    const [dedupe, ranked] = [order.map((i) => this.dedupe[i]!), order.map((i) => this.ranked[i]!)];
    dedupe.forEach((item, i) => (this.dedupe[i] = item));
    ranked.forEach((item, i) => (this.ranked[i] = item));
  }
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `newsdesk cluster --db`: dedupe and cluster only, continuing and saving stories like a run does. It is
 * recorded as a run of command 'cluster' under the same run lock, so the articles it saves know when they
 * were first seen while the editorial commands keep showing the latest ranked run.
 */
export async function clusterIntoStore(
  articles: Article[],
  options: { inputs: string[]; now: string; failures: InputFailure[]; cluster?: ClusterOptions },
  store: Store,
): Promise<{ duplicates: DuplicateGroup[]; stories: ClusterResult['stories'] }> {
  const lease = await store.acquireLock('run', { wait: true });
  try {
    const runId = await store.beginRun({ startedAt: options.now, inputs: options.inputs, command: 'cluster', pid: process.pid });
    const continued = await continuingStories(articles, options.cluster, store);
    const current = new Set(articles.map((a) => a.id));
    const duplicates = findDuplicatesWithEarlier(articles, await store.getArticles(earlierArticleIds(continued, (id) => current.has(id))));
    const { stories, saved } = clusterContinuing(articles, duplicates, options.cluster, continued);
    await store.commitRun(runId, runCommit(options.now, { articles, duplicates, stories, storyStates: saved, failures: options.failures }));
    return { duplicates, stories };
  } finally {
    await lease.release();
  }
}
