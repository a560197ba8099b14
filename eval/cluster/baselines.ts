// Baselines for eval:cluster, each with the one knob a user of it would tune (a similarity threshold),
// and the sweep that tunes a knob on a tune half the same way ours was tuned.
import type { Article } from '../../src/model.js';
import { canonicalUrl } from '../../src/dedupe/url.js';
import { exactFingerprint, jaccard, normalizedWords, shingleHashes } from '../../src/dedupe/fingerprint.js';
import { cosine, tfidfVectors, wordCounts } from '../../src/cluster/vectors.js';
import type { Scores } from './metrics.js';

/** Article id → predicted cluster label. */
export type Clustering = Map<string, string>;

/** Thresholds tried for every similarity baseline: 0.02 to 0.80 in steps of 0.01. */
export const THRESHOLDS = Array.from({ length: 79 }, (_, i) => Math.round((0.02 + i * 0.01) * 100) / 100);

function unionFind(n: number): { find: (i: number) => number; union: (a: number, b: number) => void } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  return { find, union: (a, b) => void (parent[find(b)] = find(a)) };
}

export function exactTitle(articles: Article[]): Clustering {
  const key = (title: string): string => normalizedWords(title).join(' ');
  return new Map(articles.map((a) => [a.id, key(a.title)]));
}

/** Pairwise TF-IDF cosines (title ×3 + lead words, the same word vectors ours starts from), computed once per set. */
export function cosineMatrix(articles: Article[]): number[][] {
  const vectors = tfidfVectors(articles.map(wordCounts));
  return vectors.map((a) => vectors.map((b) => cosine(a, b)));
}

/** Single-link: any pair at or above the threshold joins their clusters. */
export function singleLink(articles: Article[], sims: number[][], threshold: number): Clustering {
  const sets = unionFind(articles.length);
  for (let i = 0; i < articles.length; i++) for (let j = i + 1; j < articles.length; j++) if (sims[i]![j]! >= threshold) sets.union(i, j);
  return new Map(articles.map((a, i) => [a.id, String(sets.find(i))]));
}

/**
 * Average-link (UPGMA) agglomeration: repeatedly merge the two clusters whose mean pairwise cosine is
 * highest, while it is at or above the threshold. Sums of cosines between clusters are kept up to date,
 * so each merge costs O(n).
 */
export function averageLink(articles: Article[], sims: number[][], threshold: number): Clustering {
  const n = articles.length;
  const sum = sims.map((row) => [...row]);
  const size = new Array<number>(n).fill(1);
  const alive = new Set(Array.from({ length: n }, (_, i) => i));
  const members = Array.from({ length: n }, (_, i) => [i]);
  for (;;) {
    let best = -1;
    let pair: [number, number] | undefined;
    for (const i of alive) {
      for (const j of alive) {
        if (j <= i) continue;
        const mean = sum[i]![j]! / (size[i]! * size[j]!);
        if (mean > best + 1e-12) [best, pair] = [mean, [i, j]];
      }
    }
    if (!pair || best < threshold) break;
    const [a, b] = pair;
    for (const k of alive) {
      if (k === a || k === b) continue;
      sum[a]![k] = sum[k]![a] = sum[a]![k]! + sum[b]![k]!;
    }
    size[a] = size[a]! + size[b]!;
    members[a]!.push(...members[b]!);
    alive.delete(b);
  }
  const labels = new Map<string, string>();
  for (const i of alive) for (const k of members[i]!) labels.set(articles[k]!.id, String(i));
  return labels;
}

/** Exact copies only: the same canonical URL or the same normalized text. */
export function exactDedupe(articles: Article[]): string[][] {
  const sets = unionFind(articles.length);
  const seen = new Map<string, number>();
  articles.forEach((a, i) => {
    for (const key of [canonicalUrl(a.url) && `u:${canonicalUrl(a.url)}`, `t:${exactFingerprint(normalizedWords(a.text))}`]) {
      if (!key) continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else sets.union(first, i);
    }
  });
  return groupsOf(articles, sets.find);
}

/** Shingle Jaccard over every pair (no LSH), copies joined transitively: the brute-force near-duplicate baseline. */
export function jaccardDedupe(articles: Article[], threshold: number, shingles = articles.map((a) => shingleHashes(normalizedWords(a.text)))): string[][] {
  const sets = unionFind(articles.length);
  for (let i = 0; i < articles.length; i++) for (let j = i + 1; j < articles.length; j++) if (jaccard(shingles[i]!, shingles[j]!) >= threshold) sets.union(i, j);
  return groupsOf(articles, sets.find);
}

function groupsOf(articles: Article[], find: (i: number) => number): string[][] {
  const groups = new Map<number, string[]>();
  articles.forEach((a, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), a.id]));
  return [...groups.values()].filter((g) => g.length > 1);
}

/**
 * The knob value with the best F1 on the tune half; among equal F1 the middle of the plateau, so that
 * the choice does not sit on the edge where the next step down loses.
 */
export function sweep(score: (threshold: number) => Scores, thresholds = THRESHOLDS): { threshold: number; tune: Scores } {
  const scored = thresholds.map((t) => ({ threshold: t, tune: score(t) }));
  const top = Math.max(...scored.map((s) => s.tune.f1));
  const plateau = scored.filter((s) => s.tune.f1 >= top - 1e-9);
  return plateau[Math.floor((plateau.length - 1) / 2)]!;
}
