// Ranking settings: component weights and the knobs each component reads. Defaults live here so that
// config.ts, the rank stage and the eval share one source of truth.
import type { Rule } from '../model.js';

/** Weight of each named score component; a component's contribution is its value (0..1) × its weight. */
export interface RankWeights {
  /** Independent publishers carrying the story (copies counted once). */
  corroboration: number;
  /** Freshness relative to the newest article of the run (half-life decay). */
  recency: number;
  /** Per-publisher weight from config (equal by default). */
  source: number;
  /** Match with the user's interests: configured keywords and phrases. */
  topic: number;
  /** New to the editor: not shown by an earlier run, or grown since. */
  novelty: number;
  /** Where the publisher put it (position in its feed) and how long it is. */
  prominence: number;
  /** An editor's boost rule matches it (keyword, publisher, author or story). */
  boost: number;
}

export interface DiversitySettings {
  /** Size of the head of the list the caps apply to. */
  topN: number;
  /** Most candidates one publisher may place in the top N. */
  perPublisher: number;
  /** Most candidates one story may place in the top N: the rest of the story follows below. */
  perStory: number;
}

export interface RankSettings {
  weights: RankWeights;
  /** Hours after which the recency value halves. */
  halfLifeHours: number;
  /** Publisher slug → weight; publishers not named weigh DEFAULT_SOURCE_WEIGHT. */
  sources: Record<string, number>;
  /** Keyword or phrase → weight; matched case-insensitively on word boundaries, stems compared. */
  topics: Record<string, number>;
  diversity: DiversitySettings;
  /** Mute and boost rules: the config's and, in a run, the store's (an editor's). */
  rules: Rule[];
}

// Corroboration leads: several independent publishers on one event is the strongest sign of news.
// Recency, topic and novelty next; source and prominence nudge ties between otherwise similar articles.
// A boost is an editor saying "this matters to us": worth as much as the strongest corroboration.
export const DEFAULT_WEIGHTS: RankWeights = { corroboration: 1, recency: 0.5, source: 0.25, topic: 0.5, novelty: 0.5, prominence: 0.25, boost: 1 };

/** A news day: yesterday's lead is worth half of today's. */
export const DEFAULT_HALF_LIFE_HOURS = 24;

/** Every publisher weighs the same unless the config says otherwise. */
export const DEFAULT_SOURCE_WEIGHT = 1;

// Ten is what fits on a screen and in a newsletter. One per story: the top ten are ten stories, each by its
// lead article (the story's other articles follow below, and the board folds them under the lead); three
// per publisher keep one outlet from filling it.
export const DEFAULT_DIVERSITY: DiversitySettings = { topN: 10, perPublisher: 3, perStory: 1 };

export const DEFAULT_RANK_SETTINGS: RankSettings = {
  weights: DEFAULT_WEIGHTS,
  halfLifeHours: DEFAULT_HALF_LIFE_HOURS,
  sources: {},
  topics: {},
  diversity: DEFAULT_DIVERSITY,
  rules: [],
};
