// Story clustering: articles about the same event, across publishers, become one Story.
import { createHash } from 'node:crypto';
import type { Article, ArticleMeta, ContinuedStory, Story, StoryCentroid, StoryMember } from '../model.js';
import { centroidMap, StoryAssigner, type Assignment, type StoryState } from './assign.js';
import { Centroid, TermNumbers } from './centroid.js';
import { compactCounts, cosine, NAME_PREFIX, type TermTable, type TermVector } from './vectors.js';

export type { StoryState } from './assign.js';

/**
 * Cosine between an article and a story's centroid (TF-IDF over title, lead and names) at or above which
 * the article joins the story. Measured on the labelled set (`npm run eval:cluster`): B-cubed F1 is 0.960
 * at 0.16, 0.967 at 0.17, 0.980 at 0.18 and 0.19, 0.975 at 0.20; below 0.18 two events on one beat start to
 * merge, above 0.19 follow-ups in other words start to split off. On the demo corpus the weakest labelled
 * follow-up meets its story at 0.199, so the lower end of the plateau keeps a margin for both. On the
 * held-out set (eval/cluster/heldout/), which this value was never chosen on: 0.951 on its tune half and
 * 0.963 on its test half. Changes tuned on the tune half (size-damped score, no name terms, splitting a
 * later event off a finished story) raised the tune half to 0.985 but gave 0.950 on the test half, so
 * they were not kept (eval/cluster/README.md).
 */
export const STORY_SIMILARITY = 0.18;
/** Terms per article entered in (and looked up in) the inverted index of stories. */
export const INDEX_TERMS = 20;
/**
 * A term carried by more open stories than this is the vocabulary of a beat ("council", "storm"), not the
 * name of one event; its posting list is not used to find candidates. This bounds the work per article
 * however dense the run. 20 leaves the labelled set and the demo corpus unchanged (B-cubed 0.980 at 20,
 * 30 and 60) and halves the time per article at 100k against 30, where each beat word is on hundreds of
 * open stories; stories it would have found still meet through their rarer shared terms and names.
 */
export const MAX_TERM_STORIES = 20;
/**
 * A story closes when no article has joined it for this long; a later article on the same subject starts
 * a new story (yesterday's vote, today's). Three days covers the follow-ups of one event (arrest, recount,
 * cleanup) in the labelled set.
 */
export const STORY_WINDOW_HOURS = 72;

export interface ClusterOptions {
  similarity: number;
  windowHours: number;
}

const DEFAULTS: ClusterOptions = { similarity: STORY_SIMILARITY, windowHours: STORY_WINDOW_HOURS };

export interface ClusterResult {
  /** Stories holding this run's articles, new and continued. */
  stories: Story[];
  /** The same stories with their centroids, for the next run to continue. */
  saved: ContinuedStory[];
}

/** Centroid terms kept per saved story: enough to match a follow-up, bounded so the store stays small. */
export const SAVED_CENTROID_TERMS = 200;

/** Story id from its founding article's id: the same founder always names the same story. */
export function storyId(founderId: string): string {
  return `s-${createHash('sha256').update(founderId).digest('hex').slice(0, 12)}`;
}

/**
 * Groups articles into stories. `copiesOf` maps an original's id to the ids of its duplicates: copies join
 * their original's story without taking part in the similarity (they would only echo it).
 */
export function clusterStories(articles: Article[], copiesOf: Map<string, string[]> = new Map(), options: Partial<ClusterOptions> = {}): Story[] {
  return clusterIncremental(articles, copiesOf, options, [], false).stories;
}

/** Articles between two sweeps for closed stories: often enough to bound memory, rarely enough to cost nothing. */
const CLOSE_SWEEP_EVERY = 256;

/** Articles between two progress reports of clusterIncremental. */
export const CLUSTER_PROGRESS_EVERY = 1_000;

/** Stories finished between two steps of clusterInSteps, at most. */
export const STORIES_PER_STEP = 1_000;

/**
 * Like clusterStories, continuing saved stories: an article a saved story already holds stays there
 * unchanged (a re-run changes nothing); a new article may join a saved story that is still open (keeping
 * its id and label) or found a new one. Stories are finished as soon as they close, so memory follows the
 * number of open stories, not the size of the run. An undated article can join only the stories still
 * open when the dated ones are done. With `keepState` false, `saved` is empty (nothing to continue).
 * Stories and saved centroids in story id order; clusterInSteps gives them as they are finished.
 */
export function clusterIncremental(...args: Parameters<typeof clusterInSteps>): ClusterResult {
  const stories: Story[] = [];
  const saved: ContinuedStory[] = [];
  for (const step of clusterInSteps(...args)) {
    for (const story of step.stories) stories.push(story);
    for (const entry of step.saved) saved.push(entry);
  }
  const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);
  stories.sort(byId);
  saved.sort((a, b) => byId(a.story, b.story));
  return { stories, saved };
}

/**
 * clusterIncremental a step at a time: each step gives the stories finished since the last one (at most
 * STORIES_PER_STEP), in the order they were finished, so that a caller can store them and let them go
 * while the rest are made; the last step gives the saved stories that only took copies. Every story comes
 * once.
 */
export function* clusterInSteps(
  articles: Article[] | ArticleMeta[],
  copiesOf: Map<string, string[]> = new Map(),
  options: Partial<ClusterOptions> = {},
  continued: ContinuedStory[] = [],
  keepState = true,
  /** The articles' term counts as the run read them; without it they are taken from the articles' texts. */
  terms?: RunTerms,
  /** Told every CLUSTER_PROGRESS_EVERY articles how many of how many have found their story. */
  onProgress?: (done: number, total: number) => void,
): Generator<ClusterResult, void> {
  const { similarity, windowHours } = { ...DEFAULTS, ...options };
  const holder = new Map<string, ContinuedStory>();
  for (const entry of continued) for (const id of entry.story.articleIds) holder.set(id, entry);
  // Publication order, undated last, then id: the founder of a story is its first report.
  const ordered = (articles as ArticleMeta[])
    .filter((a) => !holder.has(a.id))
    .sort((a, b) => (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') || a.id.localeCompare(b.id));
  const counts = terms ? terms.table.vectors(ordered.map((a) => rowOf(terms, a.id))) : compactCounts(ordered.map(withText));

  const result = new Map<string, { story: Story; centroid?: StoryCentroid }>();
  // Saved stories holding this run's articles, or an earlier article this run brought a copy of; the new
  // copies join them.
  const currentIds = new Set(articles.map((a) => a.id));
  for (const entry of continued) {
    if (result.has(entry.story.id)) continue;
    const known = new Set(entry.story.articleIds);
    const newCopies = entry.story.articleIds.flatMap((id) => (copiesOf.get(id) ?? []).filter((c) => !known.has(c)).map((c) => [id, c] as const));
    if (newCopies.length === 0 && !entry.story.articleIds.some((id) => currentIds.has(id))) continue;
    result.set(entry.story.id, { story: newCopies.length === 0 ? entry.story : withCopies(entry.story, newCopies), centroid: entry.centroid });
  }
  const previousById = new Map(continued.map((entry) => [entry.story.id, entry.story]));
  const numbers = new TermNumbers();
  const assigner = new StoryAssigner(
    { similarity, windowHours, indexTerms: INDEX_TERMS, maxTermStories: MAX_TERM_STORIES },
    continued.map((entry) => fromSaved(entry.centroid, numbers)),
    storyId,
    numbers,
  );
  const members = new Map<StoryState, Member[]>();
  /** Once every article has its story, no story takes another. */
  let assigned = false;
  /** Stories finished since the last step. */
  let step: ClusterResult = { stories: [], saved: [] };
  const finish = (state: StoryState): void => {
    const group = members.get(state);
    if (!group) return;
    members.delete(state);
    const terms = centroidMap(state.centroid, numbers);
    const story = toStory(state, terms, group, copiesOf, result.get(state.id)?.story ?? previousById.get(state.id), counts.vector);
    result.delete(story.id);
    step.stories.push(story);
    if (keepState) step.saved.push({ story, centroid: toSaved(state, terms) });
    // A closed story can take no more articles; its centroid is no longer needed.
    if (assigned || !assigner.open.has(state)) state.centroid.clear();
  };
  const full = (): boolean => step.stories.length >= STORIES_PER_STEP;
  const take = (): ClusterResult => {
    const done = step;
    step = { stories: [], saved: [] };
    return done;
  };

  for (const [i, article] of ordered.entries()) {
    const time = article.published ? Date.parse(article.published) : undefined;
    if (time !== undefined && i % CLOSE_SWEEP_EVERY === 0) {
      for (const closed of assigner.closeBefore(time)) {
        finish(closed);
        if (full()) yield take();
      }
    }
    const vector = counts.vector(i);
    const assignment = assigner.assign(article.id, vector, time);
    const group = members.get(assignment.story) ?? [];
    group.push({ article, index: i, assignment });
    members.set(assignment.story, group);
    if ((i + 1) % CLUSTER_PROGRESS_EVERY === 0) onProgress?.(i + 1, ordered.length);
  }
  // The stories still open are finished last; what only assigning needed goes first, and each story's
  // centroid with it, so the working state shrinks as the results grow (100,000 undated articles: resident
  // memory at the end of clustering 444 MB, against 501–504 with both held to the end).
  assigned = true;
  assigner.stopAssigning();
  for (const state of [...members.keys()]) {
    finish(state);
    if (full()) yield take();
  }
  // Saved stories that took only copies: never finished here, they go as they were, with their new copies.
  for (const entry of result.values()) {
    step.stories.push(entry.story);
    if (keepState) step.saved.push({ story: entry.story, centroid: entry.centroid! });
  }
  if (step.stories.length > 0) yield take();
}

/** Where clustering finds each article's term counts: a table a run fills as it reads its articles. */
export interface RunTerms {
  table: TermTable;
  rowOf: Map<string, number>;
}

function rowOf(terms: RunTerms, id: string): number {
  const row = terms.rowOf.get(id);
  if (row === undefined) throw new Error(`cluster: no term counts for article ${id}`);
  return row;
}

function withText(article: ArticleMeta): Article {
  if (!('text' in article)) throw new Error(`cluster: article ${article.id} has no text and no term counts were given`);
  return article as Article;
}

interface Member {
  article: ArticleMeta;
  /** The article's place in the run's order: its vector is made again from the term table when the story closes. */
  index: number;
  assignment: Assignment;
}

function fromSaved(centroid: StoryCentroid, numbers: TermNumbers): StoryState {
  const terms = new Centroid();
  // Term by term in the saved order, as the squared length was always summed.
  const norm2 = terms.add(centroid.terms.map((term) => numbers.number(term)), centroid.weights, 0);
  return {
    id: centroid.storyId,
    founderId: centroid.founderId,
    centroid: terms,
    norm2,
    size: centroid.size,
    ...(centroid.lastSeen ? { lastSeen: Date.parse(centroid.lastSeen) } : {}),
  };
}

function toSaved(state: StoryState, terms: Map<string, number>): StoryCentroid {
  const strongest = [...terms].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, SAVED_CENTROID_TERMS);
  return {
    storyId: state.id,
    founderId: state.founderId,
    terms: strongest.map(([term]) => term),
    weights: strongest.map(([, weight]) => Math.round(weight * 1e6) / 1e6),
    size: state.size,
    ...(state.lastSeen !== undefined ? { lastSeen: new Date(state.lastSeen).toISOString() } : {}),
  };
}

function withCopies(story: Story, copies: ReadonlyArray<readonly [string, string]>): Story {
  const members = [...(story.members ?? [])];
  for (const [originalId, copyId] of copies) {
    const original = members.find((m) => m.articleId === originalId);
    members.push({ articleId: copyId, similarity: original?.similarity ?? 1, reason: `copy of ${originalId}`, shared: [] });
  }
  return { ...story, articleIds: members.map((m) => m.articleId), members };
}

function toStory(
  state: StoryState,
  /** The story's centroid by term (centroidMap). */
  terms: Map<string, number>,
  group: Member[],
  copiesOf: Map<string, string[]>,
  previous: Story | undefined,
  /**
   * Each member's vector, made again for the label: holding every open story's member vectors until it
   * closed took about 1 KB an article, 100 MB at 100,000 undated articles (a story without dates never closes).
   */
  vectorOf: (index: number) => TermVector,
): Story {
  // The label is the headline closest to the story's centroid: the most representative one. A continued
  // story keeps the label it was published under.
  const centroid = new Map([...terms].map(([t, w]) => [t, w / Math.sqrt(state.norm2 || 1)]));
  let label = previous?.label ?? group[0]!.article.title;
  let best = -1;
  if (!previous) {
    for (const { article, index } of group) {
      const score = cosine(vectorOf(index), centroid);
      if (score > best + 1e-12) [best, label] = [score, article.title];
    }
  }
  const members: StoryMember[] = [...(previous?.members ?? [])];
  for (const { article, assignment } of group) {
    members.push({
      articleId: article.id,
      similarity: round(assignment.similarity),
      reason: assignment.founded
        ? 'first report: founded the story'
        : `cosine ${assignment.similarity.toFixed(2)} to the story; shares ${describe(assignment.shared)}`,
      shared: assignment.shared.map(readable),
    });
    for (const copyId of copiesOf.get(article.id) ?? []) {
      members.push({ articleId: copyId, similarity: round(assignment.similarity), reason: `copy of ${article.id} (${article.publisher})`, shared: [] });
    }
  }
  const dated = group.map((g) => g.article).filter((a) => a.published);
  const first = dated.reduce<ArticleMeta | undefined>((x, a) => (!x || a.published! < x.published! ? a : x), undefined);
  const times = [previous?.firstSeen, previous?.lastSeen, ...dated.map((a) => a.published)].filter((x): x is string => Boolean(x)).sort();
  const reporter =
    previous?.originalReporter && (!first || (previous.firstSeen ?? '') <= first.published!) ? previous.originalReporter : first?.publisher;
  return {
    id: state.id,
    label,
    articleIds: members.map((m) => m.articleId),
    publishers: [...new Set([...(previous?.publishers ?? []), ...group.map((g) => g.article.publisher)])].sort(),
    ...(times.length ? { firstSeen: times[0]!, lastSeen: times[times.length - 1]! } : {}),
    ...(reporter ? { originalReporter: reporter } : {}),
    members,
  };
}
const round = (x: number): number => Math.round(x * 1000) / 1000;
const readable = (term: string): string => (term.startsWith(NAME_PREFIX) ? term.slice(NAME_PREFIX.length) : term);

function describe(shared: string[]): string {
  const namesShared = shared.filter((t) => t.startsWith(NAME_PREFIX)).map(readable);
  const words = shared.filter((t) => !t.startsWith(NAME_PREFIX));
  const parts = [namesShared.length ? `names ${namesShared.join(', ')}` : '', words.length ? `terms ${words.join(', ')}` : ''];
  return parts.filter(Boolean).join('; ') || 'no strong terms';
}
