// `npm run eval:cluster`: dedupe and story clustering on the labelled set in eval/cluster/fixtures/,
// beside two clustering baselines and an exact-match dedupe baseline computed in the same run.
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/model.js';
import { findDuplicates } from '../src/dedupe/index.js';
import { canonicalUrl } from '../src/dedupe/url.js';
import { containment, exactFingerprint, jaccard, normalizedWords, shingleHashes } from '../src/dedupe/fingerprint.js';
import { clusterStories } from '../src/cluster/index.js';
import { cosine, tfidfVectors, wordCounts } from '../src/cluster/vectors.js';
import { loadLabelledSet, type LabelledArticle } from './cluster/fixtures.js';
import { bcubed, pairScores, pairsOf, type Scores } from './cluster/metrics.js';

/** The baseline's fixed cosine: the single-link threshold the first clusterer shipped with. */
const BASELINE_COSINE = 0.16;
/** Near-duplicate thresholds swept for the precision/recall curve. */
const SWEEP = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

const FIXTURES = fileURLToPath(new URL('../../eval/cluster/fixtures/', import.meta.url));

function unionFind(n: number): { find: (i: number) => number; union: (a: number, b: number) => void } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  return { find, union: (a, b) => void (parent[find(b)] = find(a)) };
}

function exactTitleBaseline(articles: Article[]): Map<string, string> {
  const key = (title: string): string => normalizedWords(title).join(' ');
  return new Map(articles.map((a) => [a.id, key(a.title)]));
}

function tfidfSingleLinkBaseline(articles: Article[]): Map<string, string> {
  const vectors = tfidfVectors(articles.map(wordCounts));
  const sets = unionFind(articles.length);
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) if (cosine(vectors[i]!, vectors[j]!) >= BASELINE_COSINE) sets.union(i, j);
  }
  return new Map(articles.map((a, i) => [a.id, String(sets.find(i))]));
}

function exactDedupeBaseline(articles: Article[]): string[][] {
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
  const groups = new Map<number, string[]>();
  articles.forEach((a, i) => groups.set(sets.find(i), [...(groups.get(sets.find(i)) ?? []), a.id]));
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Gold copy groups: each article with everything that copies it, transitively. */
function goldCopyGroups(set: LabelledArticle[]): { groups: string[][]; originals: Map<string, string> } {
  const byKey = new Map(set.map((x) => [x.key, x]));
  const rootOf = (x: LabelledArticle): LabelledArticle => (x.copyOf ? rootOf(byKey.get(x.copyOf)!) : x);
  const groups = new Map<string, string[]>();
  const originals = new Map<string, string>();
  for (const x of set) {
    const root = rootOf(x);
    groups.set(root.article.id, [...(groups.get(root.article.id) ?? []), x.article.id]);
    originals.set(x.article.id, root.article.id);
  }
  return { groups: [...groups.values()].filter((g) => g.length > 1), originals };
}

const pct = (x: number): string => x.toFixed(3);
const row = (name: string, s: Scores): string => `  ${name.padEnd(34)} ${pct(s.precision)}   ${pct(s.recall)}   ${pct(s.f1)}`;

const set = loadLabelledSet(FIXTURES);
const articles = set.map((x) => x.article);
const gold = new Map(set.map((x) => [x.article.id, x.story]));
console.log(`newsdesk eval:cluster: ${articles.length} labelled articles, ${new Set(gold.values()).size} stories, ${set.filter((x) => x.copyOf).length} copies`);

const duplicates = findDuplicates(articles);
const copies = new Set(duplicates.flatMap((g) => g.duplicateIds));
const stories = clusterStories(articles.filter((a) => !copies.has(a.id)), new Map(duplicates.map((g) => [g.originalId, g.duplicateIds])));
const ours = new Map<string, string>();
for (const story of stories) for (const id of story.articleIds) ours.set(id, story.id);

console.log('\nStory clustering (B-cubed)            precision recall  F1');
console.log(row('baseline: exact title match', bcubed(exactTitleBaseline(articles), gold)));
console.log(row(`baseline: TF-IDF single-link ≥ ${BASELINE_COSINE}`, bcubed(tfidfSingleLinkBaseline(articles), gold)));
const oursScores = bcubed(ours, gold);
console.log(row('newsdesk (dedupe + cluster)', oursScores));

const { groups: goldGroups, originals } = goldCopyGroups(set);
const goldPairs = pairsOf(goldGroups);
console.log('\nDedupe (pairwise)                      precision recall  F1');
console.log(row('baseline: same canonical URL or text', pairScores(pairsOf(exactDedupeBaseline(articles)), goldPairs)));
console.log(row('newsdesk', pairScores(pairsOf(duplicates.map((g) => [g.originalId, ...g.duplicateIds])), goldPairs)));
const rightOriginal = duplicates.filter((g) => g.duplicateIds.every((id) => originals.get(id) === g.originalId) && originals.get(g.originalId) === g.originalId).length;
console.log(`  original chosen as labelled: ${rightOriginal}/${duplicates.length} predicted groups (${goldGroups.length} labelled groups)`);

// Precision/recall of "shingle Jaccard ≥ t" and "containment ≥ t" over every pair of the labelled set.
const shingles = articles.map((a) => shingleHashes(normalizedWords(a.text)));
const scored: Array<{ j: number; c: number; copy: boolean }> = [];
for (let i = 0; i < articles.length; i++) {
  for (let k = i + 1; k < articles.length; k++) {
    const [a, b] = [articles[i]!.id, articles[k]!.id].sort();
    scored.push({ j: jaccard(shingles[i]!, shingles[k]!), c: containment(shingles[i]!, shingles[k]!), copy: goldPairs.has(`${a}|${b}`) });
  }
}
console.log(`\nNear-duplicate threshold curve over ${scored.length} pairs (${goldPairs.size} labelled copy pairs)`);
console.log('  threshold   Jaccard P   Jaccard R   containment P   containment R');
for (const t of SWEEP) {
  const curve = (measure: 'j' | 'c'): Scores => {
    const hits = scored.filter((p) => p[measure] >= t);
    const right = hits.filter((p) => p.copy).length;
    const precision = hits.length ? right / hits.length : 1;
    const recall = right / goldPairs.size;
    return { precision, recall, f1: 0 };
  };
  const [j, c] = [curve('j'), curve('c')];
  console.log(`  ${t.toFixed(2).padStart(9)}   ${pct(j.precision).padStart(9)}   ${pct(j.recall).padStart(9)}   ${pct(c.precision).padStart(13)}   ${pct(c.recall).padStart(13)}`);
}
// Folds, not Math.max(...list): the pairs grow with the square of the set, past what a spread call takes.
const highestOther = scored.reduce((highest, p) => (p.copy ? highest : Math.max(highest, p.j)), -Infinity);
const lowestCopy = scored.reduce((lowest, p) => (p.copy ? Math.min(lowest, p.j) : lowest), Infinity);
console.log(`  highest Jaccard of a non-copy pair: ${pct(highestOther)}; lowest of a copy pair: ${pct(lowestCopy)}`);
