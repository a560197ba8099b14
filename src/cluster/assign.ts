// Online centroid assignment: articles in publication order join the most similar open story or found one.
import type { TermVector } from './vectors.js';
import { topTerms } from './vectors.js';
import { Centroid, type TermNumbers } from './centroid.js';

/** A story while it is being built (or carried over from an earlier run): the sum of its members' vectors. */
export interface StoryState {
  id: string;
  founderId: string;
  /** Sum of the members' unit vectors; its direction is the story's centroid. */
  centroid: Centroid;
  /** Squared length of `centroid`, kept up to date as members join. */
  norm2: number;
  size: number;
  /** Latest member time in ms, or undefined when no member is dated. */
  lastSeen?: number;
}

export interface Assignment {
  story: StoryState;
  similarity: number;
  /** Shared terms, strongest contribution first (empty for a founder). */
  shared: string[];
  founded: boolean;
}

export interface AssignOptions {
  similarity: number;
  windowHours: number;
  indexTerms: number;
  maxTermStories: number;
}

/**
 * Candidates, ranked by their dot product over indexed terms, that get an exact cosine. The exact
 * cosine rarely reorders more than the top two; five keeps the work per article constant.
 */
const EXACT_CANDIDATES = 5;
/** Terms reported as the reason an article joined. */
const REASON_TERMS = 5;

/**
 * Assigns articles, in time order, to stories. Candidates come from an inverted index over the stories'
 * strongest terms, so an article is compared with the few stories that share one of its own strongest
 * terms, never with all of them. Comparing with a centroid rather than with single members is what keeps
 * two events on one beat apart: a single shared name cannot chain them together the way it does under
 * single-link, because the article has to resemble the story as a whole.
 */
export class StoryAssigner {
  private readonly postings = new Map<string, StoryState[]>();
  /**
   * The numbers of the terms each story is indexed under, ascending: a plain array of small integers, where
   * a Set of the terms took several times the memory (every open story holds one while clustering).
   */
  private readonly indexed = new Map<StoryState, number[]>();
  /** Beat-vocabulary terms and the article time until which their posting lists are skipped unread. */
  private readonly saturatedUntil = new Map<string, number>();
  /** Stories that may still take articles; a closed story leaves this set for good. */
  readonly open = new Set<StoryState>();
  private readonly windowMs: number;

  constructor(
    private readonly options: AssignOptions,
    continued: StoryState[],
    private readonly newId: (founderId: string) => string,
    /** The numbers the stories' centroids know their terms by. */
    private readonly terms: TermNumbers,
  ) {
    this.windowMs = options.windowHours * 3_600_000;
    for (const story of continued) {
      this.open.add(story);
      this.index(story, topTerms(centroidMap(story.centroid, terms), options.indexTerms));
    }
  }

  assign(id: string, vector: TermVector, time: number | undefined): Assignment {
    const { options, windowMs } = this;
    const terms = topTerms(vector, options.indexTerms);
    // The vector's terms as numbers and its weights, in its own order.
    const numbers: number[] = [];
    const weights: number[] = [];
    for (const [term, weight] of vector) {
      numbers.push(this.terms.number(term));
      weights.push(weight);
    }
    // Accumulate the dot product over the indexed terms only: cheap, and close enough to rank candidates.
    const partial = new Map<StoryState, number>();
    for (const term of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      // A term on too many open stories is beat vocabulary, not the name of an event (see MAX_TERM_STORIES).
      // It is looked at again after half a window, when enough of those stories may have closed.
      const until = this.saturatedUntil.get(term);
      if (until !== undefined && (time === undefined || time < until)) continue;
      // Articles come in time order, so a story closed for this article is closed for every later one.
      if (time !== undefined) pruneClosed(list, time, windowMs);
      if (list.length > options.maxTermStories) {
        this.saturatedUntil.set(term, time === undefined ? Infinity : time + windowMs / 2);
        continue;
      }
      this.saturatedUntil.delete(term);
      const weight = vector.get(term)!;
      const number = this.terms.number(term);
      for (const story of list) {
        if (time !== undefined && story.lastSeen !== undefined && Math.abs(time - story.lastSeen) > windowMs) continue;
        partial.set(story, (partial.get(story) ?? 0) + weight * story.centroid.get(number));
      }
    }
    // The EXACT_CANDIDATES best partial scores, kept by insertion into a short sorted list (no full sort).
    const shortlist: Array<[StoryState, number]> = [];
    for (const [story, dot] of partial) {
      const score = dot / Math.sqrt(story.norm2 || 1);
      if (shortlist.length === EXACT_CANDIDATES && score <= shortlist[EXACT_CANDIDATES - 1]![1]) continue;
      let at = shortlist.findIndex(([other, s]) => score > s || (score === s && story.id < other.id));
      if (at < 0) at = shortlist.length;
      shortlist.splice(at, 0, [story, score]);
      if (shortlist.length > EXACT_CANDIDATES) shortlist.pop();
    }
    let best: StoryState | undefined;
    let bestSimilarity = -1;
    for (const [story] of shortlist) {
      const similarity = centroidCosine(weights, numbers, story);
      if (similarity > bestSimilarity + 1e-12) {
        best = story;
        bestSimilarity = similarity;
      }
    }
    if (best && bestSimilarity >= options.similarity) {
      const shared = sharedTerms(vector, numbers, best);
      join(best, numbers, weights, time);
      this.index(best, terms);
      return { story: best, similarity: bestSimilarity, shared, founded: false };
    }
    const story: StoryState = { id: this.newId(id), founderId: id, centroid: new Centroid(), norm2: 0, size: 0 };
    join(story, numbers, weights, time);
    this.index(story, terms);
    this.open.add(story);
    return { story, similarity: 1, shared: [], founded: true };
  }

  /**
   * Says no article comes any more: the index goes (with 100,000 undated articles, 16,000 open stories
   * indexed under some 30 terms each), so that it is not held while the stories are finished.
   */
  stopAssigning(): void {
    this.postings.clear();
    this.indexed.clear();
    this.saturatedUntil.clear();
  }

  /** Removes and returns the stories that no article at `time` or later can join. */
  closeBefore(time: number): StoryState[] {
    const closed: StoryState[] = [];
    for (const story of this.open) {
      if (story.lastSeen !== undefined && time - story.lastSeen > this.windowMs) {
        this.open.delete(story);
        this.indexed.delete(story);
        closed.push(story);
      }
    }
    return closed;
  }

  private index(story: StoryState, terms: string[]): void {
    let seen = this.indexed.get(story);
    if (!seen) this.indexed.set(story, (seen = []));
    for (const term of terms) {
      if (!insertSorted(seen, this.terms.number(term))) continue;
      const list = this.postings.get(term);
      if (list) list.push(story);
      else this.postings.set(term, [story]);
    }
  }
}

/** Puts `n` in its place in the ascending `sorted`; false when it was there already. */
function insertSorted(sorted: number[], n: number): boolean {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < n) low = mid + 1;
    else high = mid;
  }
  if (sorted[low] === n) return false;
  sorted.splice(low, 0, n);
  return true;
}

function pruneClosed(list: StoryState[], time: number, windowMs: number): void {
  let kept = 0;
  for (const story of list) if (story.lastSeen === undefined || time - story.lastSeen <= windowMs) list[kept++] = story;
  list.length = kept;
}

function centroidCosine(weights: readonly number[], numbers: readonly number[], story: StoryState): number {
  if (story.norm2 <= 0) return 0;
  let dot = 0;
  for (let k = 0; k < numbers.length; k++) dot += weights[k]! * story.centroid.get(numbers[k]!);
  return dot / Math.sqrt(story.norm2);
}

function join(story: StoryState, numbers: readonly number[], weights: readonly number[], time: number | undefined): void {
  story.norm2 = story.centroid.add(numbers, weights, story.norm2);
  story.size++;
  if (time !== undefined) story.lastSeen = Math.max(story.lastSeen ?? time, time);
}

function sharedTerms(vector: TermVector, numbers: readonly number[], story: StoryState): string[] {
  return [...vector]
    .map(([term, weight], k): [string, number] => [term, weight * story.centroid.get(numbers[k]!)])
    .filter(([, contribution]) => contribution > 0)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, REASON_TERMS)
    .map(([term]) => term);
}

/** A centroid as a map from term to weight, in term-number order. */
export function centroidMap(centroid: Centroid, terms: TermNumbers): Map<string, number> {
  const map = new Map<string, number>();
  for (const [n, weight] of centroid.entries()) map.set(terms.term(n), weight);
  return map;
}
