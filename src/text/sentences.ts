// Sentence splitting for news copy, written by hand rather than taken from a general-purpose library:
// those splitters break on news honorifics ("Mr. Rubio"), datelines and attributed quotes
// ("…both countries,” Mr. Rubio said.), and they return strings, while summaries and audits need exact
// character offsets back into the article to show their provenance.
//
// The scan is linear: each paragraph is visited once, and at every run of terminal punctuation a
// handful of constant-time checks decide whether it ends a sentence.

import type { Sentence } from '../model.js';
import {
  COMMON_SENTENCE_OPENERS,
  NON_TERMINAL_ABBREVIATIONS,
  SENTENCE_FINAL_ABBREVIATIONS,
} from './abbreviations.js';

/**
 * A run of sentence-ending punctuation; "..." and "?!" count as one terminal. It is run over one line
 * at a time: over the whole text, each line's search would run on past the line's end, which on text
 * made of many unpunctuated lines (headings, lists) is quadratic.
 */
const TERMINAL_RUN_RE = /[.?!…]+/g;

/** Characters that close a quotation or aside after the terminal and still belong to the sentence. */
const CLOSING_MARKS: ReadonlySet<string> = new Set(['"', "'", '”', '’', ')', ']', '»']);

/** Characters that may open the next sentence before its first letter (“Yes,” (See…). */
const OPENING_MARKS: ReadonlySet<string> = new Set(['"', "'", '“', '‘', '(', '[', '«']);

/** How many opening marks to look through for the next sentence's first letter (“‘ nested quotes). */
const MAX_OPENING_MARKS = 2;

/** A letter or digit that can start a sentence; lowercase never does in edited news copy. */
const SENTENCE_START_RE = /[\p{Lu}\p{N}]/u;

/** Letters and dots, the material of abbreviations like "Mr", "U.S" and "a.m". */
const ABBREVIATION_CHAR_RE = /[\p{L}.]/u;

/** Dotted acronyms (U.S., D.C., a.m.) once the final period is removed. */
const DOTTED_ACRONYM_RE = /^(?:\p{L}\.)+\p{L}$/u;

/** A single capital letter: an initial, as in "J. R. Talley". */
const INITIAL_RE = /^\p{Lu}$/u;

const ALL_CAPS_RE = /^\p{Lu}{2,}$/u;

/** The word that opens the next sentence, used against COMMON_SENTENCE_OPENERS. */
const NEXT_WORD_RE = /\p{L}+/uy;

/**
 * After a question or exclamation inside quotes, news copy attributes it without a comma:
 * “Why now?” Mr. Rubio asked. We keep the two together when one to four capitalized words and an
 * attribution verb follow and the verb closes the clause (“asked.”, “said,”); “Engineers said it
 * was.” carries on past the verb, so it is a new sentence that answers the quote.
 */
const ATTRIBUTION_AFTER_QUOTE_RE =
  /(?:[\p{Lu}][\p{L}.'’-]*\s+){1,4}(?:said|says|asked|asks|added|adds|replied|shouted|wrote|insisted)[.,;!?]/uy;

const QUESTION_OR_EXCLAMATION_RE = /[?!]/;

const WHITESPACE_RE = /\s/;

/**
 * Splits article text into sentences with exact offsets: `text.slice(s.start, s.end) === s.text`,
 * and each sentence is trimmed. Every non-blank line is a paragraph of its own, because plain-text
 * articles usually put one paragraph on a line; a blank line is just a wider gap. A line without final
 * punctuation (a heading, a caption) therefore becomes a sentence of its own.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (splitParagraph(text, lineStart, lineEnd, paragraph, sentences)) paragraph += 1;
    lineStart = lineEnd + 1;
  }
  return sentences;
}

/** Appends the sentences of text[from, to) to `out`; returns false when the line is blank. */
function splitParagraph(text: string, from: number, to: number, paragraph: number, out: Sentence[]): boolean {
  let start = skipWhitespace(text, from, to);
  if (start >= to) return false;
  const line = text.slice(from, to);
  TERMINAL_RUN_RE.lastIndex = start - from;
  for (let match = TERMINAL_RUN_RE.exec(line); match; match = TERMINAL_RUN_RE.exec(line)) {
    const terminal = match[0];
    const runStart = from + match.index;
    let end = runStart + terminal.length;
    while (end < to && CLOSING_MARKS.has(text.charAt(end))) end += 1;
    // "4.5", "U.S.," and "example.com" continue the sentence; the paragraph end is handled below.
    if (end >= to || !WHITESPACE_RE.test(text.charAt(end))) continue;
    const next = skipWhitespace(text, end, to);
    if (next >= to) continue;
    const closed = end > runStart + terminal.length;
    if (!endsSentence(text, start, runStart, terminal, closed, next, to)) continue;
    pushSentence(text, start, end, paragraph, out);
    start = next;
    TERMINAL_RUN_RE.lastIndex = next - from;
  }
  pushSentence(text, start, to, paragraph, out);
  return true;
}

/**
 * Decides whether the terminal run at `at` (followed, if `closed`, by closing quotes or brackets)
 * ends the sentence that began at `start`, given that the next sentence would begin at `next`.
 */
function endsSentence(
  text: string,
  start: number,
  at: number,
  terminal: string,
  closed: boolean,
  next: number,
  to: number,
): boolean {
  let first = next;
  while (first < to && first - next < MAX_OPENING_MARKS && OPENING_MARKS.has(text.charAt(first))) first += 1;
  if (!SENTENCE_START_RE.test(text.charAt(first))) return false;

  if (terminal === '.' && !closed) {
    const word = abbreviationBefore(text, start, at);
    if (isListed(NON_TERMINAL_ABBREVIATIONS, word)) return false;
    if (isListed(SENTENCE_FINAL_ABBREVIATIONS, word) || DOTTED_ACRONYM_RE.test(word) || INITIAL_RE.test(word)) {
      return COMMON_SENTENCE_OPENERS.has(wordAt(text, first));
    }
    return true;
  }

  if (closed && QUESTION_OR_EXCLAMATION_RE.test(terminal)) {
    ATTRIBUTION_AFTER_QUOTE_RE.lastIndex = first;
    if (ATTRIBUTION_AFTER_QUOTE_RE.test(text)) return false;
  }
  return true;
}

/** The letters-and-dots token that ends right before the period at `at` ("Mr", "U.S", "a.m"). */
function abbreviationBefore(text: string, start: number, at: number): string {
  let from = at;
  while (from > start && ABBREVIATION_CHAR_RE.test(text.charAt(from - 1))) from -= 1;
  return text.slice(from, at);
}

/** Looks a token up as written, and all-caps datelines ("ST. LOUIS") in title case too. */
function isListed(table: ReadonlySet<string>, word: string): boolean {
  if (table.has(word)) return true;
  if (!ALL_CAPS_RE.test(word)) return false;
  return table.has(word.charAt(0) + word.slice(1).toLowerCase());
}

function wordAt(text: string, at: number): string {
  NEXT_WORD_RE.lastIndex = at;
  return NEXT_WORD_RE.exec(text)?.[0] ?? '';
}

function skipWhitespace(text: string, from: number, to: number): number {
  let at = from;
  while (at < to && WHITESPACE_RE.test(text.charAt(at))) at += 1;
  return at;
}

/** Appends text[from, to) trimmed, if anything is left, with its index in the article. */
function pushSentence(text: string, from: number, to: number, paragraph: number, out: Sentence[]): void {
  let start = from;
  let end = to;
  while (start < end && WHITESPACE_RE.test(text.charAt(start))) start += 1;
  while (end > start && WHITESPACE_RE.test(text.charAt(end - 1))) end -= 1;
  if (end <= start) return;
  out.push({ index: out.length, text: text.slice(start, end), start, end, paragraph });
}
