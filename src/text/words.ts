// Word-level helpers shared by the summarizer and the auditor: tokens, counts, stopwords, stems, for the
// language whose profile is given (English when none is).
import { english, type LanguageProfile } from './languages/index.js';

// A word token: letters and digits, joined across inner periods and apostrophes so that "4.5", "u.s"
// and "mexico's" stay whole, and across a comma only between digits ("1,000"). As a Unicode regex:
//   [\p{L}\p{N}]+(?:(?:[.'’]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}]+)*
// which scanWords below follows character by character.

/** Outside ASCII, whether a character is a letter or digit is left to Unicode properties. */
const WORDLIKE_RE = /[\p{L}\p{N}]/u;
const WHITESPACE_RE = /\s/;
const FIRST_NON_ASCII = 128;

/** Curly apostrophes are normalized so "Mexico’s" and "Mexico's" are the same token. */
const CURLY_APOSTROPHE_RE = /’/g;

/** English stopwords (languages/en.ts), for callers that read English only. */
export const STOPWORDS: ReadonlySet<string> = english.words.stopwords;

/** An elided article or preposition and the word it leans on: "l'article", "dell'anno", "qu'il". */
const ELISION_RE = /^([\p{L}]{1,7})'(\p{L}.*)$/u;

/**
 * Suffixes the light stemmer removes, longest first; the first that fits wins. A hand-written light
 * stemmer instead of Porter or a dependency: we only need "arrests", "arrested" and "arresting" to meet
 * within one article, and a short, predictable rule list is easier to reason about in an audit than a
 * full morphological algorithm.
 */
const SUFFIX_RULES: ReadonlyArray<readonly [suffix: string, replacement: string]> = [
  ['sses', 'ss'],
  ['ies', 'y'],
  ['ing', ''],
  ['ed', ''],
  ['s', ''],
];

/** No suffix is removed if less than this would remain: "bus", "gas" and "has" keep their s. */
const MIN_STEM_LENGTH = 3;

/** Words the suffix rules would conflate with a different word ("news" is not the plural of "new"). */
const STEM_EXCEPTIONS: ReadonlySet<string> = new Set(['news', 'series', 'species', 'always', 'perhaps']);

/** Endings after which a final s is part of the word, not a plural ("boss", "census", "crisis"). */
const KEEP_FINAL_S_RE = /(?:ss|us|is)$/;

/** A doubled final consonant left by -ing/-ed ("stopp" → "stop"); l, s, z double in the base form. */
const DOUBLED_CONSONANT_RE = /([b-df-hj-km-rtv-y])\1$/;

/**
 * Lowercased word tokens in order, keeping numbers like "4.5" and words with apostrophes; where the
 * language elides ("l’article", "dell’anno"), the word without its elided article.
 */
export function tokenize(text: string, language: LanguageProfile = english): string[] {
  return wordTokens(text.toLowerCase(), language);
}

/**
 * Word tokens in order with their case kept, for callers that need to tell names from words: the
 * tokens described at the top of this file, found by a character loop. Unicode-aware regexes are the costly part of
 * summarizing and auditing, and outside ASCII (rare in news copy) the loop asks WORDLIKE_RE per character.
 */
export function wordTokens(text: string, language: LanguageProfile = english): string[] {
  const straight = text.includes('’') ? text.replace(CURLY_APOSTROPHE_RE, "'") : text;
  const out: string[] = [];
  scanWords(straight, (start, end) => out.push(straight.slice(start, end)));
  const { elisions } = language.words;
  if (elisions.size === 0 || !straight.includes("'")) return out;
  return out.map((token) => {
    const elided = token.includes("'") ? ELISION_RE.exec(token) : null;
    return elided && elisions.has(elided[1]!.toLowerCase()) ? elided[2]! : token;
  });
}

/** Where each word token starts and ends in `text` (curly apostrophes join words as straight ones do). */
export function wordSpans(text: string): { start: number; end: number }[] {
  const straight = text.includes('’') ? text.replace(CURLY_APOSTROPHE_RE, "'") : text;
  const out: { start: number; end: number }[] = [];
  scanWords(straight, (start, end) => out.push({ start, end }));
  return out;
}

function scanWords(straight: string, visit: (start: number, end: number) => void): void {
  const n = straight.length;
  let i = 0;
  while (i < n) {
    const first = wordCharLength(straight, i);
    if (first === 0) {
      i += 1;
      continue;
    }
    const start = i;
    let end = i + first;
    for (;;) {
      for (let step = wordCharLength(straight, end); step > 0; step = wordCharLength(straight, end)) end += step;
      const joiner = straight.charCodeAt(end);
      const joins = joiner === 46 || joiner === 39 || (joiner === 44 && isDigitBefore(straight, end) && isDigitAt(straight, end + 1));
      const next = joins ? wordCharLength(straight, end + 1) : 0;
      if (next === 0) break;
      end += 1 + next;
    }
    visit(start, end);
    i = end;
  }
}

/** Length in UTF-16 units of the letter or digit at `at`, or 0 when there is none. */
export function wordCharLength(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (code < FIRST_NON_ASCII) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 1 : 0;
  const char = String.fromCodePoint(text.codePointAt(at)!);
  return WORDLIKE_RE.test(char) ? char.length : 0;
}

const DIGIT_RE = /\p{N}/u;

function isDigitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < FIRST_NON_ASCII) return code >= 48 && code <= 57;
  return at < text.length && DIGIT_RE.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Whether the character ending right before `at` is a digit (a surrogate pair counts as one). */
function isDigitBefore(text: string, at: number): boolean {
  const low = text.charCodeAt(at - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return start >= 0 && isDigitAt(text, start);
}

/**
 * Words as a reader counts them: whitespace-separated chunks holding a letter or digit, so a lone
 * "—" is not a word. A character loop rather than a regex: this runs on every sentence and summary,
 * and Unicode-aware regexes cost more than the rest of the summarizer.
 */
export function wordCount(text: string): number {
  let count = 0;
  let countedChunk = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code, text, i)) {
      countedChunk = false;
    } else if (!countedChunk && isWordCharacter(code, text, i)) {
      count += 1;
      countedChunk = true;
    }
  }
  return count;
}

function isWhitespace(code: number, text: string, at: number): boolean {
  if (code < FIRST_NON_ASCII) return code === 32 || (code >= 9 && code <= 13);
  return WHITESPACE_RE.test(text.charAt(at));
}

function isWordCharacter(code: number, text: string, at: number): boolean {
  if (code < FIRST_NON_ASCII) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  return WORDLIKE_RE.test(text.charAt(at));
}

/** Tokens that carry content: `tokenize` minus the language's stopwords. */
export function contentTokens(text: string, language: LanguageProfile = english): string[] {
  const { stopwords } = language.words;
  return tokenize(text, language).filter((token) => !stopwords.has(token));
}

/**
 * A light stem of a lowercased token in `language`: English by its own rules (`stem`); other languages
 * strip their profile's suffixes, plural and gender endings, so "Fähre" and "Fähren", "alcalde" and
 * "alcaldes" meet within one article.
 */
export function stemIn(token: string, language: LanguageProfile): string {
  const { suffixes, minStem } = language.words;
  return suffixes ? stripSuffix(token, suffixes, minStem) : stem(token);
}

function stripSuffix(token: string, suffixes: NonNullable<LanguageProfile['words']['suffixes']>, minStem: number): string {
  const word = token.endsWith("'s") ? token.slice(0, -2) : token;
  for (const [suffix, replacement] of suffixes) {
    if (word.length - suffix.length >= minStem && word.endsWith(suffix)) return word.slice(0, word.length - suffix.length) + replacement;
  }
  return word;
}

/** A light stem of a lowercased English token (see SUFFIX_RULES for why it is light). */
export function stem(token: string): string {
  let word = token.endsWith("'s") ? token.slice(0, -2) : token;
  if (STEM_EXCEPTIONS.has(word)) return word;
  for (const [suffix, replacement] of SUFFIX_RULES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < MIN_STEM_LENGTH) continue;
    if (suffix === 's' && KEEP_FINAL_S_RE.test(word)) break;
    word = word.slice(0, word.length - suffix.length) + replacement;
    if (suffix === 'ing' || suffix === 'ed') word = word.replace(DOUBLED_CONSONANT_RE, '$1');
    break;
  }
  // "cooperate", "cooperated" and "cooperating" all meet at "cooperat".
  if (word.length > MIN_STEM_LENGTH + 1 && word.endsWith('e')) word = word.slice(0, -1);
  return word;
}
