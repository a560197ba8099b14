// `npm run eval:cluster`: dedupe and story clustering on two labelled sets, beside baselines computed in
// the same run. Every baseline's knob is swept on the held-out set's tune half, the way ours were tuned,
// and all systems are then reported on its frozen test half; the first set (eval/cluster/fixtures/) was
// used to choose our thresholds, so its numbers are printed as in-sample.
//
//   node dist/eval/cluster.js              every set and half
//   node dist/eval/cluster.js --tune-only  leaves the test half and heldout2 unread: what to run while changing anything
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/model.js';
import { findDuplicates } from '../src/dedupe/index.js';
import { containment, jaccard, normalizedWords, shingleHashes } from '../src/dedupe/fingerprint.js';
import { clusterStories } from '../src/cluster/index.js';
import { loadLabelledSet, type LabelledArticle } from './cluster/fixtures.js';
import { bcubed, pairScores, pairsOf, type Scores } from './cluster/metrics.js';
import { averageLink, cosineMatrix, exactDedupe, exactTitle, jaccardDedupe, singleLink, sweep, THRESHOLDS, type Clustering } from './cluster/baselines.js';

/** Near-duplicate thresholds shown in the precision/recall curve. */
const CURVE = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

const FIXTURES = fileURLToPath(new URL('../../eval/cluster/fixtures/', import.meta.url));
const HELDOUT = fileURLToPath(new URL('../../eval/cluster/heldout/', import.meta.url));
/** A second held-out set, written 2026-12-06 by someone who had not read the clustering code: test only. */
const HELDOUT2 = fileURLToPath(new URL('../../eval/cluster/heldout2/', import.meta.url));

interface LabelledSplit {
  frozen: string;
  test: string[];
  tune: string[];
}

interface Half {
  name: string;
  set: LabelledArticle[];
}

function heldoutHalves(): { frozen: string; tune: Half; test: Half } {
  const split = JSON.parse(readFileSync(`${HELDOUT}split.json`, 'utf8')) as LabelledSplit;
  const all = loadLabelledSet(HELDOUT);
  const half = (name: string, stories: string[]): Half => ({ name, set: all.filter((x) => stories.includes(x.story)) });
  return { frozen: split.frozen, tune: half('heldout tune', split.tune), test: half('heldout test', split.test) };
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

function ours(articles: Article[]): { clustering: Clustering; duplicates: ReturnType<typeof findDuplicates> } {
  const duplicates = findDuplicates(articles);
  const copies = new Set(duplicates.flatMap((g) => g.duplicateIds));
  const stories = clusterStories(articles.filter((a) => !copies.has(a.id)), new Map(duplicates.map((g) => [g.originalId, g.duplicateIds])));
  const clustering: Clustering = new Map();
  for (const story of stories) for (const id of story.articleIds) clustering.set(id, story.id);
  return { clustering, duplicates };
}

/** Everything computed once per set: labels, pairwise cosines and shingles for the baselines, our output. */
function prepare(half: Half) {
  const articles = half.set.map((x) => x.article);
  const gold = new Map(half.set.map((x) => [x.article.id, x.story]));
  const copies = goldCopyGroups(half.set);
  const shingles = articles.map((a) => shingleHashes(normalizedWords(a.text)));
  return { ...half, articles, gold, copies, goldPairs: pairsOf(copies.groups), sims: cosineMatrix(articles), shingles, ours: ours(articles) };
}
type Prepared = ReturnType<typeof prepare>;

const f3 = (x: number): string => x.toFixed(3);
const cells = (s: Scores): string => `${f3(s.precision)}  ${f3(s.recall)}  ${f3(s.f1)}`;

const tuneOnly = process.argv.includes('--tune-only');
const old = prepare({ name: 'fixtures (in-sample)', set: loadLabelledSet(FIXTURES) });
const heldout = heldoutHalves();
const tune = prepare(heldout.tune);
const test = tuneOnly ? undefined : prepare(heldout.test);
const second = tuneOnly ? undefined : prepare({ name: 'heldout2 (test)', set: loadLabelledSet(HELDOUT2) });
const sets: Prepared[] = [old, tune, ...(test ? [test] : []), ...(second ? [second] : [])];

console.log('newsdesk eval:cluster');
for (const s of sets) {
  console.log(`  ${s.name.padEnd(22)} ${s.articles.length} articles, ${new Set(s.gold.values()).size} stories, ${s.set.filter((x) => x.copyOf).length} labelled copies`);
}
console.log(`  held-out split frozen ${heldout.frozen}; baselines' thresholds swept on the tune half (${THRESHOLDS[0]}–${THRESHOLDS[THRESHOLDS.length - 1]} by 0.01)`);
console.log('  heldout2 written 2026-12-06 after every threshold here was set, by someone who had not read the code: test only');
if (tuneOnly) console.log('  --tune-only: the test half and heldout2 are not read');

// Story clustering.
const single = sweep((t) => bcubed(singleLink(tune.articles, tune.sims, t), tune.gold));
const average = sweep((t) => bcubed(averageLink(tune.articles, tune.sims, t), tune.gold));
const clusterSystems: Array<[string, (s: Prepared) => Clustering]> = [
  ['baseline: exact title match', (s) => exactTitle(s.articles)],
  [`baseline: TF-IDF single-link ≥ ${single.threshold.toFixed(2)}`, (s) => singleLink(s.articles, s.sims, single.threshold)],
  [`baseline: TF-IDF average-link ≥ ${average.threshold.toFixed(2)}`, (s) => averageLink(s.articles, s.sims, average.threshold)],
  ['newsdesk (dedupe + cluster)', (s) => s.ours.clustering],
];
const header = (title: string): string => `${title.padEnd(46)}${sets.map((s) => s.name.padStart(22)).join('')}\n${''.padEnd(46)}${sets.map(() => '     P      R      F1 ').join('')}`;
console.log(`\n${header('Story clustering (B-cubed)')}`);
for (const [name, system] of clusterSystems) console.log(`  ${name.padEnd(44)}${sets.map((s) => ` ${cells(bcubed(system(s), s.gold))}`).join('')}`);

// Dedupe.
const goldPairsOf = (s: Prepared): Set<string> => s.goldPairs;
const near = sweep((t) => pairScores(pairsOf(jaccardDedupe(tune.articles, t, tune.shingles)), goldPairsOf(tune)));
const dedupeSystems: Array<[string, (s: Prepared) => string[][]]> = [
  ['baseline: same canonical URL or text', (s) => exactDedupe(s.articles)],
  [`baseline: shingle Jaccard ≥ ${near.threshold.toFixed(2)}, all pairs`, (s) => jaccardDedupe(s.articles, near.threshold, s.shingles)],
  ['newsdesk', (s) => s.ours.duplicates.map((g) => [g.originalId, ...g.duplicateIds])],
];
console.log(`\n${header('Dedupe (pairwise)')}`);
for (const [name, system] of dedupeSystems) console.log(`  ${name.padEnd(44)}${sets.map((s) => ` ${cells(pairScores(pairsOf(system(s)), goldPairsOf(s)))}`).join('')}`);
const originalsRight = (s: Prepared): string => {
  const { duplicates } = s.ours;
  const right = duplicates.filter((g) => g.duplicateIds.every((id) => s.copies.originals.get(id) === g.originalId) && s.copies.originals.get(g.originalId) === g.originalId).length;
  return `${right}/${duplicates.length}`;
};
console.log(`  original chosen as labelled (groups)          ${sets.map((s) => originalsRight(s).padStart(22)).join('')}`);

// The near-duplicate curve: on the set the threshold was chosen from and on the tune half, never the test half.
for (const s of [old, tune]) {
  const scored: Array<{ j: number; c: number; copy: boolean }> = [];
  for (let i = 0; i < s.articles.length; i++) {
    for (let k = i + 1; k < s.articles.length; k++) {
      const [a, b] = [s.articles[i]!.id, s.articles[k]!.id].sort();
      scored.push({ j: jaccard(s.shingles[i]!, s.shingles[k]!), c: containment(s.shingles[i]!, s.shingles[k]!), copy: s.goldPairs.has(`${a}|${b}`) });
    }
  }
  console.log(`\nNear-duplicate curve, ${s.name}: ${scored.length} pairs, ${s.goldPairs.size} labelled copy pairs`);
  console.log('  threshold   Jaccard P   Jaccard R   containment P   containment R');
  for (const t of CURVE) {
    const curve = (measure: 'j' | 'c'): [number, number] => {
      const hits = scored.filter((p) => p[measure] >= t);
      const right = hits.filter((p) => p.copy).length;
      return [hits.length ? right / hits.length : 1, right / s.goldPairs.size];
    };
    const [j, c] = [curve('j'), curve('c')];
    console.log(`  ${t.toFixed(2).padStart(9)}   ${f3(j[0]).padStart(9)}   ${f3(j[1]).padStart(9)}   ${f3(c[0]).padStart(13)}   ${f3(c[1]).padStart(13)}`);
  }
  // Folds, not Math.max(...list): the pairs grow with the square of the set, past what a spread call takes.
  const highestOther = scored.reduce((highest, p) => (p.copy ? highest : Math.max(highest, p.j)), -Infinity);
  const lowestCopy = scored.reduce((lowest, p) => (p.copy ? Math.min(lowest, p.j) : lowest), Infinity);
  console.log(`  highest Jaccard of a non-copy pair: ${f3(highestOther)}; lowest of a copy pair: ${f3(lowestCopy)}`);
}
