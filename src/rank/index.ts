// Ranking: an explained score per article. Every component is named, weighted and reported, and the
// contributions sum to the score, so an editor can see why a candidate ranks where it does.
import type { Article, Candidate, DuplicateGroup, ScoreComponent, Story, Usage } from '../model.js';

export interface RankWeights {
  /** Independent publishers carrying the story. */
  corroboration: number;
  /** Freshness relative to the newest article of the run. */
  recency: number;
  /** Body length: a full report over a brief. */
  length: number;
}

export const DEFAULT_WEIGHTS: RankWeights = { corroboration: 1, recency: 0.5, length: 0.25 };
/** Hours after which the recency signal halves: a news day. */
export const RECENCY_HALF_LIFE_HOURS = 24;
/** Word count at which the length signal saturates: longer is not better past a full report. */
export const FULL_LENGTH_WORDS = 800;
/** Publisher count at which corroboration saturates (log scale): the tenth outlet adds little. */
const CORROBORATION_SATURATION = 8;

export interface RankInput {
  articles: Article[];
  stories: Story[];
  duplicates: DuplicateGroup[];
  /** Initial ranks fixed by earlier runs. */
  initialRanks: Map<string, number>;
  weights?: RankWeights;
}

export function rankCandidates({ articles, stories, duplicates, initialRanks, weights = DEFAULT_WEIGHTS }: RankInput): Candidate[] {
  const storyOf = new Map<string, Story>();
  for (const story of stories) for (const id of story.articleIds) storyOf.set(id, story);
  const duplicateOf = new Map<string, string>();
  for (const group of duplicates) for (const id of group.duplicateIds) duplicateOf.set(id, group.originalId);

  // Recency is measured from the newest article in the run, not the wall clock, so a re-run ranks the same.
  const newest = Math.max(0, ...articles.map((a) => (a.published ? Date.parse(a.published) : 0)));
  const scored = articles.map((article) => {
    const story = storyOf.get(article.id);
    const components = scoreComponents(article, story, newest, weights);
    return {
      article,
      storyId: story?.id ?? '',
      components,
      score: round(components.reduce((sum, c) => sum + c.contribution, 0)),
    };
  });

  // Originals first by score; copies after them, so a copy never outranks what it copies.
  const order = (x: (typeof scored)[number], y: (typeof scored)[number]): number =>
    Number(duplicateOf.has(x.article.id)) - Number(duplicateOf.has(y.article.id)) ||
    y.score - x.score ||
    (y.article.published ?? '').localeCompare(x.article.published ?? '') ||
    x.article.id.localeCompare(y.article.id);
  scored.sort(order);

  // New articles take initial ranks after those already fixed, in this run's order.
  const taken = new Set(initialRanks.values());
  let next = 1;
  return scored.map((entry, i) => {
    let initialRank = initialRanks.get(entry.article.id);
    if (initialRank === undefined) {
      while (taken.has(next)) next++;
      initialRank = next;
      taken.add(next);
    }
    const original = duplicateOf.get(entry.article.id);
    const usage: Usage = original ? 'duplicate' : 'candidate';
    return {
      articleId: entry.article.id,
      storyId: entry.storyId,
      score: entry.score,
      components: entry.components,
      initialRank,
      rank: i + 1,
      usage,
      ...(original ? { duplicateOf: original } : {}),
    };
  });
}

function scoreComponents(article: Article, story: Story | undefined, newest: number, weights: RankWeights): ScoreComponent[] {
  const publishers = story?.publishers.length ?? 1;
  const corroboration = Math.min(1, Math.log2(1 + publishers) / Math.log2(1 + CORROBORATION_SATURATION));
  const ageHours = article.published ? Math.max(0, (newest - Date.parse(article.published)) / 3_600_000) : undefined;
  const recency = ageHours === undefined ? 0 : Math.pow(0.5, ageHours / RECENCY_HALF_LIFE_HOURS);
  const words = article.text.split(/\s+/).filter(Boolean).length;
  const length = Math.min(1, words / FULL_LENGTH_WORDS);
  const component = (name: keyof RankWeights, value: number, detail: string): ScoreComponent => ({
    name,
    value: round(value),
    weight: weights[name],
    contribution: round(value * weights[name]),
    detail,
  });
  return [
    component('corroboration', corroboration, `${publishers} publisher${publishers === 1 ? '' : 's'} carry the story`),
    component('recency', recency, ageHours === undefined ? 'no publication date' : `${ageHours.toFixed(1)} h older than the newest article`),
    component('length', length, `${words} words`),
  ];
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
