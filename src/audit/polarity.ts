// Polarity and quantity helpers for the rule backend: negation scoped to the words it negates,
// antonym pairs news copy flips.
import { STOPWORDS, stem, tokenize } from '../text/words.js';

const NEGATION_CUES = new Set(['not', 'never', 'no', 'neither', 'nor', 'none', 'nobody', 'nothing', 'without', "n't", 'cannot']);

/** Verbs that negate what they govern: "lacked a bike lane", and with "to", "failed to cover", "declined to say". */
const LACK_WORDS: ReadonlySet<string> = new Set(['lack', 'lacks', 'lacked', 'lacking']);
const NEGATING_BEFORE_TO: ReadonlySet<string> = new Set(['fail', 'fails', 'failed', 'failing', 'decline', 'declines', 'declined', 'refuse', 'refuses', 'refused']);

/**
 * A negation negates the words right after it: "will not open this summer" negates "open", and "No
 * state money is involved: the town will pay" says nothing against "the town will pay". Two content
 * words is the reach of a negation over an auxiliary ("not be opened", "never fully recovered").
 */
const NEGATION_REACH = 2;

/** Adverbs a negation reaches over without counting them: "had not yet been detected in the Sierra". */
const SKIPPED_ADVERBS: ReadonlySet<string> = new Set([
  'yet', 'ever', 'always', 'fully', 'formally', 'immediately', 'already', 'currently', 'officially', 'publicly',
  'directly', 'properly', 'entirely', 'completely', 'necessarily', 'really', 'actually', 'also', 'still', 'again',
]);

/** Key length used by the aligner (see align.ts): negation scope is checked on the same keys. */
const KEY_LENGTH = 7;

/** A text's words as negation reads them: content words and negation cues, each cue marked. */
export interface NegationReading {
  words: string[];
  cue: boolean[];
  /** For cues that negate a verb of saying or giving ("did not say how many", "declined to give"), that verb: they withhold. */
  withholds: (string | undefined)[];
}

/** Verbs whose negation withholds a fact rather than denying one: "did not say", "declined to give". */
const WITHHOLDING_VERBS: ReadonlySet<string> = new Set([
  'say', 'said', 'give', 'gave', 'given', 'comment', 'commented', 'disclose', 'disclosed', 'reveal', 'revealed',
  'specify', 'specified', 'confirm', 'confirmed', 'elaborate', 'explain', 'explained', 'name', 'named', 'know', 'knew',
]);

/** Function words between a cue and the verb it negates ("did not yet say", "declined to say"). */
const BEFORE_VERB: ReadonlySet<string> = new Set(['to', 'yet', 'immediately', 'publicly', 'be', 'been', 'have']);

export function readNegation(text: string): NegationReading {
  const tokens = tokenize(text.replace(/n[’']t\b/g, " n't"));
  const words: string[] = [];
  const cue: boolean[] = [];
  const withholds: (string | undefined)[] = [];
  tokens.forEach((t, i) => {
    const isCue = NEGATION_CUES.has(t) || LACK_WORDS.has(t) || (NEGATING_BEFORE_TO.has(t) && tokens[i + 1] === 'to');
    if (!isCue && STOPWORDS.has(t)) return;
    words.push(t);
    cue.push(isCue);
    let j = i + 1;
    while (isCue && BEFORE_VERB.has(tokens[j] ?? '')) j += 1;
    withholds.push(isCue && WITHHOLDING_VERBS.has(tokens[j] ?? '') ? tokens[j] : undefined);
  });
  return { words, cue, withholds };
}

/** Words after which a withholding sentence gives what it names. */
const GIVEN_AFTER: ReadonlySet<string> = new Set(['except', 'beyond', 'besides', 'apart']);

/** Content words after a withholding cue that say what was withheld ("did not say how many jobs would be lost"). */
const WITHHELD_REACH = 6;

/** The first withholding negation whose following words hold one of `scope`'s keys. */
export function withheldSpan(read: NegationReading, scope: ReadonlySet<string>): NegatedSpan | undefined {
  const { words, withholds } = read;
  for (let i = 0; i < words.length; i++) {
    if (!withholds[i]) continue;
    for (let j = i + 1; j < words.length && j <= i + WITHHELD_REACH; j++) {
      // "lacked details except that the governments would form a group": what follows "except" is given.
      if (GIVEN_AFTER.has(words[j]!)) break;
      if (scope.has(stem(words[j]!).slice(0, KEY_LENGTH))) {
        const said = [words[i]!, withholds[i]!, ...(j > i + 1 ? ['…'] : []), words[j]!];
        return { span: said.join(' '), words: words.slice(i, j + 1) };
      }
    }
  }
  return undefined;
}

export interface NegatedSpan {
  /** The cue and the words it reaches, as read ("not yet detected sierra"). */
  span: string;
  words: string[];
}

/**
 * The first negation whose reach holds one of `scope`'s keys; with `headOnly`, only the word it
 * negates first ("not survive the cut" negates "survive", whatever follows).
 */
export function negatedSpan(read: NegationReading, scope: ReadonlySet<string>, headOnly = false): NegatedSpan | undefined {
  const { words, cue } = read;
  const reach = headOnly ? 1 : NEGATION_REACH;
  for (let i = 0; i < words.length; i++) {
    if (!cue[i]) continue;
    let counted = 0;
    for (let j = i + 1; j < words.length && counted < reach; j++) {
      if (cue[j]) break;
      if (SKIPPED_ADVERBS.has(words[j]!)) continue;
      counted += 1;
      if (scope.has(stem(words[j]!).slice(0, KEY_LENGTH))) return { span: words.slice(i, j + 1).join(' '), words: words.slice(i, j + 1) };
    }
  }
  return undefined;
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
export function hasOpposites(text: string): boolean {
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
export function antonymFlip(claim: string, evidence: string): [string, string] | undefined {
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
export function anchoredFlip(claim: string, evidence: string, shared: ReadonlySet<string>, others: readonly string[]): [string, string] | undefined {
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
export function negatedAntonym(claim: string, evidence: string): boolean {
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
