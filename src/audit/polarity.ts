// Polarity and quantity helpers for the rule backend: negation scoped to the words it negates,
// antonym pairs news copy flips.
import { STOPWORDS, stem, tokenize } from '../text/words.js';

const NEGATION_CUES = new Set(['not', 'never', 'no', 'neither', 'nor', 'none', 'nobody', 'nothing', 'without', "n't", 'cannot']);

/**
 * A negation negates the words right after it: "will not open this summer" negates "open", and "No
 * state money is involved: the town will pay" says nothing against "the town will pay". Two content
 * words is the reach of a negation over an auxiliary ("not be opened", "never fully recovered").
 */
const NEGATION_REACH = 2;

/** Key length used by the aligner (see align.ts): negation scope is checked on the same keys. */
const KEY_LENGTH = 7;

/** The words negation is read over: content words and the negation cues. */
export function negationWords(text: string): string[] {
  return tokenize(text.replace(/n[’']t\b/g, " n't")).filter((t) => NEGATION_CUES.has(t) || !STOPWORDS.has(t));
}

export function negatesMatched(text: string | readonly string[], matched: ReadonlySet<string>): boolean {
  const content = typeof text === 'string' ? negationWords(text) : text;
  for (let i = 0; i < content.length; i++) {
    if (!NEGATION_CUES.has(content[i]!)) continue;
    for (let j = i + 1; j <= i + NEGATION_REACH && j < content.length; j++) {
      if (matched.has(stem(content[j]!).slice(0, KEY_LENGTH))) return true;
    }
  }
  return false;
}

/**
 * Pairs of words that state opposite outcomes in news copy. A general lexicon of common opposites (as
 * a thesaurus lists them), not a list drawn from any one article.
 */
const ANTONYMS: ReadonlyArray<readonly [string, string]> = [
  ['approv', 'reject'], ['prais', 'critic'], ['support', 'oppos'], ['accept', 'reject'], ['open', 'clos'],
  ['rais', 'cut'], ['increas', 'decreas'], ['increas', 'cut'], ['won', 'lost'], ['win', 'los'], ['follow', 'ignor'],
  ['satisfi', 'unsatisfi'], ['allow', 'ban'], ['allow', 'forbid'], ['agre', 'disagre'], ['confirm', 'deni'],
  ['hire', 'fire'], ['expand', 'shrink'], ['rise', 'fall'], ['rose', 'fell'], ['gain', 'los'], ['legal', 'illegal'],
  ['safe', 'unsafe'], ['pass', 'fail'], ['acquit', 'convict'], ['guilty', 'innocent'], ['before', 'after'],
  ['for', 'against'], ['enough', 'insufficient'], ['start', 'end'], ['began', 'ended'], ['resum', 'suspend'],
  ['lift', 'impos'], ['welcom', 'condemn'], ['higher', 'lower'], ['more', 'less'], ['doubl', 'halv'],
  ['kill', 'injur'], ['kill', 'wound'], ['die', 'surviv'], ['dead', 'injur'], ['grant', 'refus'], ['grant', 'deni'],
  ['grant', 'reject'], ['arrest', 'releas'], ['buy', 'sell'], ['bought', 'sold'], ['lend', 'borrow'], ['lease', 'sell'],
  ['lease', 'sold'], ['favour', 'against'], ['favor', 'against'], ['scrap', 'charg'], ['scrap', 'keep'], ['abolish', 'introduc'],
  ['resign', 'fire'], ['resign', 'dismiss'], ['import', 'export'], ['extend', 'shorten'], ['delay', 'advanc'],
  ['upheld', 'overturn'], ['uphold', 'quash'], ['upheld', 'quash'], ['guilty', 'acquit'], ['wider', 'narrower'],
  ['minority', 'majority'], ['profit', 'loss'], ['surplus', 'deficit'],
];

/** Stems of a text, remembered: the same source sentences are evidence for many summary sentences. */
const stemCache = new Map<string, string[]>();
/** Enough for a long article and its summary; the cache is emptied past it, so memory stays bounded. */
const STEM_CACHE_SIZE = 2_000;

function stemsOf(text: string): string[] {
  let stems = stemCache.get(text);
  if (!stems) {
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stems = tokenize(text).map(stem);
    stemCache.set(text, stems);
  }
  return stems;
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
    for (const w of stemsOf(text)) {
      if (ANTONYM_WORDS.has(w)) found.add(w);
      for (let n = MIN_PREFIX; n < w.length; n++) if (ANTONYM_WORDS.has(w.slice(0, n))) found.add(w.slice(0, n));
    }
    antonymCache.set(text, found);
  }
  return found;
}

/** The first antonym pair with one word in the claim and the other (but not the first) in the evidence. */
export function antonymFlip(claim: string, evidence: string): [string, string] | undefined {
  const claimWords = antonymWordsOf(claim);
  if (claimWords.size === 0) return undefined;
  const evidenceWords = antonymWordsOf(evidence);
  for (const [a, b] of ANTONYMS) {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      if (claimWords.has(x) && !claimWords.has(y) && evidenceWords.has(y) && !evidenceWords.has(x)) return [x, y];
    }
  }
  return undefined;
}

/**
 * "will stay closed" for the source's "will not open": a negated word whose antonym the claim uses
 * states the same thing, so it is no contradiction.
 */
export function negatedAntonym(claim: string, evidence: string): boolean {
  const tokens = tokenize(evidence.replace(/n[’']t\b/g, " n't"));
  const claimWords = stemsOf(claim);
  for (let i = 0; i < tokens.length; i++) {
    if (!NEGATION_CUES.has(tokens[i]!)) continue;
    for (let j = i + 1; j <= i + NEGATION_REACH + 1 && j < tokens.length; j++) {
      const word = stem(tokens[j]!);
      for (const [a, b] of ANTONYMS) {
        const opposite = word.startsWith(a) ? b : word.startsWith(b) ? a : undefined;
        if (opposite && claimWords.some((w) => w.startsWith(opposite))) return true;
      }
    }
  }
  return false;
}
