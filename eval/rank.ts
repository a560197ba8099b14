// `npm run eval:rank`: NDCG of our story order on the fictional fixture day against the editor's ordering
// (written before the ranker ran), beside baselines computed in the same process. The day's stories are
// split into a tune and a test half (eval/fixtures/rank-split.json, frozen 2026-12-06); the tunable
// baseline's knobs are swept on the tune half, and every system is scored on each half by NDCG@5 of its
// order restricted to that half's stories. Our weights were set on the whole day before the split, so
// our numbers are in-sample on both halves.
import { DEFAULT_RANK_SETTINGS, rankCandidates } from '../src/rank/index.js';
import type { Candidate } from '../src/model.js';
import { buildDay, type FixtureDay } from './fixtures/build-day.js';
import { DESK_TOPICS, EDITOR_ORDER } from './fixtures/rank-day.js';
import { editorGains, ndcgAt } from './ndcg.js';
import split from './fixtures/rank-split.json' with { type: 'json' };

/** The head of the list an editor reads first: the briefing's first screen. */
const K = 10;
/** The same head for a half of the day's stories. */
const HALF_K = 5;
/** Knobs of the corroboration-and-recency baseline, swept on the tune half (0.01: recency only breaks ties). */
const HALF_LIVES = [1, 2, 3, 4, 6, 8, 12, 18, 24, 48];
const RECENCY_WEIGHTS = [0.01, 0.1, 0.25, 0.5, 1, 2, 3, 4, 6, 8];

export function ourStoryOrder(day: FixtureDay, topics: Record<string, number> = DESK_TOPICS): { order: string[]; candidates: Candidate[] } {
  const candidates = rankCandidates({
    articles: day.articles,
    stories: day.stories,
    duplicates: day.duplicates,
    initialRanks: new Map(),
    shownSizes: day.shownSizes,
    settings: { ...DEFAULT_RANK_SETTINGS, topics },
  });
  return { order: storyOrder(candidates.filter((c) => c.usage !== 'duplicate').map((c) => c.storyId)), candidates };
}

export function newestFirst(day: FixtureDay): string[] {
  const sorted = [...day.articles].sort((a, b) => b.published!.localeCompare(a.published!) || a.id.localeCompare(b.id));
  const storyOf = new Map(day.stories.flatMap((s) => s.articleIds.map((id) => [id, s.id] as const)));
  return storyOrder(sorted.map((a) => storyOf.get(a.id)!));
}

export function mostCorroboratedFirst(day: FixtureDay): string[] {
  const newest = (id: string): string => day.articles.filter((a) => day.stories.find((s) => s.id === id)!.articleIds.includes(a.id)).map((a) => a.published!).sort().pop()!;
  // Full ties by story id, not the fixture's listing order (which follows the editor's).
  return [...day.stories]
    .sort((a, b) => b.publishers.length - a.publishers.length || newest(b.id).localeCompare(newest(a.id)) || a.id.localeCompare(b.id))
    .map((s) => s.id);
}

/**
 * The tunable baseline: publishers carrying the story plus `weight` × 0.5^(hours since the story's newest
 * article, counted back from the day's newest, / halfLife). Two knobs, both swept on the tune half.
 */
export function corroboratedAndRecent(day: FixtureDay, halfLife: number, weight: number): string[] {
  const time = new Map(day.articles.map((a) => [a.id, Date.parse(a.published!)]));
  const end = Math.max(...time.values());
  const score = (s: FixtureDay['stories'][number]): number => {
    const newest = Math.max(...s.articleIds.map((id) => time.get(id) ?? -Infinity));
    return s.publishers.length + weight * 0.5 ** ((end - newest) / 3_600_000 / halfLife);
  };
  // Ties by story id: the fixture lists its stories roughly in the editor's order, so keeping that order
  // on a tie would read the answer.
  return [...day.stories].sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id)).map((s) => s.id);
}

/** NDCG@HALF_K of an order restricted to one half's stories, against the editor's order of that half. */
function halfNdcg(order: string[], half: string[]): number {
  const keep = new Set(half);
  return ndcgAt(HALF_K, order.filter((id) => keep.has(id)), editorGains(EDITOR_ORDER.filter((id) => keep.has(id))));
}

function storyOrder(storyIds: string[]): string[] {
  return [...new Set(storyIds)];
}

/** The frozen split must follow its own rule over exactly the day's stories. */
function checkSplit(day: FixtureDay): void {
  const ids = day.stories.map((s) => s.id).sort();
  const want = { test: ids.filter((_, i) => i % 2 === 0), tune: ids.filter((_, i) => i % 2 === 1) };
  if (JSON.stringify(want) !== JSON.stringify({ test: split.test, tune: split.tune })) {
    throw new Error('eval:rank: eval/fixtures/rank-split.json does not follow its rule over the day\'s stories');
  }
}

function main(): void {
  const day = buildDay();
  checkSplit(day);
  const gains = editorGains(EDITOR_ORDER);
  const ours = ourStoryOrder(day).order;
  let tuned = { halfLife: HALF_LIVES[0]!, weight: RECENCY_WEIGHTS[0]!, tune: -1 };
  for (const halfLife of HALF_LIVES) {
    for (const weight of RECENCY_WEIGHTS) {
      const tune = halfNdcg(corroboratedAndRecent(day, halfLife, weight), split.tune);
      if (tune > tuned.tune + 1e-12) tuned = { halfLife, weight, tune };
    }
  }
  const rows: Array<[string, string[]]> = [
    ['newsdesk (all components, desk topics) *', ours],
    ['newsdesk without topics (defaults only) *', ourStoryOrder(day, {}).order],
    ['newest first', newestFirst(day)],
    ['most corroborated first', mostCorroboratedFirst(day)],
    [`publishers + ${tuned.weight} × recency, half-life ${tuned.halfLife} h (tuned)`, corroboratedAndRecent(day, tuned.halfLife, tuned.weight)],
  ];
  process.stdout.write(`ranking eval: ${day.articles.length} articles, ${day.stories.length} stories, editor order of ${EDITOR_ORDER.length}
`);
  process.stdout.write(`split frozen ${split.frozen}: ${split.tune.length} tune and ${split.test.length} test stories; the baseline's knobs swept on the tune half

`);
  process.stdout.write(`${'system'.padEnd(62)}${`tune NDCG@${HALF_K}`.padStart(14)}${`test NDCG@${HALF_K}`.padStart(14)}${`day NDCG@${K}`.padStart(14)}
`);
  for (const [name, order] of rows) {
    const cells = [halfNdcg(order, split.tune), halfNdcg(order, split.test), ndcgAt(K, order, gains)].map((x) => x.toFixed(3).padStart(14));
    process.stdout.write(`${name.padEnd(62)}${cells.join('')}\n`);
  }
  process.stdout.write('* weights chosen on the whole day before the split: in-sample on both halves\n');
  process.stdout.write(`our top ${K}: ${ours.slice(0, K).join(', ')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
