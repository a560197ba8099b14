// Definite descriptions that point back: "The crowd answered with sustained applause." only makes sense
// to a reader who has been told about the crowd. For each sentence, the nouns of its "the …" phrases that
// the article introduced in an earlier sentence; the assembler keeps the sentence only when the summary
// mentions them before it.

import type { Sentence } from '../model.js';
import { STOPWORDS, stem } from '../text/words.js';

/**
 * Nouns a reader places without an introduction: the setting of any news story, units of time, and words
 * that take their reference from what follows them ("the rest", "the first").
 */
export const SELF_EVIDENT_NOUNS: ReadonlySet<string> = new Set([
  'city', 'town', 'village', 'county', 'state', 'country', 'nation', 'region', 'area', 'world', 'government',
  'public', 'police', 'weather', 'time', 'day', 'week', 'year', 'month', 'morning', 'afternoon', 'evening',
  'night', 'weekend', 'moment', 'past', 'future', 'rest', 'end', 'start', 'beginning', 'middle', 'way', 'fact',
  'news', 'media', 'press', 'economy', 'market', 'industry', 'community', 'people', 'first', 'last', 'latter',
  'former', 'mayor', 'governor', 'president', 'council', 'court', 'courts', 'coast', 'top', 'bottom', 'same',
  'whole', 'most', 'least', 'next', 'following', 'second', 'third', 'latest', 'only', 'new', 'old', 'biggest',
  'largest', 'best', 'worst', 'highest', 'lowest', 'main', 'local', 'other', 'average', 'total', 'number',
  'amount', 'level', 'share', 'deadline', 'half',
]);

/**
 * People or things on the scene that news copy only calls "the …" once the scene is set, whatever word set
 * it: "about 200 members gathered…" → "The crowd answered…". Such a sentence needs the one before it.
 */
export const ON_THE_SCENE_NOUNS: ReadonlySet<string> = new Set([
  'crowd', 'audience', 'gathering', 'man', 'woman', 'men', 'women', 'boy', 'girl', 'child', 'children', 'couple',
  'pair', 'trio', 'victim', 'victims', 'suspect', 'suspects', 'driver', 'passengers', 'crew', 'onlookers', 'visitors',
]);

/**
 * "the" and the lowercase words after it. ASCII letters only: a Unicode-aware pattern here cost more than
 * the rest of this file, and English common nouns are ASCII.
 */
const DESCRIPTION_RE = /\b[Tt]he((?:\s+[a-z][a-z'’-]*){1,3})/g;
/** A description identified by what follows it: "the cost of…", "the group that…", "the operator, Westerly Ferries,". */
const IDENTIFIED_AFTER_RE = /^(?:\s+(?:of|that|who|which|whose|where|to|for)\b|,\s+\p{Lu})/u;
/** Verb and adverb endings: the word after a noun, not part of it ("the crowd answered"). */
const NOT_NOUN_RE = /(?:ed|ing|ly)$/;
const QUOTED_RE = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
const MIN_NOUN_LETTERS = 3;
const SENTENCE_END_RE = /[.?!…]["'”’)\]»]*$/;

export interface DefiniteNeeds {
  /** Stems of nouns the article introduced in an earlier sentence, with that sentence's index: the summary must mention each before. */
  introduced: Map<string, number>;
  /** A description of someone on the scene: the sentence needs the one before it. */
  onTheScene: boolean;
}

/** For each sentence, what its definite descriptions need from earlier in the summary. */
export function definiteNeeds(sentences: readonly Sentence[]): DefiniteNeeds[] {
  const lowered = sentences.map((s) => (SENTENCE_END_RE.test(s.text) ? s.text.toLowerCase() : ''));
  return sentences.map((sentence, i) => {
    const needs: DefiniteNeeds = { introduced: new Map(), onTheScene: false };
    if (!sentence.text.includes('he ')) return needs;
    const text = sentence.text.replace(QUOTED_RE, (q) => ' '.repeat(q.length));
    for (const match of text.matchAll(DESCRIPTION_RE)) {
      const words = (match[1] ?? '').trim().split(/\s+/);
      let noun: string | undefined;
      let length = 0;
      for (const word of words) {
        const bare = word.replace(/['’]s$/, '');
        if (STOPWORDS.has(bare) || (noun !== undefined && NOT_NOUN_RE.test(bare))) break;
        noun = bare;
        length += 1;
        if (bare !== word) break;
      }
      if (!noun || noun.length < MIN_NOUN_LETTERS || SELF_EVIDENT_NOUNS.has(noun) || SELF_EVIDENT_NOUNS.has(words[0] ?? '')) continue;
      let end = (match.index ?? 0) + 'the'.length;
      for (const word of words.slice(0, length)) end = text.indexOf(word, end) + word.length;
      if (IDENTIFIED_AFTER_RE.test(text.slice(end))) continue;
      const nounStem = stem(noun);
      // Named earlier in the same sentence ("a crowd of 200 … the crowd").
      if (mentions(text.slice(0, match.index ?? 0).toLowerCase(), nounStem)) continue;
      // The article's first sentence sets the scene itself.
      if (ON_THE_SCENE_NOUNS.has(noun) && i > 0) needs.onTheScene = true;
      // A heading is not where a reader meets a thing: "Harbor Road Closes" does not introduce "the harbor road".
      const introducedAt = lowered.findIndex((other, j) => j < i && mentions(other, nounStem));
      if (introducedAt >= 0) needs.introduced.set(nounStem, introducedAt);
    }
    return needs;
  });
}

/** Word-start patterns per stem, compiled once: "crowd" matches "crowds" and "crowded", not "overcrowd". */
const STEM_PATTERNS = new Map<string, RegExp>();
/** Pattern cache bound: stems are article words, so the map stays small, but a long-running process reads many articles. */
const MAX_STEM_PATTERNS = 10_000;

/** Whether lowercased `text` uses a word starting with `nounStem`. */
export function mentions(text: string, nounStem: string): boolean {
  if (!text.includes(nounStem.slice(0, -1))) return false;
  let pattern = STEM_PATTERNS.get(nounStem);
  if (!pattern) {
    if (STEM_PATTERNS.size >= MAX_STEM_PATTERNS) STEM_PATTERNS.clear();
    // "company" also starts "companies".
    const escaped = nounStem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/y$/, '(?:y|i)');
    pattern = new RegExp(`(?<![a-z0-9])${escaped}`);
    STEM_PATTERNS.set(nounStem, pattern);
  }
  return pattern.test(text);
}
