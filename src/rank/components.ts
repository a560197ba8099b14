// The named score components. Each returns a value in 0..1 and a detail an editor can read; the rank
// stage multiplies by the configured weight, so contributions always sum to the score.
import type { Article, ArticleMeta, StoryLinks } from '../model.js';
import { stem, tokenize, wordCount } from '../text/words.js';
import { DEFAULT_SOURCE_WEIGHT, type RankSettings, type RankWeights } from './settings.js';
import { containsPhrase, type CompiledRule } from './rules.js';

/** Publisher count at which corroboration saturates (log scale): the tenth outlet adds little. */
export const CORROBORATION_SATURATION = 8;
/** Summed topic weight at which relevance saturates: two solid matches make an article fully on-topic. */
export const TOPIC_SATURATION = 2;
/** A match in the headline counts this much more than one in the body: the headline says what it is about. */
export const TITLE_TOPIC_FACTOR = 2;
/** Word count at which the length half of prominence saturates: longer is not better past a full report. */
export const FULL_LENGTH_WORDS = 800;
/** Feed position at which the position half of prominence has halved: the top few items are the leads. */
export const POSITION_HALF = 3;
/** Position value for articles that did not come from a feed (pages, text files): no signal either way. */
export const NEUTRAL_POSITION = 0.5;

/** What a component knows about the run beyond the article itself. */
export interface ComponentContext {
  settings: RankSettings;
  /** Newest publication time in the run (ms); recency is measured from it so a re-run ranks the same. */
  newest: number;
  /** Independent publishers of the article's story (copies excluded). */
  storyPublishers: number;
  story: StoryLinks | undefined;
  /** Size (articles) of the story when an earlier run last showed it; undefined when never shown. */
  shownSize: number | undefined;
  /** The story's size in this run (originals only). */
  storySize: number;
  /** Largest configured source weight, so source values stay in 0..1. */
  maxSourceWeight: number;
  topics: CompiledTopic[];
  /** The boost rules that match the article. */
  boosts: CompiledRule[];
}

export interface ComponentValue {
  value: number;
  detail: string;
  /** The configured topic phrases matched (topic component): a story's topics are its articles' (story-topics.ts). */
  topics?: string[];
}

/** What ranking reads of an article: all but its text, and the two things it takes from the text. */
export interface RankableArticle extends ArticleMeta {
  /** Words in the text (prominence). */
  words: number;
  /** The phrases ranking looks for (topics, keyword rules: see rankPhrases) that the text contains, as phraseKey gives them. */
  bodyPhrases: string[];
}

/** A phrase's stems as one key. */
export const phraseKey = (stems: readonly string[]): string => stems.join(' ');

/**
 * An article as ranking reads it, given the phrases (stems) it looks for in texts; a run takes this when it
 * reads the article, then lets the text go.
 */
export function rankable(article: Article, phrases: ReadonlyArray<readonly string[]>): RankableArticle {
  // Two fields added to the article's own rest object, and one shared empty list: a spread copy of every
  // field took four times the memory, and a run holds one of these per article.
  const { text, ...meta } = article;
  const ranked = meta as RankableArticle;
  // Most articles have no byline or warnings; one shared empty list serves them all (a run keeps 100,000).
  if (ranked.byline.length === 0) ranked.byline = NO_STRINGS;
  if (ranked.warnings.length === 0) ranked.warnings = NO_STRINGS;
  ranked.words = wordCount(text);
  if (phrases.length === 0) {
    ranked.bodyPhrases = NO_STRINGS;
  } else {
    const body = tokenize(text).map(stem);
    ranked.bodyPhrases = phrases.filter((p) => containsPhrase(body, p)).map(phraseKey);
  }
  return ranked;
}

/** The one empty list kept articles share (no phrases, no byline, no warnings): frozen, as nothing may add to it. */
const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[];

export type ComponentFn = (article: RankableArticle, context: ComponentContext) => ComponentValue;

export interface CompiledTopic {
  phrase: string;
  stems: string[];
  weight: number;
}

export function compileTopics(topics: Record<string, number>): CompiledTopic[] {
  return Object.entries(topics)
    .map(([phrase, weight]) => ({ phrase, stems: tokenize(phrase).map(stem), weight }))
    .filter((t) => t.stems.length > 0);
}

/** In the order they are reported: the data table the rank stage walks. */
export const COMPONENTS: Record<keyof RankWeights, ComponentFn> = {
  corroboration: (_article, { storyPublishers: n }) => ({
    value: Math.min(1, Math.log2(1 + n) / Math.log2(1 + CORROBORATION_SATURATION)),
    detail: `${n} independent ${n === 1 ? 'publisher carries' : 'publishers carry'} the story`,
  }),
  recency: (article, { newest, settings }) => {
    if (!article.published) return { value: 0, detail: 'no publication date' };
    const hours = Math.max(0, (newest - Date.parse(article.published)) / 3_600_000);
    return { value: Math.pow(0.5, hours / settings.halfLifeHours), detail: `${hours.toFixed(1)} h older than the newest article (half-life ${settings.halfLifeHours} h)` };
  },
  source: (article, { settings, maxSourceWeight }) => {
    const configured = settings.sources[article.publisher];
    const weight = configured ?? DEFAULT_SOURCE_WEIGHT;
    return {
      value: maxSourceWeight > 0 ? weight / maxSourceWeight : 0,
      detail: configured === undefined ? `${article.publisher}: default weight ${weight}` : `${article.publisher}: configured weight ${weight}`,
    };
  },
  topic: (article, { topics }) => {
    if (topics.length === 0) return { value: 0, detail: 'no topics configured' };
    const title = tokenize(article.title).map(stem);
    const body = new Set(article.bodyPhrases);
    let total = 0;
    const matched: string[] = [];
    const phrases: string[] = [];
    for (const topic of topics) {
      const factor = containsPhrase(title, topic.stems) ? TITLE_TOPIC_FACTOR : body.has(phraseKey(topic.stems)) ? 1 : 0;
      if (factor === 0) continue;
      total += topic.weight * factor;
      matched.push(factor > 1 ? `"${topic.phrase}" (headline)` : `"${topic.phrase}"`);
      phrases.push(topic.phrase);
    }
    const value = Math.min(1, total / TOPIC_SATURATION);
    return matched.length ? { value, detail: `matches ${matched.join(', ')}`, topics: phrases } : { value, detail: 'matches no topic' };
  },
  novelty: (_article, { shownSize, storySize }) => {
    if (shownSize === undefined) return { value: 1, detail: 'story not shown by an earlier run' };
    if (storySize > shownSize) return { value: (storySize - shownSize) / storySize, detail: `story grew from ${shownSize} to ${storySize} articles since an earlier run showed it` };
    return { value: 0, detail: `story already shown by an earlier run with ${shownSize} article${shownSize === 1 ? '' : 's'}` };
  },
  prominence: (article, _context) => {
    const words = article.words;
    const length = Math.min(1, words / FULL_LENGTH_WORDS);
    const at = article.origin.feedPosition;
    const position = at === undefined ? NEUTRAL_POSITION : POSITION_HALF / (POSITION_HALF + at);
    const where = at === undefined ? 'not from a feed' : `item ${at + 1} of its feed`;
    return { value: (length + position) / 2, detail: `${where}; ${words} words` };
  },
  // One boost rule or several lift an article the same: the weight says how much a boost is worth.
  boost: (_article, { boosts }) =>
    boosts.length > 0 ? { value: 1, detail: `boosted by ${boosts.map((b) => b.label).join(', ')}` } : { value: 0, detail: 'no boost rule matches' },
};
