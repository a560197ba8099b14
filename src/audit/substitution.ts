// Names swapped within a sentence the source states: "heading in a corner from Ivo Sandell" where the
// source's sentence says "from midfielder Luca Brandt", "The Meridal Savings Foundation will print" where
// it says "Her publisher, Tidewater Press, said it would print", "the Veldorian capital" where it says
// "the Kastrani capital".
// The claim is lined up with each evidence sentence word by word (their longest common subsequence); where
// both sides differ between the same neighbours, the claim's side holds a name the sentence never uses and
// the source's side a name the claim never uses, the claim put a name in another's place. A name added
// beside the source's words is a combination, and one put where the source has common words ("the city")
// may be the same thing named: neither is a swap.
import { NOT_NAME_WORDS, properNouns, ROLE_WORDS } from '../text/entities.js';
import { STOPWORDS, stem, wordSpans } from '../text/words.js';
import { coverageBy, type PreparedSource } from './align.js';
import { perSentence, perSource } from './sentence-cache.js';

/** Key length used by the aligner (see align.ts): words are lined up on the same keys. */
const KEY_LENGTH = 7;

/** Prepositions after which a name is where something happened: a swapped one is a changed place. */
const LOCATIVE: ReadonlySet<string> = new Set(['at', 'in', 'near', 'to', 'from', 'outside', 'inside', 'on', 'into', 'across', 'via']);

/** Words searched back from a swapped name for a locative preposition ("in the Veldorian capital"). */
const PLACE_REACH = 3;

/**
 * An evidence sentence is lined up with the claim only when it alone holds this share of the claim's
 * words: then both state one fact, and a difference between them is a change, not a combination.
 */
const SAME_FACT = 0.5;

/** Longest differing stretch read as one name put in another's place (claim side, source side). */
const MAX_CLAIM_SPAN = 4;
const MAX_SOURCE_SPAN = 5;

/** Two names sharing this many first letters are one name's forms ("Reswa's", "Reswan"). */
const SAME_NAME_PREFIX = 5;

interface Word {
  text: string;
  /** Lowercased, without a possessive. */
  lower: string;
  key: string;
  /** Capitalized where a common word would not be: a name (or part of one). */
  name: boolean;
  /** Whether only spaces separate it from the word before (no comma, no dropped function word). */
  adjacent: boolean;
  /** The lowercased text before it, for the locative test. */
  before: string;
}

export interface NameSwap {
  /** The claim's words in the swapped place, as written. */
  claim: string;
  /** The source's words in that place. */
  source: string;
  sentence: number;
  /** Whether the swapped name is where something happened (a place) rather than who did it. */
  place: boolean;
}

/** Whether the source writes a word capitalized (as a name), and whether it writes it in lowercase. */
interface SourceNames {
  capitalized(word: string): boolean;
  lowercase(word: string): boolean;
}

/** Characters before a word searched for a locative preposition ("in the Veldorian capital"). */
const PLACE_CHARS = 24;

/** Content words in order, each with its key and whether it is a name. */
function words(text: string, names: SourceNames): Word[] {
  const out: Word[] = [];
  const spans = wordSpans(text);
  let previousEnd = -1;
  spans.forEach(({ start, end }, i) => {
    const token = text.slice(start, end);
    const lower = token.toLowerCase().replace(/['’]s$/, '');
    const isStopword = STOPWORDS.has(lower) || isDigit(token.charCodeAt(0));
    const gapEnd = previousEnd;
    previousEnd = isStopword ? -1 : end;
    if (isStopword) return;
    const capital = isUpper(token) && lower !== token && !NOT_NAME_WORDS.has(lower) && !ROLE_WORDS.has(lower);
    // The first word of a sentence is capitalized anyway: a name only if the source never writes it in lowercase.
    const name = capital && (i > 0 || (names.capitalized(token) && !names.lowercase(lower)));
    const adjacent = gapEnd >= 0 && spans[i - 1]!.end === gapEnd && text.slice(gapEnd, start).trim() === '';
    out.push({ text: token, lower, key: keyOf(lower), name, adjacent, before: text.slice(Math.max(0, start - PLACE_CHARS), start).toLowerCase() });
  });
  return out;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isUpper(token: string): boolean {
  const code = token.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : /^\p{Lu}/u.test(token);
}

/** Word keys, remembered: the same words recur in every claim and sentence. Emptied past its size. */
const keyCache = new Map<string, string>();
const REMEMBERED_KEYS = 20_000;

function keyOf(lower: string): string {
  let key = keyCache.get(lower);
  if (key === undefined) {
    if (keyCache.size >= REMEMBERED_KEYS) keyCache.clear();
    keyCache.set(lower, (key = stem(lower).slice(0, KEY_LENGTH)));
  }
  return key;
}

/** Whether a preposition that puts things in a place stands within a few words before. */
function locative(before: string): boolean {
  return before.split(/\s+/).slice(-PLACE_REACH - 1).some((w) => LOCATIVE.has(w));
}

/** Pairs of indexes (claim, evidence) of a longest common subsequence of keys. */
function commonSubsequence(a: readonly Word[], b: readonly Word[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] = a[i]!.key === b[j]!.key ? table[at(i + 1, j + 1)]! + 1 : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i]!.key === b[j]!.key) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (table[at(i + 1, j)]! >= table[at(i, j + 1)]!) i += 1;
    else j += 1;
  }
  return pairs;
}

/** How the source writes its words, read from its text on demand: most claims ask about one or two. */
function sourceNames(source: PreparedSource): SourceNames {
  const found = perSource(source, 'written', () => new Map<string, boolean>());
  const has = (word: string) => {
    let yes = found.get(word);
    if (yes === undefined) found.set(word, (yes = writes(source.text, word)));
    return yes;
  };
  return { capitalized: has, lowercase: has };
}

/** Whether `text` holds `word` as a whole word, in this case. */
function writes(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isWordChar(text.charCodeAt(at - 1)) && !isWordChar(text.charCodeAt(at + word.length))) return true;
  }
  return false;
}

/** Letters and digits, ASCII or not (NaN, outside the text, is neither). */
function isWordChar(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

/** The first swapped name between the claim and one of the evidence sentences that state its fact. */
export function nameSwap(text: string, keys: readonly string[], evidence: readonly number[], source: PreparedSource, nouns: readonly string[] = properNouns(text)): NameSwap | undefined {
  // Only a name the sentence never uses can have been put in another's place: most claims have none.
  const candidates = nouns.map((n) => n.toLowerCase());
  if (candidates.length === 0) return undefined;
  const names = sourceNames(source);
  let read: { claim: Word[]; claimKeys: Set<string> } | undefined;
  for (const i of evidence) {
    if (coverageBy(keys, source, i) < SAME_FACT) continue;
    const sentence = perSentence(source, 'substitution-words', i, (t) => words(t, names));
    const inSentence = perSentence(source, 'substitution-lower', i, () => new Set(sentence.map((w) => w.lower)));
    if (candidates.every((n) => inSentence.has(n))) continue;
    if (!read) {
      const claimWords = words(text, names);
      read = { claim: claimWords, claimKeys: new Set(claimWords.map((w) => w.key)) };
    }
    const { claim, claimKeys } = read;
    const swapped = (w: Word) => w.name && !inSentence.has(w.lower) && names.capitalized(w.text);
    const pairs = commonSubsequence(claim, sentence);
    // Stretches where both differ between the same matched neighbours (or before the first match).
    let previous: [number, number] = [-1, -1];
    for (const [c1, e1] of [...pairs, [claim.length, sentence.length] as [number, number]]) {
      const [c0, e0] = [previous[0] + 1, previous[1] + 1];
      previous = [c1, e1];
      if (c1 === c0 || e1 === e0 || c1 - c0 > MAX_CLAIM_SPAN || e1 - e0 > MAX_SOURCE_SPAN) continue;
      const ours = claim.slice(c0, c1);
      const theirs = sentence.slice(e0, e1);
      const ourNames = ours.filter(swapped);
      const theirNames = theirs.filter((w) => w.name && !claimKeys.has(w.key) && !ourNames.some((o) => sameName(o, w)));
      if (ourNames.length === 0 || theirNames.length === 0) continue;
      if (ourNames.every((o) => theirs.some((w) => sameName(o, w)))) continue;
      // A person is who, never where, whatever preposition stands before the name.
      const person = ourNames.some((w) => source.people.people.has(w.lower));
      const place = !person && ourNames.some((w) => locative(w.before));
      return { claim: ours.map((w) => w.text).join(' '), source: theirs.map((w) => w.text).join(' '), sentence: i, place };
    }
    const modifier = modifierSwap(claim, sentence, claimKeys, inSentence);
    if (modifier) return { ...modifier, sentence: i };
  }
  return undefined;
}

function sameName(a: Word, b: Word): boolean {
  return a.lower === b.lower || (a.lower.length >= SAME_NAME_PREFIX && b.lower.startsWith(a.lower.slice(0, SAME_NAME_PREFIX)));
}

/**
 * "the Veldorian capital" where the source says "the Kastrani capital": a name right before a word
 * both use, different in each, neither in the other's sentence.
 */
function modifierSwap(claim: readonly Word[], sentence: readonly Word[], claimKeys: ReadonlySet<string>, inSentence: ReadonlySet<string>): Omit<NameSwap, 'sentence'> | undefined {
  for (let i = 1; i < claim.length; i++) {
    const head = claim[i]!;
    const ours = claim[i - 1]!;
    if (head.name || !ours.name || !head.adjacent || inSentence.has(ours.lower)) continue;
    for (let j = 1; j < sentence.length; j++) {
      const theirs = sentence[j - 1]!;
      if (sentence[j]!.key !== head.key || !sentence[j]!.adjacent || !theirs.name || claimKeys.has(theirs.key) || sameName(ours, theirs)) continue;
      return { claim: `${ours.text} ${head.text}`, source: `${theirs.text} ${sentence[j]!.text}`, place: locative(ours.before) };
    }
  }
  return undefined;
}
