// Sentence boundary scoring: where a system ends sentences inside a paragraph, against the marked
// boundaries. Paragraph ends are left out: every system gets them right from the blank line alone.
import { splitSentences } from '../../src/text/sentences.js';
import type { LanguageArticle } from './corpus.js';

export interface BoundaryCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Where the system was wrong, as "…text|text…" snippets, for reading the misses. */
  errors: string[];
}

export type Segmenter = (text: string, lang: string) => number[];

/** Our splitter, told the article's language. */
export const ours: Segmenter = (text, lang) => internal(text, splitSentences(text, lang).map((s) => s.end));

/** Our splitter with the English rules it had before it knew other languages. */
export const englishRules: Segmenter = (text) => internal(text, splitSentences(text).map((s) => s.end));

/** Intl.Segmenter (ICU's sentence break rules, UAX #29) for the article's locale. */
export const intlSegmenter: Segmenter = (text, lang) => {
  const ends: number[] = [];
  for (const segment of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)) {
    ends.push(segment.index + segment.segment.trimEnd().length);
  }
  return internal(text, ends);
};

/** Sentence ends followed by more text before the paragraph's end. */
function internal(text: string, ends: readonly number[]): number[] {
  return ends.filter((end) => {
    const rest = text.slice(end, text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end));
    return rest.trim() !== '';
  });
}

const SNIPPET = 30;

export function countBoundaries(article: LanguageArticle, segmenter: Segmenter, into: BoundaryCounts): BoundaryCounts {
  const gold = new Set(article.boundaries);
  const found = new Set(segmenter(article.text, article.lang));
  const snippet = (at: number, mark: string) =>
    `${article.id}: …${article.text.slice(Math.max(0, at - SNIPPET), at)}${mark}${article.text.slice(at, at + SNIPPET).trimEnd()}…`.replace(/\n/g, '¶');
  for (const at of found) {
    if (gold.has(at)) into.truePositives += 1;
    else {
      into.falsePositives += 1;
      into.errors.push(snippet(at, ' ⟂ '));
    }
  }
  for (const at of gold) {
    if (found.has(at)) continue;
    into.falseNegatives += 1;
    into.errors.push(snippet(at, ' ⟂? '));
  }
  return into;
}

export function emptyCounts(): BoundaryCounts {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, errors: [] };
}

export function f1(c: BoundaryCounts): { precision: number; recall: number; f1: number } {
  const precision = c.truePositives / Math.max(1, c.truePositives + c.falsePositives);
  const recall = c.truePositives / Math.max(1, c.truePositives + c.falseNegatives);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
