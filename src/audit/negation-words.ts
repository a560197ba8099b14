// How a text negates: negation cues ("not", "never", "lacked", "failed to", "lagged behind") and the words they reach, and
// the negations that withhold a fact ("did not say how many") rather than deny one. Read by the polarity
// check (negation.ts) on claims and evidence alike. The cues are the language's (languages/); the verbs
// that negate ("lacked", "failed to") and the withholding verbs are English.
import { stemIn, tokenize } from '../text/words.js';
import { english, type LanguageProfile } from '../text/languages/index.js';
import { escapeRegExp } from '../text/languages/patterns.js';

export const NEGATION_CUES: ReadonlySet<string> = new Set(['not', 'never', 'no', 'neither', 'nor', 'none', 'nobody', 'nothing', 'without', "n't", 'cannot']);

/** Verbs that negate what they govern: "lacked a bike lane", and with "to", "failed to cover", "declined to say". */
const LACK_WORDS: ReadonlySet<string> = new Set(['lack', 'lacks', 'lacked', 'lacking']);
const NEGATING_BEFORE_TO: ReadonlySet<string> = new Set(['fail', 'fails', 'failed', 'failing', 'decline', 'declines', 'declined', 'refuse', 'refuses', 'refused']);
/** Verbs that negate with the word after them: "lagged behind inflation" (did not keep up), "fell short of". */
const NEGATING_BEFORE: ReadonlyMap<string, string> = new Map([
  ...['lag', 'lags', 'lagged', 'lagging'].map((w) => [w, 'behind'] as const),
  ...['fall', 'falls', 'fell', 'falling', 'fallen'].map((w) => [w, 'short'] as const),
]);

/** Any word readNegation can take for an English cue, "n't" included: built from the lists above. */
const NEGATION_HINT_RE = new RegExp(
  String.raw`\b(?:${[...english.facts.negations, ...LACK_WORDS, ...NEGATING_BEFORE_TO, ...NEGATING_BEFORE.keys()]
    .filter((w) => w !== "n't")
    .map(escapeRegExp)
    .join('|')})\b|n[’']t\b`,
  'i',
);

/** Whether an English text holds any word that can start a negation: one without negates nothing. */
export function mayNegate(text: string): boolean {
  return NEGATION_HINT_RE.test(text);
}

/**
 * Whether a cue is a verb that says its own negation ("lagged behind", "fell short"): it stands for a
 * negated verb of the source's own ("had not kept pace with prices", "did not meet its target") whose
 * object may lie past a plain negation's reach.
 */
export function negatesByMeaning(cue: string): boolean {
  return NEGATING_BEFORE.has(cue);
}

/**
 * A negation negates the words right after it: "will not open this summer" negates "open", and "No
 * state money is involved: the town will pay" says nothing against "the town will pay". Two content
 * words is the reach of a negation over an auxiliary ("not be opened", "never fully recovered").
 */
export const NEGATION_REACH = 2;

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
  /** The language the text was read in: its stems are compared. */
  language: LanguageProfile;
}

/** Verbs whose negation withholds a fact rather than denying one: "did not say", "declined to give". */
const WITHHOLDING_VERBS: ReadonlySet<string> = new Set([
  'say', 'said', 'give', 'gave', 'given', 'comment', 'commented', 'disclose', 'disclosed', 'reveal', 'revealed',
  'specify', 'specified', 'confirm', 'confirmed', 'elaborate', 'explain', 'explained', 'name', 'named', 'know', 'knew',
]);

/** Function words between a cue and the verb it negates ("did not yet say", "declined to say"). */
const BEFORE_VERB: ReadonlySet<string> = new Set(['to', 'yet', 'immediately', 'publicly', 'be', 'been', 'have']);

export function readNegation(text: string, language: LanguageProfile = english): NegationReading {
  const tokens = tokenize(text.replace(/n[’']t\b/g, " n't"), language);
  const { negations } = language.facts;
  const { stopwords } = language.words;
  const inEnglish = language === english;
  const words: string[] = [];
  const cue: boolean[] = [];
  const withholds: (string | undefined)[] = [];
  tokens.forEach((t, i) => {
    const isCue =
      negations.has(t) ||
      (inEnglish && (LACK_WORDS.has(t) || (NEGATING_BEFORE_TO.has(t) && tokens[i + 1] === 'to') || (NEGATING_BEFORE.has(t) && tokens[i + 1] === NEGATING_BEFORE.get(t))));
    if (!isCue && stopwords.has(t)) return;
    words.push(t);
    cue.push(isCue);
    let j = i + 1;
    while (isCue && inEnglish && BEFORE_VERB.has(tokens[j] ?? '')) j += 1;
    withholds.push(isCue && inEnglish && WITHHOLDING_VERBS.has(tokens[j] ?? '') ? tokens[j] : undefined);
  });
  return { words, cue, withholds, language };
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
      if (scope.has(stemIn(words[j]!, read.language).slice(0, KEY_LENGTH))) {
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

/** The keys of a negated span's words, as `negatedSpan` matches a scope: to look for the same negation elsewhere. */
export function spanKeys(span: NegatedSpan, language: LanguageProfile): Set<string> {
  return new Set(span.words.map((word) => stemIn(word, language).slice(0, KEY_LENGTH)));
}

/**
 * The first negation whose reach holds one of `scope`'s keys; with `headOnly`, only the word it
 * negates first ("not survive the cut" negates "survive", whatever follows).
 */
export function negatedSpan(read: NegationReading, scope: ReadonlySet<string>, headOnly = false): NegatedSpan | undefined {
  const { words, cue, language } = read;
  const reach = headOnly ? 1 : NEGATION_REACH;
  const holds = (j: number) => scope.has(stemIn(words[j]!, language).slice(0, KEY_LENGTH));
  for (let i = 0; i < words.length; i++) {
    if (!cue[i]) continue;
    let counted = 0;
    for (let j = i + 1; j < words.length && counted < reach; j++) {
      if (cue[j]) break;
      if (SKIPPED_ADVERBS.has(words[j]!)) continue;
      counted += 1;
      if (holds(j)) return { span: words.slice(i, j + 1).join(' '), words: words.slice(i, j + 1) };
    }
    // Where the negation follows the verb it negates ("Der Rat stimmte nicht zu", "De raad keurde het
    // niet goed"), it reaches as far back too.
    if (!language.facts.negationBefore) continue;
    for (let j = i - 1, back = 0; j >= 0 && back < reach; j--, back++) {
      if (cue[j]) break;
      if (holds(j)) return { span: words.slice(j, i + 1).join(' '), words: words.slice(j, i + 1) };
    }
  }
  return undefined;
}

