// Opposites for the rule backend: pairs of words that state opposite outcomes, found in a claim and its
// evidence, and a negated word restated by its opposite ("will not open" → "will stay closed"). The pairs
// are an English lexicon: in other languages these find nothing.
import { STOPWORDS, stem, tokenize } from '../text/words.js';
import { english, type LanguageProfile } from '../text/languages/index.js';
import { NEGATION_CUES, NEGATION_REACH } from './negation-words.js';

/** Key length used by the aligner (see align.ts): anchors are compared on the same keys. */
const KEY_LENGTH = 7;

/**
 * Pairs of words that state opposite outcomes in news copy. A general lexicon of common opposites (as
 * a thesaurus lists them), not a list drawn from any one article.
 */
const ANTONYMS: ReadonlyArray<readonly [string, string]> = [
  ['approv', 'reject'], ['prais', 'critic'], ['support', 'oppos'], ['accept', 'reject'], ['open', 'clos'],
  ['rais', 'cut'], ['increas', 'decreas'], ['increas', 'cut'], ['won', 'lost'], ['win', 'los'], ['follow', 'ignor'],
  ['satisfi', 'unsatisfi'], ['allow', 'ban'], ['allow', 'forbid'], ['agre', 'disagre'], ['confirm', 'deni'],
  ['hire', 'fire'], ['expand', 'shrink'], ['rise', 'fall'], ['rose', 'fell'], ['gain', 'los'], ['legal', 'illegal'],
  ['safe', 'unsafe'], ['pass', 'fail'], ['acquit', 'convict'], ['guilty', 'innocent'],
  ['for', 'against'], ['enough', 'insufficient'], ['start', 'end'], ['began', 'ended'], ['resum', 'suspend'],
  ['lift', 'impos'], ['welcom', 'condemn'], ['higher', 'lower'], ['more', 'less'], ['doubl', 'halv'],
  ['kill', 'injur'], ['kill', 'wound'], ['die', 'surviv'], ['dead', 'injur'], ['grant', 'refus'], ['grant', 'deni'],
  ['grant', 'reject'], ['arrest', 'releas'], ['buy', 'sell'], ['bought', 'sold'], ['lend', 'borrow'], ['lease', 'sell'],
  ['lease', 'sold'], ['favour', 'against'], ['favor', 'against'], ['scrap', 'charg'], ['scrap', 'keep'], ['abolish', 'introduc'],
  ['resign', 'fire'], ['resign', 'dismiss'], ['import', 'export'], ['extend', 'shorten'], ['delay', 'advanc'],
  ['upheld', 'overturn'], ['uphold', 'quash'], ['upheld', 'quash'], ['guilty', 'acquit'], ['wider', 'narrower'],
  ['minority', 'majority'], ['profit', 'loss'], ['surplus', 'deficit'], ['above', 'below'], ['upstream', 'downstream'],
  ['unanimous', 'divid'], ['unanimous', 'split'], ['attend', 'boycott'], ['inside', 'outside'], ['minimum', 'maximum'],
  ['temporar', 'permanent'], ['suspend', 'end'], ['public', 'private'], ['rural', 'urban'], ['senior', 'junior'],
  ['free', 'pay'], ['free', 'paid'], ['free', 'charg'], ['earlier', 'later'], ['increas', 'fell'], ['increas', 'fall'],
  ...contrasts(['north', 'south', 'east', 'west']),
  ...contrasts(['northern', 'southern', 'eastern', 'western']),
  // Ordinals contrast only beside a word both texts share ("placed first" / "placed second").
  ...contrasts(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'last']),
];

/** Every two members of a closed set of mutually exclusive words. */
function contrasts(words: readonly string[]): [string, string][] {
  return words.flatMap((a, i) => words.slice(i + 1).map((b) => [a, b] as [string, string]));
}

/** A text's words and their stems, remembered: the same source sentences are evidence for many summary sentences. */
interface Forms {
  words: string[];
  stems: string[];
}
const formCache = new Map<string, Forms>();
/** Enough for a long article and its summary; the cache is emptied past it, so memory stays bounded. */
const STEM_CACHE_SIZE = 2_000;

function formsOf(text: string): Forms {
  let forms = formCache.get(text);
  if (!forms) {
    if (formCache.size >= STEM_CACHE_SIZE) formCache.clear();
    const words = tokenize(text);
    forms = { words, stems: words.map(stem) };
    formCache.set(text, forms);
  }
  return forms;
}

/**
 * Whether the word at `i` is `entry` of the opposite pairs: the word as written ("above", "ended") or its
 * stem ("rises" → "rise"), whole or, for entries of MIN_PREFIX letters or more, as a prefix ("approv").
 */
function isEntry(forms: Forms, i: number, entry: string): boolean {
  for (const w of [forms.words[i]!, forms.stems[i]!]) if (w === entry || (entry.length >= MIN_PREFIX && w.startsWith(entry))) return true;
  return false;
}

/** Every word of the antonym pairs, and the shortest a prefix may be to match a longer word. */
const ANTONYM_WORDS: ReadonlySet<string> = new Set(ANTONYMS.flat());
const MIN_PREFIX = 4;

/**
 * The antonym words a text holds: whole stems, or prefixes of its stems for words of MIN_PREFIX letters
 * or more ("approv" in "approval"). Remembered beside the stems, for the same reason.
 */
const antonymCache = new Map<string, Set<string>>();

function antonymWordsOf(text: string): Set<string> {
  let found = antonymCache.get(text);
  if (!found) {
    if (antonymCache.size >= STEM_CACHE_SIZE) antonymCache.clear();
    found = new Set();
    const { words, stems } = formsOf(text);
    for (let i = 0; i < words.length; i++) {
      for (const w of [words[i]!, stems[i]!]) {
        if (ANTONYM_WORDS.has(w)) found.add(w);
        for (let n = MIN_PREFIX; n < w.length; n++) if (ANTONYM_WORDS.has(w.slice(0, n))) found.add(w.slice(0, n));
      }
    }
    antonymCache.set(text, found);
  }
  return found;
}

/** Whether a text holds any word of an opposite pair. */
export function hasOpposites(text: string, language: LanguageProfile = english): boolean {
  if (language !== english) return false;
  return antonymWordsOf(text).size > 0;
}

/** Each word of the antonym pairs with its opposites. */
const OPPOSITES: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [a, b] of ANTONYMS) {
    out.set(a, [...(out.get(a) ?? []), b]);
    out.set(b, [...(out.get(b) ?? []), a]);
  }
  return out;
})();

/** Pairs of a claim word and its opposite where the claim has the one and not the other, and the evidence the reverse. */
function* flips(claimWords: ReadonlySet<string>, evidenceWords: ReadonlySet<string>): Generator<[string, string]> {
  for (const x of claimWords) {
    if (evidenceWords.has(x)) continue;
    for (const y of OPPOSITES.get(x) ?? []) if (evidenceWords.has(y) && !claimWords.has(y)) yield [x, y];
  }
}

/** The first antonym pair with one word in the claim and the other (but not the first) in the evidence. */
export function antonymFlip(claim: string, evidence: string, language: LanguageProfile = english): [string, string] | undefined {
  if (language !== english) return undefined;
  const claimWords = antonymWordsOf(claim);
  if (claimWords.size === 0) return undefined;
  for (const flip of flips(claimWords, antonymWordsOf(evidence))) return flip;
  return undefined;
}

/** Tokens either side of an opposite searched for a word both texts share. */
const ANCHOR_REACH = 4;

/**
 * An opposite pair where each word stands beside words of `shared` in its own text, closer to the
 * claim's use of its word than any of `others` (the other evidence) that uses the claim's word itself:
 * "placed first" against "placed second", "pay to park on Sundays" against "Parking on Sundays will
 * remain free", but not "vans will still be allowed into the square" against "ban cars from the
 * square" when another sentence says "vans will still be allowed".
 */
export function anchoredFlip(
  claim: string,
  evidence: string,
  shared: ReadonlySet<string>,
  others: readonly string[],
  language: LanguageProfile = english,
): [string, string] | undefined {
  if (language !== english) return undefined;
  const claimWords = antonymWordsOf(claim);
  if (claimWords.size === 0) return undefined;
  for (const [x, y] of flips(claimWords, antonymWordsOf(evidence))) {
    const aroundX = wordsAround(formsOf(claim), x);
    const agree = (around: ReadonlySet<string>, within: ReadonlySet<string> | undefined) =>
      [...around].filter((k) => aroundX.has(k) && (!within || within.has(k)) && !STOPWORDS.has(k)).length;
    const against = agree(wordsAround(formsOf(evidence), y), shared);
    if (against === 0) continue;
    if (others.some((o) => antonymWordsOf(o).has(x) && agree(wordsAround(formsOf(o), x), undefined) >= against)) continue;
    return [x, y];
  }
  return undefined;
}

/** Keys of the words within ANCHOR_REACH tokens of each use of `word` (an entry of the opposite pairs). */
function wordsAround(forms: Forms, word: string): Set<string> {
  const out = new Set<string>();
  const { stems } = forms;
  stems.forEach((_, i) => {
    if (!isEntry(forms, i, word)) return;
    for (let j = Math.max(0, i - ANCHOR_REACH); j <= i + ANCHOR_REACH && j < stems.length; j++) if (j !== i) out.add(stems[j]!.slice(0, KEY_LENGTH));
  });
  return out;
}

/**
 * "will stay closed" for the source's "will not open": a negated word whose antonym the claim uses
 * states the same thing, so it is no contradiction.
 */
export function negatedAntonym(claim: string, evidence: string, language: LanguageProfile = english): boolean {
  if (language !== english) return false;
  const opposites = negatedOppositesOf(evidence);
  if (opposites.length === 0) return false;
  const { words, stems } = formsOf(claim);
  return opposites.some((opposite) => words.some((w) => w.startsWith(opposite)) || stems.some((w) => w.startsWith(opposite)));
}

/** The opposites of the words a text's negations reach ("not open" → "clos"), remembered by text. */
const oppositesCache = new Map<string, string[]>();

function negatedOppositesOf(text: string): string[] {
  let found = oppositesCache.get(text);
  if (!found) {
    if (oppositesCache.size >= STEM_CACHE_SIZE) oppositesCache.clear();
    found = [];
    for (const word of negatedStemsOf(text)) {
      for (const [a, b] of ANTONYMS) {
        if (word.startsWith(a)) found.push(b);
        else if (word.startsWith(b)) found.push(a);
      }
    }
    oppositesCache.set(text, found);
  }
  return found;
}

/** Stems of the words a text's negations reach, remembered by text: sources are read by many claims. */
const negatedCache = new Map<string, string[]>();

function negatedStemsOf(text: string): string[] {
  let found = negatedCache.get(text);
  if (!found) {
    if (negatedCache.size >= STEM_CACHE_SIZE) negatedCache.clear();
    found = [];
    const tokens = tokenize(text.replace(/n[’']t\b/g, " n't"));
    for (let i = 0; i < tokens.length; i++) {
      if (!NEGATION_CUES.has(tokens[i]!)) continue;
      for (let j = i + 1; j <= i + NEGATION_REACH + 1 && j < tokens.length; j++) found.push(tokens[j]!, stem(tokens[j]!));
    }
    negatedCache.set(text, found);
  }
  return found;
}
