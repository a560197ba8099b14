// `npm run eval:rank`: NDCG@10 of our story order on the fictional fixture day against the editor's
// ordering (written before the ranker ran), beside two baselines computed in the same process.
import { DEFAULT_RANK_SETTINGS, rankCandidates } from '../src/rank/index.js';
import type { Candidate } from '../src/model.js';
import { buildDay, type FixtureDay } from './fixtures/build-day.js';
import { DESK_TOPICS, EDITOR_ORDER } from './fixtures/rank-day.js';
import { editorGains, ndcgAt } from './ndcg.js';

/** The head of the list an editor reads first: the briefing's first screen. */
const K = 10;

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
  return [...day.stories].sort((a, b) => b.publishers.length - a.publishers.length || newest(b.id).localeCompare(newest(a.id))).map((s) => s.id);
}

function storyOrder(storyIds: string[]): string[] {
  return [...new Set(storyIds)];
}

function main(): void {
  const day = buildDay();
  const gains = editorGains(EDITOR_ORDER);
  const ours = ourStoryOrder(day).order;
  const rows: Array<[string, string[]]> = [
    ['newsdesk (all components, desk topics)', ours],
    ['newsdesk without topics (defaults only)', ourStoryOrder(day, {}).order],
    ['newest first', newestFirst(day)],
    ['most corroborated first', mostCorroboratedFirst(day)],
  ];
  process.stdout.write(`ranking eval: ${day.articles.length} articles, ${day.stories.length} stories, editor order of ${EDITOR_ORDER.length}\n`);
  for (const [name, order] of rows) process.stdout.write(`${`NDCG@${K}`.padEnd(8)} ${ndcgAt(K, order, gains).toFixed(3)}  ${name}\n`);
  process.stdout.write(`our top ${K}: ${ours.slice(0, K).join(', ')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
