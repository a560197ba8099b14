// Online centroid assignment: articles in publication order join the most similar open story or found one.
import type { TermVector } from './vectors.js';
import { topTerms } from './vectors.js';

/** A story while it is being built (or carried over from an earlier run): the sum of its members' vectors. */
export interface StoryState {
  id: string;
  founderId: string;
  /** Sum of the members' unit vectors; its direction is the story's centroid. */
  centroid: Map<string, number>;
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
 * Assigns each item (already in time order) to a story. Candidates come from an inverted index over the
 * stories' strongest terms, so an article is compared with the few stories that share one of its own
 * strongest terms, never with all of them. Comparing with a centroid rather than with single members is
 * what keeps two events on one beat apart: a single shared name cannot chain them together the way it
 * does under single-link, because the article has to resemble the story as a whole.
 */
export function assignAll(
  items: Array<{ id: string; vector: TermVector; time?: number }>,
  options: AssignOptions,
  open: StoryState[] = [],
  newId: (founderId: string) => string,
): Assignment[] {
  const postings = new Map<string, StoryState[]>();
  const indexed = new Map<StoryState, Set<string>>();
  const index = (story: StoryState, terms: string[]): void => {
    const seen = indexed.get(story) ?? new Set<string>();
    indexed.set(story, seen);
    for (const term of terms) {
      if (seen.has(term)) continue;
      seen.add(term);
      const list = postings.get(term);
      if (list) list.push(story);
      else postings.set(term, [story]);
    }
  };
  for (const story of open) index(story, topTerms(story.centroid, options.indexTerms));

  const windowMs = options.windowHours * 3_600_000;
  return items.map(({ id, vector, time }) => {
    const terms = topTerms(vector, options.indexTerms);
    // Accumulate the dot product over the indexed terms only: cheap, and close enough to rank candidates.
    const partial = new Map<StoryState, number>();
    for (const term of terms) {
      const list = postings.get(term);
      if (!list) continue;
      // Items come in time order, so a story closed for this article is closed for every later one.
      if (time !== undefined) pruneClosed(list, time, windowMs);
      // A term on this many open stories is beat vocabulary, not the name of an event (see MAX_TERM_STORIES).
      if (list.length > options.maxTermStories) continue;
      const weight = vector.get(term)!;
      for (const story of list) {
        if (time !== undefined && story.lastSeen !== undefined && Math.abs(time - story.lastSeen) > windowMs) continue;
        partial.set(story, (partial.get(story) ?? 0) + weight * (story.centroid.get(term) ?? 0));
      }
    }
    const shortlist = [...partial]
      .map(([story, dot]): [StoryState, number] => [story, dot / Math.sqrt(story.norm2 || 1)])
      .sort((x, y) => y[1] - x[1] || (x[0].id < y[0].id ? -1 : 1))
      .slice(0, EXACT_CANDIDATES);
    let best: StoryState | undefined;
    let bestSimilarity = -1;
    for (const [story] of shortlist) {
      const similarity = centroidCosine(vector, story);
      if (similarity > bestSimilarity + 1e-12) {
        best = story;
        bestSimilarity = similarity;
      }
    }
    if (best && bestSimilarity >= options.similarity) {
      const shared = sharedTerms(vector, best);
      join(best, vector, time);
      index(best, terms);
      return { story: best, similarity: bestSimilarity, shared, founded: false };
    }
    const story: StoryState = { id: newId(id), founderId: id, centroid: new Map(), norm2: 0, size: 0 };
    join(story, vector, time);
    index(story, terms);
    return { story, similarity: 1, shared: [], founded: true };
  });
}

function pruneClosed(list: StoryState[], time: number, windowMs: number): void {
  let kept = 0;
  for (const story of list) if (story.lastSeen === undefined || time - story.lastSeen <= windowMs) list[kept++] = story;
  list.length = kept;
}

function centroidCosine(vector: TermVector, story: StoryState): number {
  if (story.norm2 <= 0) return 0;
  let dot = 0;
  for (const [term, weight] of vector) dot += weight * (story.centroid.get(term) ?? 0);
  return dot / Math.sqrt(story.norm2);
}

function join(story: StoryState, vector: TermVector, time: number | undefined): void {
  for (const [term, weight] of vector) {
    const before = story.centroid.get(term) ?? 0;
    story.centroid.set(term, before + weight);
    story.norm2 += 2 * before * weight + weight * weight;
  }
  story.size++;
  if (time !== undefined) story.lastSeen = Math.max(story.lastSeen ?? time, time);
}

function sharedTerms(vector: TermVector, story: StoryState): string[] {
  return [...vector]
    .map(([term, weight]): [string, number] => [term, weight * (story.centroid.get(term) ?? 0)])
    .filter(([, contribution]) => contribution > 0)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, REASON_TERMS)
    .map(([term]) => term);
}
