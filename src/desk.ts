// The desk: the store holds the state, and what is published is a projection of it. Every change (a run that
// commits, an editor's decision in the editor or with `newsdesk mark`, a pin) goes through here: the store
// is changed, the latest run is arranged again with editors' decisions, and the outputs are rendered from
// the store, one publisher at a time.
import type { Candidate, RunOutline, RunResult, Usage } from './model.js';
import { arrange, type Decision } from './rank/index.js';
import { publishFrom, type PublishedRun, type PublishOptions } from './publish/index.js';
import { releaseMemory } from './memory.js';
import type { RankEvent, RunRecord, Store, UsageEvent } from './store/index.js';

/** Where the desk's outputs go and how they look. */
export interface PublishTarget {
  outDir: string;
  options?: PublishOptions;
}

/** The latest committed run as published: its record, and its result arranged with editors' decisions. */
export interface DeskState {
  run: RunRecord;
  result: RunResult;
}

/** The latest committed run with current usages and pins, or undefined before the first run. */
export async function deskState(store: Store): Promise<DeskState | undefined> {
  const run = await store.latestRun();
  return run ? { run, result: await store.loadRun(run.id) } : undefined;
}

/** The latest committed run as published: its record and its outline, arranged with editors' decisions. */
export interface ArrangedDesk {
  run: RunRecord;
  outline: RunOutline;
}

/**
 * Applies editors' decisions (usage, pins) to the latest run's ranking and stores the new order when it
 * changed. Returns the arranged outline (no article texts: a large run stays small).
 */
export async function arrangeLatest(store: Store): Promise<ArrangedDesk | undefined> {
  const run = await store.latestRun();
  if (!run) return undefined;
  const outline = await store.loadOutline(run.id);
  const { candidates } = outline;
  const memory = await store.recall(candidates.map((c) => c.articleId));
  const decisions = new Map<string, Decision>();
  for (const [id, m] of memory) decisions.set(id, { ...(m.usage ? { usage: m.usage } : {}), ...(m.pinnedRank !== undefined ? { pinnedRank: m.pinnedRank } : {}) });
  const arranged = arrange(candidates, decisions);
  const before = new Map(candidates.map((c) => [c.articleId, c.rank]));
  const moved = arranged.filter((c) => before.get(c.articleId) !== c.rank);
  if (moved.length > 0) await store.saveArrangement(run.id, moved.map(({ articleId, rank }) => ({ articleId, rank })));
  return { run, outline: { ...outline, candidates: arranged } };
}

/** Candidates from which an outline is large enough to collect its garbage before publishing. */
const COLLECT_AFTER_OUTLINE = 1_000;

/**
 * Renders every output from the store's latest committed run, its articles read a page at a time. Holds the
 * publish lock while it renders, so when two changes publish at once the last files written show the newest
 * state. Undefined before the first run.
 */
export async function publishDesk(store: Store, target: PublishTarget): Promise<(PublishedRun & ArrangedDesk) | undefined> {
  const lease = await store.acquireLock('publish', { wait: true });
  try {
    const state = await arrangeLatest(store);
    if (!state) return undefined;
    // Reading and arranging a large outline leaves tens of megabytes of rows behind: collected before
    // rendering allocates its own, they do not add to the peak (10,000 articles: 290 MB instead of 313–346).
    if (state.outline.candidates.length >= COLLECT_AFTER_OUTLINE) releaseMemory();
    // The run's own start time, so run.json keeps the generated_at of the run it describes.
    const source = { outline: state.outline, records: (ids: string[]) => store.loadRecords(ids) };
    return { ...(await publishFrom(source, target.outDir, state.run.startedAt, target.options)), ...state };
  } finally {
    await lease.release();
  }
}

/** An editor's usage decision on articles, recorded in the audit trail and published at once. */
export async function decideUsage(
  store: Store,
  articleIds: string[],
  usage: Usage,
  at: string,
  note: string | undefined,
  target: PublishTarget,
): Promise<{ events: UsageEvent[]; published?: PublishedRun }> {
  const events = await store.setUsage(articleIds, usage, at, note);
  const published = await publishDesk(store, target);
  return { events, ...(published ? { published } : {}) };
}

/**
 * Pins an article at `rank` in the latest run (it keeps that place in later runs until unpinned), or unpins
 * it when `rank` is undefined; published at once. Returns the article's new place.
 */
export async function pinArticle(
  store: Store,
  articleId: string,
  rank: number | undefined,
  at: string,
  target: PublishTarget,
): Promise<{ event?: RankEvent; candidate: Candidate; published?: PublishedRun }> {
  const state = await deskState(store);
  const current = state?.result.candidates.find((c) => c.articleId === articleId);
  if (!state || !current) throw new Error(`desk: article ${articleId} is not ranked in the latest run`);
  const place = rank === undefined ? undefined : Math.min(Math.max(1, Math.trunc(rank)), state.result.candidates.length);
  // Pinning where it is already pinned (or unpinning what is not pinned) changes nothing and records nothing.
  if (place === current.pinned) return { candidate: current };
  const event = await store.pinRank(state.run.id, articleId, place, current.rank, at);
  const published = await publishDesk(store, target);
  const arranged = (await deskState(store))!.result.candidates.find((c) => c.articleId === articleId)!;
  return { event, candidate: arranged, ...(published ? { published } : {}) };
}

/** The original articles of a story in the latest run (copies keep their duplicate usage). */
export function storyOriginals(result: RunResult, storyId: string): string[] {
  return result.candidates.filter((c) => c.storyId === storyId && c.usage !== 'duplicate').map((c) => c.articleId);
}
