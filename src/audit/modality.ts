// Modality: whether the source states a thing as done, as coming, or only as possible, proposed or
// planned, and whether the summary keeps it so. "proposed merging" is not "voted to merge", "may be
// gone" is not "will be gone", "plan to publish" is not "had published".
import { STOPWORDS, stem, tokenize } from '../text/words.js';
import { tokenKey, type PreparedSource } from './align.js';
import { perSentence } from './sentence-cache.js';

/** How firmly a clause states the word it governs: tentative < future < fact. */
export type Firmness = 1 | 2 | 3;
const TENTATIVE: Firmness = 1;
const FUTURE: Firmness = 2;
const FACT: Firmness = 3;

/**
 * Words that make the word right after them (fillers aside) less than a fact: modal verbs and the verbs
 * of proposing and planning that take an object ("proposed merging", "would consider an appeal",
 * "needs approval"). A general lexicon of English, not a list drawn from any one article.
 */
const MARKERS: ReadonlyMap<string, Firmness> = new Map([
  ...['may', 'might', 'could', 'possibly', 'perhaps', 'probably', 'likely', 'unlikely', 'should', 'must'].map((w) => [w, TENTATIVE] as const),
  ...['plan', 'plans', 'planned', 'planning', 'propose', 'proposes', 'proposed', 'proposing', 'consider', 'considers', 'considering',
    'need', 'needs', 'pending', 'proposal', 'draft'].map((w) => [w, TENTATIVE] as const),
  ...['will', 'would', 'shall', "won't", "'ll"].map((w) => [w, FUTURE] as const),
]);

/**
 * Words of a time or a chance allowed ("has six months to lodge an appeal"): tentative through "to" only when
 * something is given or had. "cut 130 jobs over the next two years to close a budget gap" is a purpose, done.
 */
const TIME_ALLOWED_WORDS = ['days', 'weeks', 'months', 'years', 'time', 'chance', 'right', 'deadline', 'option'] as const;
const TIME_ALLOWED: ReadonlySet<string> = new Set(TIME_ALLOWED_WORDS);
/** What gives, holds or bounds an allowed time ("has only six more months", "will decide within 28 days whether to"). */
const ALLOWING: ReadonlySet<string> = new Set(['has', 'have', 'had', 'having', 'given', 'gives', 'give', 'gets', 'get', 'got', 'granted', 'with', 'within']);
const ALLOWANCE_REACH = 4;

/** Whether `words[k]` makes what follows its "to" tentative: an intending verb, or a time someone has been given. */
function toMarkerAt(words: readonly string[], k: number): boolean {
  const w = words[k]!;
  if (!TO_MARKERS.has(w)) return false;
  if (!TIME_ALLOWED.has(w)) return true;
  return words.slice(Math.max(0, k - ALLOWANCE_REACH), k).some((x) => ALLOWING.has(x));
}

/**
 * Verbs of intending, asking and offering, which make a thing tentative only through "to": "plans to
 * publish", "urged the government to declare", "offered to back" (but "offered free breakfast" is done).
 */
const TO_MARKERS: ReadonlySet<string> = new Set([
  'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'intended', 'aim', 'aims', 'aimed', 'hope', 'hopes', 'hoped',
  'want', 'wants', 'wanted', 'expect', 'expects', 'expected', 'propose', 'proposes', 'proposed', 'seek', 'seeks', 'sought',
  'urge', 'urges', 'urged', 'ask', 'asks', 'asked', 'need', 'needs', 'recommend', 'recommends', 'recommended', 'offer', 'offers',
  'offered', 'threaten', 'threatens', 'threatened', 'try', 'tries', 'tried', 'prepare', 'prepares', 'preparing', 'call', 'called',
  'likely', 'unlikely', 'due', 'set',
  // "has six months to lodge an appeal": a time allowed for something is not the thing done.
  ...TIME_ALLOWED_WORDS,
]);

/** Words that make what comes before them tentative: "approval was likely", "a clinic is planned". */
const POST_MARKERS: ReadonlySet<string> = new Set([
  'likely', 'unlikely', 'possible', 'expected', 'planned', 'proposed', 'pending', 'uncertain', 'unclear', 'considered', 'hoped',
]);

/** Modal verbs: they govern the verb after them and that verb's object ("may offer a van"). */
const MODAL_VERBS: ReadonlySet<string> = new Set(['may', 'might', 'could', 'should', 'must', 'will', 'would', 'shall']);

/**
 * Words that soften a claim but not a source: "no single official can see" is no firmer than the
 * source's "could see", while the source's "so the roof can be replaced" is a plain purpose; "will decide
 * whether to replace" asserts no replacement.
 */
const CLAIM_MARKERS: ReadonlySet<string> = new Set(['can', 'able', 'whether', 'if', 'potential', 'potentially', 'possible', 'possibly']);

/**
 * Words after which a claim's word is not asserted at all ("before handing patients over"): a word in
 * such a phrase is not held to the source's firmness; the verbs of the claim are.
 */
const NON_FINITE_BEFORE: ReadonlySet<string> = new Set([
  'before', 'after', 'without', 'by', 'for', 'of', 'while', 'when', 'until', 'from', 'on', 'in', 'against', 'with', 'into',
  'at', 'over', 'about', 'under', 'through', 'across', 'between', 'among', 'towards', 'toward',
  // A word after an article is a noun naming the thing ("at a cost of $4.2 million"), not a verb stating it.
  'a', 'an', 'the',
]);

/** Words a noun phrase's head may have before it: "at a cost of $4.2 million" is a phrase after "of". */
const QUANTITY_WORDS: ReadonlySet<string> = new Set(['million', 'billion', 'thousand', 'hundred', 'about', 'nearly', 'almost', 'some', 'around']);

/** The word before the phrase the word at `i` ends, skipping numbers and quantity words. */
function phraseStart(words: readonly string[], i: number): string {
  let k = i - 1;
  while (k >= 0 && (/^\d/.test(words[k]!) || QUANTITY_WORDS.has(words[k]!))) k -= 1;
  return words[k] ?? '';
}

/** Words that may stand between a marker and the word it governs: "may not be gone", "plans to publish". */
const FILLERS: ReadonlySet<string> = new Set([
  'be', 'been', 'being', 'have', 'has', 'had', 'to', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'not', 'still',
  'also', 'soon', 'eventually', 'then', 'first', 'now', 'only', 'further', 'yet', 'later', 'again', 'formally', 'fully',
]);

/**
 * After "to", the marker may govern through an object: "urged the government to declare", "expect most
 * customers to be reconnected". This many words back from "to" are searched.
 */
const TO_REACH = 4;

/** Shorter keys are numbers' leftovers; three letters are words a source states ("cut", "van", "bus"). */
const MIN_KEY = 3;

const CLAUSE_SPLIT_RE = /[,;:—–()“”"]+/;
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Words are compared on a stem prefix a little shorter than the aligner's, so that "approved" meets
 * "approval" and "declared" meets "declaration".
 */
const KEY_LENGTH = 6;

/**
 * Irregular past forms news copy uses, to their base: "has built" must meet "plans to build". A general
 * table of English irregular verbs.
 */
const IRREGULAR_PAST: ReadonlyMap<string, string> = new Map(
  Object.entries({
    built: 'build', sold: 'sell', held: 'hold', paid: 'pay', made: 'make', met: 'meet', won: 'win', lost: 'lose',
    left: 'leave', led: 'lead', began: 'begin', begun: 'begin', bought: 'buy', brought: 'bring', took: 'take',
    taken: 'take', gave: 'give', given: 'give', wrote: 'write', written: 'write', chose: 'choose', chosen: 'choose',
    spent: 'spend', sent: 'send', ran: 'run', rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', grew: 'grow',
    grown: 'grow', drew: 'draw', drawn: 'draw', found: 'find', kept: 'keep', sought: 'seek', struck: 'strike',
    spoke: 'speak', spoken: 'speak', sank: 'sink', shut: 'shut',
  }),
);

/** Keys of words, remembered: every word of every evidence sentence is read. Emptied past its size. */
const keyOfWord = new Map<string, string>();
const REMEMBERED_WORDS = 20_000;

function wordKey(word: string): string {
  let key = keyOfWord.get(word);
  if (key === undefined) {
    if (keyOfWord.size >= REMEMBERED_WORDS) keyOfWord.clear();
    key = stem(IRREGULAR_PAST.get(word) ?? word).slice(0, KEY_LENGTH);
    keyOfWord.set(word, key);
  }
  return key;
}

/** Any word that can make a sentence tentative: a sentence with none is read no further. */
const TENTATIVE_WORD_RE = new RegExp(
  String.raw`\b(?:${[...new Set([...[...MARKERS].filter(([, f]) => f === TENTATIVE).map(([w]) => w), ...TO_MARKERS])].join('|')})\b`,
  'i',
);

/** Any word that can make a sentence less than a fact, the future included. */
const ANY_MARKER_RE = new RegExp(String.raw`\b(?:${[...new Set([...MARKERS.keys(), ...TO_MARKERS, ...POST_MARKERS])].join('|')})\b`, 'i');

/** Read every word: a source sentence's firmness is computed once for all the claims it backs. */
const ALL_KEYS: ReadonlySet<string> = new Set();

export interface FirmnessAt {
  firmness: Firmness;
  /** The marker and the word, as written ("may be gone"), for the finding. */
  span: string;
}

/**
 * For each key in `keys`, the firmest way the text states it. `lenient` reads the text as a claim: any
 * marker earlier in the word's clause softens it ("he hoped another bookseller would rent"), and a word
 * after a preposition is not asserted at all; the source side is read strictly.
 */
export function firmnessOf(text: string, keys: ReadonlySet<string>, lenient = false): Map<string, FirmnessAt> {
  const out = new Map<string, FirmnessAt>();
  for (const clause of text.split(CLAUSE_SPLIT_RE)) {
    const words = [...clause.matchAll(TOKEN_RE)].map((m) => m[0].toLowerCase().replace('’', "'"));
    // Most clauses hold no marker: every word in them is stated as a fact, and none is searched.
    const marked = words.some((w) => MARKERS.has(w) || TO_MARKERS.has(w) || POST_MARKERS.has(w) || (lenient && CLAIM_MARKERS.has(w)));
    words.forEach((word, i) => {
      if (/^\d/.test(word)) return;
      const key = wordKey(word);
      if ((keys !== ALL_KEYS && !keys.has(key)) || STOPWORDS.has(word)) return;
      if (lenient && NON_FINITE_BEFORE.has(phraseStart(words, i))) return;
      if (!marked) {
        if (out.get(key)?.firmness !== FACT) out.set(key, { firmness: FACT, span: word });
        return;
      }
      const direct = markerBefore(words, i) ?? (lenient ? undefined : governingMarker(words, i) ?? markerAfter(words, i));
      const loose = lenient ? anyMarkerInClause(words, i) : undefined;
      const found = loose && (!direct || loose.firmness < direct.firmness) ? loose : direct;
      const at: FirmnessAt = found ? { firmness: found.firmness, span: words.slice(Math.min(found.at, i), Math.max(found.at, i) + 1).join(' ') } : { firmness: FACT, span: word };
      const prior = out.get(key);
      if (!prior || prior.firmness < at.firmness) out.set(key, at);
    });
  }
  return out;
}

/**
 * The softest marker anywhere in the word's clause, before it ("he hoped another bookseller would rent")
 * or after it ("a new clinic is planned for 2027", "approval was likely").
 */
function anyMarkerInClause(words: readonly string[], i: number): { firmness: Firmness; at: number } | undefined {
  let softest: { firmness: Firmness; at: number } | undefined;
  for (let k = words.length - 1; k >= 0; k--) {
    if (k === i) continue;
    const w = words[k]!;
    const firmness =
      k > i
        ? POST_MARKERS.has(w) || (toMarkerAt(words, k) && words[k + 1] === 'to') ? TENTATIVE : MODAL_VERBS.has(w) ? MARKERS.get(w) : undefined
        : MARKERS.get(w) ?? (toMarkerAt(words, k) || CLAIM_MARKERS.has(w) ? TENTATIVE : undefined);
    if (firmness && (!softest || firmness < softest.firmness)) softest = { firmness, at: k };
  }
  return softest;
}

/**
 * Words that end a marker's reach over the verb it governs and that verb's object: a new clause ("that",
 * "which", "but", "and") or a verb of its own ("is", "had").
 */
const SCOPE_BOUNDARIES: ReadonlySet<string> = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'and', 'but', 'or', 'because', 'after', 'before',
  'until', 'since', 'although', 'though', 'if', 'unless', 'so', 'as', 'is', 'are', 'was', 'were', 'has', 'had', 'have',
  'said', 'says', 'did', 'does',
]);

/** Words a marker reaches over to the words of its verb's object: "may offer a mobile library van on Saturdays". */
const OBJECT_REACH = 7;

/**
 * The marker governing the verb whose object holds the word: "may offer a mobile library van" makes
 * "van" as tentative as "offer", "plans to open a new outpatient clinic" makes "clinic" planned.
 */
function governingMarker(words: readonly string[], i: number): { firmness: Firmness; at: number } | undefined {
  for (let k = i - 1; k >= 0 && k >= i - OBJECT_REACH; k--) {
    const w = words[k]!;
    if (SCOPE_BOUNDARIES.has(w)) return undefined;
    const firmness = MODAL_VERBS.has(w) ? MARKERS.get(w) : toMarkerAt(words, k) && words.slice(k + 1, i).includes('to') ? TENTATIVE : undefined;
    if (firmness) return adopted(words, k) ? undefined : { firmness, at: k };
  }
  return undefined;
}

/** The verbs that join a subject to a post-marker ("approval was likely", "a clinic is still planned"). */
const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'remains', 'remained', 'seems', 'seemed', 'still', 'now', 'also']);

/** Words after a subject that its predicate may hold before a post-marker: "approval was likely". */
const POST_REACH = 3;

/**
 * A post-marker right after the word: "approval was likely", "a new clinic is planned" (but "no layoffs
 * were planned" says there will be none).
 */
function markerAfter(words: readonly string[], i: number): { firmness: Firmness; at: number } | undefined {
  if (['no', 'not', 'never'].includes(words[i - 1] ?? '')) return undefined;
  for (let k = i + 1; k < words.length && k <= i + POST_REACH; k++) {
    if (POST_MARKERS.has(words[k]!)) return { firmness: TENTATIVE, at: k };
    // Only through a copula: in "member Daria Novak proposed paying", "proposed" is what she did.
    if (!COPULAS.has(words[k]!)) return undefined;
  }
  return undefined;
}

function markerBefore(words: readonly string[], i: number): { firmness: Firmness; at: number } | undefined {
  const found = nearestMarker(words, i);
  return found && adopted(words, found.at) ? undefined : found;
}

function nearestMarker(words: readonly string[], i: number): { firmness: Firmness; at: number } | undefined {
  let j = i - 1;
  while (j >= 0 && FILLERS.has(words[j]!)) {
    const firmness = MARKERS.get(words[j]!);
    if (firmness) return { firmness, at: j };
    j -= 1;
  }
  const direct = j >= 0 ? MARKERS.get(words[j]!) : undefined;
  if (direct) return { firmness: direct, at: j };
  if (words[i - 1] !== 'to' && !words.slice(j + 1, i).includes('to')) return undefined;
  for (let k = j; k >= 0 && k >= j - TO_REACH; k--) {
    if (toMarkerAt(words, k)) return { firmness: TENTATIVE, at: k };
  }
  return undefined;
}

/**
 * "approved a plan to close": a plan or proposal that was adopted is a decision, and "approved closing"
 * says no more than it.
 */
const ADOPTION_VERBS: ReadonlySet<string> = new Set(['approved', 'adopted', 'passed', 'agreed', 'backed', 'endorsed', 'signed', 'accepted', 'ratified']);
const PLAN_NOUNS: ReadonlySet<string> = new Set(['plan', 'plans', 'proposal', 'proposals', 'draft']);

function adopted(words: readonly string[], at: number): boolean {
  if (!PLAN_NOUNS.has(words[at]!)) return false;
  const before = words.slice(Math.max(0, at - 3), at).filter((w) => !FILLERS.has(w) && w !== 'its' && w !== 'this');
  return before.length > 0 && ADOPTION_VERBS.has(before[before.length - 1]!);
}

export interface ModalityShift {
  claim: string;
  source: string;
  sentence: number;
}

/**
 * A word the claim states more firmly than any evidence sentence does, where the source states it
 * only as possible, proposed or planned.
 */
export function modalityShift(text: string, evidence: readonly number[], source: PreparedSource): ModalityShift | undefined {
  // Most evidence states everything as fact; then no claim can be firmer, and the claim is not read.
  const firmness = (i: number) => perSentence(source, 'firmness', i, (t) => firmnessOf(t, ALL_KEYS));
  const hedged = (i: number) =>
    perSentence(source, 'hedged', i, (t) => TENTATIVE_WORD_RE.test(t) && [...firmness(i).values()].some((at) => at.firmness === TENTATIVE));
  if (!evidence.some(hedged)) return undefined;
  const marked = (i: number) => perSentence(source, 'marked', i, (t) => ANY_MARKER_RE.test(t));
  // The claim's words every source sentence holding them states only tentatively: only those can shift.
  // A word another sentence states as done or coming may be what the claim took from there.
  // The sentences holding a word, by the aligner's key for it (a little longer than this check's).
  const holding = (word: string) => source.postings.get(tokenKey(word, source.language) ?? '') ?? [];
  const tentative = new Map<string, FirmnessAt & { sentence: number }>();
  for (const word of tokenize(text)) {
    const key = wordKey(word);
    if (key.length < MIN_KEY || tentative.has(key)) continue;
    // A sentence without a tentative marker states all its words as facts: it is only asked whether it holds the word.
    const first = evidence.find((i) => (hedged(i) ? firmness(i).has(key) : holding(word).includes(i)));
    if (first === undefined || !hedged(first)) continue;
    const at = firmness(first).get(key)!;
    if (at.firmness !== TENTATIVE) continue;
    // The firmest the whole source states the word: a claim may be as firm as that, no firmer.
    const firmest = Math.max(...[first, ...holding(word)].map((i) => (marked(i) ? (firmness(i).get(key)?.firmness ?? FACT) : FACT))) as Firmness;
    if (firmest === FACT) continue;
    tentative.set(key, { ...at, firmness: firmest, sentence: first });
  }
  if (tentative.size === 0) return undefined;
  for (const [key, c] of firmnessOf(text, new Set(tentative.keys()), true)) {
    const s = tentative.get(key)!;
    if (c.firmness > s.firmness) return { claim: c.span, source: s.span, sentence: s.sentence };
  }
  return undefined;
}
