// Sentence splitting for news copy, written by hand rather than taken from a general-purpose library:
// those splitters break on news honorifics ("Mr. Rubio"), datelines and attributed quotes
// ("…both countries,” Mr. Rubio said.), and they return strings, while summaries and audits need exact
// character offsets back into the article to show their provenance.
//
// The scan is linear: each paragraph is visited once, and at every run of terminal punctuation a
// handful of constant-time checks decide whether it ends a sentence. What those checks read (abbreviations,
// openers, ordinals, quotation marks) is the article language's table (languages/<code>.ts), so the same
// scan splits "am 1. Mai", "M. Dupont", "EE. UU." and « … » as their languages write them.

import type { Sentence } from '../model.js';
import { languageProfile, type LanguageProfile, type SentenceRules } from './languages/index.js';

/**
 * A run of sentence-ending punctuation; "..." and "?!" count as one terminal. It is run over one line
 * at a time: over the whole text, each line's search would run on past the line's end, which on text
 * made of many unpunctuated lines (headings, lists) is quadratic.
 */
const TERMINAL_RUN_RE = /[.?!…]+/g;

/** How many opening marks to look through for the next sentence's first letter (“‘ nested quotes, —¿ dialogue). */
const MAX_OPENING_MARKS = 2;

/** Spaces allowed between a spaced quotation mark and its words (« Oui », — Demain). */
const MAX_MARK_SPACES = 2;

/** A letter or digit that can start a sentence; lowercase never does in edited news copy. */
const SENTENCE_START_RE = /[\p{Lu}\p{N}]/u;

const DIGIT_RE = /\p{N}/u;

/** Letters and dots, the material of abbreviations like "Mr", "U.S" and "a.m". */
const ABBREVIATION_CHAR_RE = /[\p{L}.]/u;

/** Dotted acronyms (U.S., D.C., a.m.) once the final period is removed. */
const DOTTED_ACRONYM_RE = /^(?:\p{L}\.)+\p{L}$/u;

/** A single capital letter: an initial, as in "J. R. Talley". */
const INITIAL_RE = /^\p{Lu}$/u;

const ALL_CAPS_RE = /^\p{Lu}{2,}$/u;

/** The word that opens the next sentence, used against the language's openers. */
const NEXT_WORD_RE = /\p{L}+/uy;

/**
 * A number right before a period, as an ordinal or a day is written where ordinals take a period
 * ("am 14. März", "zum 3. Mal", "am 14.3. um"), with the word before it. Years and longer numbers are
 * never ordinals here: "im Jahr 2019. Die…" ends its sentence.
 */
const ORDINAL_BEFORE_RE = /(?:^|[^\p{L}\p{N}.])(\p{L}+)?\s*(?:\d{1,2}\.\d{1,2}|\d{1,3})$/u;
/** Characters before a period read for an ordinal and the word before it. */
const ORDINAL_WINDOW = 24;

const QUESTION_OR_EXCLAMATION_RE = /[?!]/;

const WHITESPACE_RE = /\s/;

/**
 * Splits article text into sentences with exact offsets: `text.slice(s.start, s.end) === s.text`,
 * and each sentence is trimmed. Every non-blank line is a paragraph of its own, because plain-text
 * articles usually put one paragraph on a line; a blank line is just a wider gap. A line without final
 * punctuation (a heading, a caption) therefore becomes a sentence of its own. `lang` is the article's
 * language tag ("de", "fr-CA"); its abbreviations, ordinals and quotation marks decide where sentences
 * end (languages/), and text of no known language is split by the English rules.
 */
export function splitSentences(text: string, lang?: string): Sentence[] {
  const profile = languageProfile(lang);
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (splitParagraph(profile, text, lineStart, lineEnd, paragraph, sentences)) paragraph += 1;
    lineStart = lineEnd + 1;
  }
  return sentences;
}

/** Appends the sentences of text[from, to) to `out`; returns false when the line is blank. */
function splitParagraph(profile: LanguageProfile, text: string, from: number, to: number, paragraph: number, out: Sentence[]): boolean {
  const rules = profile.sentences;
  let start = skipWhitespace(text, from, to);
  if (start >= to) return false;
  const line = text.slice(from, to);
  TERMINAL_RUN_RE.lastIndex = start - from;
  for (let match = TERMINAL_RUN_RE.exec(line); match; match = TERMINAL_RUN_RE.exec(line)) {
    const terminal = match[0];
    const runStart = from + match.index;
    let end = runStart + terminal.length;
    while (end < to && rules.closingMarks.has(text.charAt(end))) end += 1;
    end = spacedClosing(rules, text, end, to);
    // "4.5", "U.S.," and "example.com" continue the sentence; the paragraph end is handled below.
    if (end >= to || !WHITESPACE_RE.test(text.charAt(end))) continue;
    const next = skipWhitespace(text, end, to);
    if (next >= to) continue;
    const closed = end > runStart + terminal.length;
    if (!endsSentence(profile, text, start, runStart, terminal, closed, next, to)) continue;
    pushSentence(text, start, end, paragraph, out);
    start = next;
    TERMINAL_RUN_RE.lastIndex = next - from;
  }
  pushSentence(text, start, to, paragraph, out);
  return true;
}

/** Past a closing mark written after a space (French « Oui. »), if one follows `end`; else `end`. */
function spacedClosing(rules: SentenceRules, text: string, end: number, to: number): number {
  if (rules.spacedClosingMarks.size === 0) return end;
  let at = end;
  while (at < to && at - end < MAX_MARK_SPACES && WHITESPACE_RE.test(text.charAt(at))) at += 1;
  if (at === end || at >= to || !rules.spacedClosingMarks.has(text.charAt(at))) return end;
  at += 1;
  while (at < to && rules.closingMarks.has(text.charAt(at))) at += 1;
  return at;
}

/**
 * Decides whether the terminal run at `at` (followed, if `closed`, by closing quotes or brackets)
 * ends the sentence that began at `start`, given that the next sentence would begin at `next`.
 */
function endsSentence(
  profile: LanguageProfile,
  text: string,
  start: number,
  at: number,
  terminal: string,
  closed: boolean,
  next: number,
  to: number,
): boolean {
  const rules = profile.sentences;
  const first = firstLetter(rules, text, next, to);
  if (!SENTENCE_START_RE.test(text.charAt(first)) && !opensInLowercase(rules, text, next)) return false;

  if (terminal === '.' && !closed) {
    if (rules.ordinalCues.size > 0 && isOrdinal(profile, text, start, at, first)) return false;
    const multiPart = multiPartBefore(rules, text, start, at);
    if (multiPart) return multiPart === 'final' || (multiPart === 'unless-opener' && rules.openers.has(wordAt(text, first)));
    const word = compoundAbbreviation(rules, abbreviationBefore(text, start, at));
    if (rules.beforeNumber.has(word) && DIGIT_RE.test(text.charAt(first))) return false;
    if (isListed(rules.nonTerminal, word)) return false;
    if (isListed(rules.sentenceFinal, word) || DOTTED_ACRONYM_RE.test(word) || INITIAL_RE.test(word)) {
      return rules.openers.has(wordAt(text, first));
    }
    return true;
  }

  if (closed && rules.attributionAfterQuote && QUESTION_OR_EXCLAMATION_RE.test(terminal)) {
    rules.attributionAfterQuote.lastIndex = first;
    if (rules.attributionAfterQuote.test(text)) return false;
  }
  return true;
}

/** Where the next sentence's first letter would be: past opening quotes, brackets and dialogue dashes. */
function firstLetter(rules: SentenceRules, text: string, next: number, to: number): number {
  let first = next;
  for (let marks = 0; marks < MAX_OPENING_MARKS && first < to && rules.openingMarks.has(text.charAt(first)); marks++) {
    const mark = text.charAt(first);
    first += 1;
    if (!rules.spacedOpeningMarks.has(mark)) continue;
    for (let spaces = 0; spaces < MAX_MARK_SPACES && first < to && WHITESPACE_RE.test(text.charAt(first)); spaces++) first += 1;
  }
  return first;
}

/** Dutch ’s and ’t open sentences in lowercase ("’s Avonds sloot de brug."). */
function opensInLowercase(rules: SentenceRules, text: string, next: number): boolean {
  return rules.lowercaseOpeners.some((opener) => text.startsWith(opener, next) && WHITESPACE_RE.test(text.charAt(next + opener.length)));
}

/**
 * Whether the period at `at` closes an ordinal or a day: the number before it is short and the next word
 * a month ("14. März"), or the word before the number is an article or preposition ("zum 3. Mal") and
 * the next word does not open a sentence.
 */
function isOrdinal(profile: LanguageProfile, text: string, start: number, at: number, first: number): boolean {
  const rules = profile.sentences;
  if (!DIGIT_RE.test(text.charAt(at - 1))) return false;
  const match = ORDINAL_BEFORE_RE.exec(text.slice(Math.max(start, at - ORDINAL_WINDOW), at));
  if (!match) return false;
  const next = wordAt(text, first);
  if (monthWords(profile).has(next.toLowerCase())) return true;
  const before = match[1]?.toLowerCase();
  return before !== undefined && rules.ordinalCues.has(before) && !rules.openers.has(next) && next !== '';
}

/** Month names and abbreviations the ordinal rule reads, per language; made on first use. */
const MONTH_WORDS = new WeakMap<LanguageProfile, ReadonlySet<string>>();

function monthWords(profile: LanguageProfile): ReadonlySet<string> {
  let months = MONTH_WORDS.get(profile);
  if (!months) MONTH_WORDS.set(profile, (months = new Set(profile.facts.months.flat())));
  return months;
}

/** The kind of a multi-part abbreviation ("z. B", "EE. UU") ending right before the period at `at`. */
function multiPartBefore(rules: SentenceRules, text: string, start: number, at: number): string | undefined {
  if (rules.multiPart.size === 0) return undefined;
  for (const [parts, kind] of rules.multiPart) {
    const from = at - parts.length;
    if (from >= start && text.startsWith(parts, from) && !ABBREVIATION_CHAR_RE.test(text.charAt(from - 1))) return kind;
    const joined = parts.replaceAll(' ', '');
    const joinedFrom = at - joined.length;
    if (joinedFrom >= start && text.startsWith(joined, joinedFrom) && !ABBREVIATION_CHAR_RE.test(text.charAt(joinedFrom - 1))) return kind;
  }
  return undefined;
}

/** The letters-and-dots token that ends right before the period at `at` ("Mr", "U.S", "a.m"). */
function abbreviationBefore(text: string, start: number, at: number): string {
  let from = at;
  while (from > start && ABBREVIATION_CHAR_RE.test(text.charAt(from - 1))) from -= 1;
  return text.slice(from, at);
}

/** "Bahnhofstr" is read as "Str" where the language writes compound abbreviations. */
function compoundAbbreviation(rules: SentenceRules, word: string): string {
  for (const [ending, listed] of rules.compoundEndings) if (word.length > ending.length && word.endsWith(ending)) return listed;
  return word;
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
