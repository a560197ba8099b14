// Story clustering: articles about the same event, across publishers, become one Story.
import { createHash } from 'node:crypto';
import type { Article, Story } from '../model.js';
import { cosine, termCounts, tfidfVectors, topTerms } from './vectors.js';

/**
 * Cosine similarity (TF-IDF over title + lead) at or above which two articles report the same event.
 * Reports of one event share its names, places and numbers; different events in one town share only the
 * town and its institutions. On the labelled demo corpus, different-story pairs stay below 0.13 and
 * single-link at 0.14–0.16 recovers every labelled story without mixing any; 0.16 keeps the margin on
 * the side of not merging (a split story costs less than two events fused into one).
 */
export const STORY_SIMILARITY = 0.16;
/** Terms per article entered in the inverted index; pairs must share one to be compared at all. */
export const INDEX_TERMS = 12;
/**
 * A term carried by more articles than this is the vocabulary of a beat ("council", "storm"), not the
 * name of one event; its posting list is not used to find pairs. This keeps the pair count linear in the
 * run's size. Pairs it would have found still meet through their rarer shared terms.
 */
export const MAX_TERM_ARTICLES = 60;
/** Articles further apart than this are different events even when they read alike (yesterday's vote, today's). */
export const STORY_WINDOW_HOURS = 72;

export interface ClusterOptions {
  similarity: number;
  windowHours: number;
}

const DEFAULTS: ClusterOptions = { similarity: STORY_SIMILARITY, windowHours: STORY_WINDOW_HOURS };

/**
 * Groups articles into stories. `copiesOf` maps an original's id to the ids of its duplicates: copies join
 * their original's story without taking part in the similarity (they would only echo it).
 */
export function clusterStories(
  articles: Article[],
  copiesOf: Map<string, string[]> = new Map(),
  options: Partial<ClusterOptions> = {},
): Story[] {
  const { similarity, windowHours } = { ...DEFAULTS, ...options };
  const vectors = tfidfVectors(articles.map(termCounts));
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };

  const postings = new Map<string, number[]>();
  vectors.forEach((vector, i) => {
    for (const term of topTerms(vector, INDEX_TERMS)) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  const compared = new Set<number>();
  const n = articles.length;
  for (const list of postings.values()) {
    if (list.length > MAX_TERM_ARTICLES) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = [list[x]!, list[y]!];
        const key = a * n + b;
        if (compared.has(key)) continue;
        compared.add(key);
        if (find(a) === find(b) || !withinWindow(articles[a]!, articles[b]!, windowHours)) continue;
        if (cosine(vectors[a]!, vectors[b]!) >= similarity) parent[find(b)] = find(a);
      }
    }
  }

  const members = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  const stories = [...members.values()].map((indexes) => toStory(indexes, articles, vectors, copiesOf));
  return stories.sort((a, b) => a.id.localeCompare(b.id));
}

function withinWindow(a: Article, b: Article, hours: number): boolean {
  if (!a.published || !b.published) return true;
  return Math.abs(Date.parse(a.published) - Date.parse(b.published)) <= hours * 3_600_000;
}

function toStory(
  indexes: number[],
  articles: Article[],
  vectors: ReturnType<typeof tfidfVectors>,
  copiesOf: Map<string, string[]>,
): Story {
  const group = indexes.map((i) => articles[i]!);
  // The founding article (first published, then smallest id) names the story, so its id is stable across runs.
  const founder = [...group].sort(
    (a, b) => (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') || a.id.localeCompare(b.id),
  )[0]!;
  // The label is the headline closest to the story's centroid: the most representative one. The centroid
  // keeps this linear in the story's size (all pairs would be quadratic in a large story).
  const centroid = new Map<string, number>();
  for (const i of indexes) for (const [term, weight] of vectors[i]!) centroid.set(term, (centroid.get(term) ?? 0) + weight);
  let label = founder.title;
  let best = -1;
  for (const i of indexes) {
    const closeness = cosine(vectors[i]!, centroid);
    if (closeness > best + 1e-12) {
      best = closeness;
      label = articles[i]!.title;
    }
  }
  const articleIds = group.flatMap((a) => [a.id, ...(copiesOf.get(a.id) ?? [])]);
  return {
    id: `s-${createHash('sha256').update(founder.id).digest('hex').slice(0, 12)}`,
    label,
    articleIds,
    publishers: [...new Set(group.map((a) => a.publisher))].sort(),
  };
}
