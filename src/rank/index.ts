// Ranking: an explained score per article. Every component is named, weighted and reported, and the
// contributions sum to the score, so an editor can see why a candidate ranks where it does. Diversity
// caps then keep one publisher or one story from filling the top of the list; articles an editor's mute rule
// matches follow every article it does not (rules.ts).
import type { Article, Candidate, DuplicateGroup, ScoreComponent, StoryLinks, Usage } from '../model.js';
import { COMPONENTS, compileTopics, rankable, type ComponentContext, type RankableArticle } from './components.js';

export { rankable, compileTopics, type RankableArticle } from './components.js';
import { applyDiversity } from './diversity.js';
import { arrange, type Decision } from './arrange.js';
import { compileRules, matchRules, rankPhrases } from './rules.js';
import { DEFAULT_RANK_SETTINGS, DEFAULT_SOURCE_WEIGHT, type RankSettings, type RankWeights } from './settings.js';
import { ComponentPool } from './component-pool.js';

export * from './settings.js';
export { arrange, type Decision } from './arrange.js';
export * from './rules.js';

export interface RankInput {
  /** Articles, whole or as a run keeps them (rankable): the text is read only to make them rankable. */
  articles: Array<Article | RankableArticle>;
  stories: StoryLinks[];
  duplicates: DuplicateGroup[];
  /** Initial ranks fixed by earlier runs. */
  initialRanks: Map<string, number>;
  /** Story id → its size when an earlier run last showed it (for novelty); absent: never shown. */
  shownSizes?: Map<string, number>;
  settings?: RankSettings;
  /** Editors' decisions (usage, pinned rank) kept from earlier runs; applied after scoring (arrange.ts). */
  decisions?: Map<string, Decision>;
}

export interface Scored {
  article: RankableArticle;
  storyId: string;
  components: ScoreComponent[];
  score: number;
  duplicateOf?: string;
  /** The mute rules that match it, as explanations name them. */
  muted?: string;
}

export function rankCandidates({ articles: given, stories, duplicates, initialRanks, shownSizes = new Map(), settings = DEFAULT_RANK_SETTINGS, decisions = new Map() }: RankInput): Candidate[] {
  const storyOf = new Map<string, StoryLinks>();
  for (const story of stories) for (const id of story.articleIds) storyOf.set(id, story);
  const duplicateOf = new Map<string, string>();
  for (const group of duplicates) for (const id of group.duplicateIds) duplicateOf.set(id, group.originalId);
  const topics = compileTopics(settings.topics);
  const phrases = rankPhrases(settings.topics, settings.rules);
  const articles = given.map((a) => ('text' in a ? rankable(a, phrases) : a));
  const byId = new Map(articles.map((a) => [a.id, a]));

  // Independent publishers and sizes count originals only: a copy is the same reporting twice.
  const originalsOf = (story: StoryLinks): RankableArticle[] =>
    story.articleIds.filter((id) => !duplicateOf.has(id)).map((id) => byId.get(id)).filter((a): a is RankableArticle => a !== undefined);

  // Recency is measured from the newest article in the run, not the wall clock, so a re-run ranks the same.
  let newest = 0;
  for (const a of articles) if (a.published) newest = Math.max(newest, Date.parse(a.published));
  const maxSourceWeight = Math.max(DEFAULT_SOURCE_WEIGHT, ...Object.values(settings.sources));
  const rules = compileRules(settings.rules);
  const pool = new ComponentPool();

  const scored: Scored[] = articles.map((article) => {
    const story = storyOf.get(article.id);
    const members = story ? originalsOf(story) : [article];
    const { mutes, boosts } = matchRules(article, story?.id ?? '', rules);
    const context: ComponentContext = {
      settings,
      newest,
      story,
      storyPublishers: Math.max(1, new Set(members.map((a) => a.publisher)).size),
      storySize: Math.max(1, members.length),
      shownSize: story ? shownSizes.get(story.id) : undefined,
      maxSourceWeight,
      topics,
      boosts,
    };
    const components = (Object.keys(COMPONENTS) as Array<keyof RankWeights>).map((name): ScoreComponent => {
      const { value, detail, topics: matched } = COMPONENTS[name](article, context);
      const weight = settings.weights[name];
      return pool.intern({ name, value: round(value), weight, contribution: round(round(value) * weight), detail, ...(matched ? { topics: matched } : {}) });
    });
    const original = duplicateOf.get(article.id);
    return {
      article,
      storyId: story?.id ?? '',
      components,
      // Summing the rounded contributions keeps "components sum to the score" exact in every output.
      score: round(components.reduce((sum, c) => sum + c.contribution, 0)),
      ...(original ? { duplicateOf: original } : {}),
      ...(mutes.length > 0 ? { muted: mutes.map((m) => m.label).join(', ') } : {}),
    };
  });

  const byScore = (x: Scored, y: Scored): number =>
    y.score - x.score || (y.article.published ?? '').localeCompare(x.article.published ?? '') || x.article.id.localeCompare(y.article.id);
  // Originals first by score; copies after them, so a copy never outranks what it copies. A muted original
  // follows every original not muted (the caps fill the top with those), and precedes the copies.
  const originals = scored.filter((s) => !s.duplicateOf).sort(byScore);
  const copies = scored.filter((s) => s.duplicateOf).sort(byScore);
  const unplaced = (entry: Scored) => ({ entry, capped: undefined });
  const ordered = [
    ...applyDiversity(originals.filter((s) => !s.muted), settings.diversity),
    ...originals.filter((s) => s.muted).map(unplaced),
    ...copies.map(unplaced),
  ];

  const scoredOrder = ordered.map(({ entry, capped }, i): Candidate => {
    const usage: Usage = entry.duplicateOf ? 'duplicate' : 'candidate';
    return {
      articleId: entry.article.id,
      storyId: entry.storyId,
      score: entry.score,
      components: entry.components,
      initialRank: 0,
      rank: i + 1,
      baseRank: i + 1,
      usage,
      ...(entry.duplicateOf ? { duplicateOf: entry.duplicateOf } : {}),
      ...(capped ? { capped } : {}),
      ...(entry.muted ? { muted: entry.muted } : {}),
    };
  });
  // New articles take initial ranks after those already fixed, in the order editors' decisions give.
  const taken = new Set(initialRanks.values());
  let next = 1;
  // arrange returns candidates of its own: each takes its initial rank in place.
  const arranged = arrange(scoredOrder, decisions);
  for (const candidate of arranged) {
    let initialRank = initialRanks.get(candidate.articleId);
    if (initialRank === undefined) {
      while (taken.has(next)) next++;
      initialRank = next;
      taken.add(next);
    }
    candidate.initialRank = initialRank;
  }
  return arranged;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
