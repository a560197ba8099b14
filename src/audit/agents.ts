// A body put in another's place as the one who acts: "The regional college will spend 3 million dollars on
// a retraining fund" where the source says "The company said it would … spend 3 million dollars on a
// retraining fund run with the regional college"; "The students' union will ballot its members" where it
// says "the lecturers' union … said the union would ballot members". Names swapped in place are the
// substitution check's (substitution.ts); this one reads bodies named by common nouns, which carry no capital.
//
// The claim must open with such a body as its subject ("The national farmers' union said it would …"). Its
// predicate (what the body does, the words after the subject and any "said it would") is looked for in one
// source sentence; the words of that sentence before the predicate's verb are who does it there. When they
// name another body and not the claim's, or the claim's with another owner ("lecturers' union" for
// "students' union"), the claim gave the act to the wrong body. A subject the source writes as a name, a
// person or a pronoun is left alone: a body may be named so ("Ardlow said" for "the company said").
import { wordKeys, type PreparedSource } from './align.js';
import { english } from '../text/languages/index.js';

/** Common nouns that name a body that acts: the heads of the subjects this check reads. */
const BODY_NOUNS: ReadonlySet<string> = new Set([
  'union', 'college', 'university', 'school', 'council', 'county', 'city', 'town', 'township', 'borough',
  'municipality', 'board', 'committee', 'commission', 'company', 'firm', 'operator', 'ministry', 'department',
  'government', 'agency', 'authority', 'regulator', 'court', 'police', 'team', 'club', 'bank', 'cooperative',
  'trust', 'charity', 'foundation', 'association', 'federation', 'party', 'hospital', 'museum', 'library',
  'airline', 'airport', 'contractor', 'insurer', 'employer', 'institute', 'society', 'league', 'service', 'office',
]);

/**
 * Bodies one story may call by either word: the firm is the company, the city its council. A claim naming
 * one where the source names the other is the same body, not a swap.
 */
const SAME_BODY: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['company', 'firm', 'operator', 'employer', 'contractor', 'insurer', 'airline']),
  new Set(['council', 'city', 'town', 'township', 'borough', 'municipality', 'county']),
  new Set(['college', 'university', 'school', 'institute']),
  new Set(['board', 'committee', 'commission', 'council']),
  new Set(['ministry', 'department', 'government', 'agency', 'authority', 'regulator', 'office']),
  new Set(['union', 'association', 'federation', 'league', 'society']),
  new Set(['charity', 'foundation', 'trust']),
];

/** Words between "The" and the head of a body's name ("the national farmers' union"). */
const MAX_MODIFIERS = 4;

/**
 * Share of the predicate's keys one source sentence must hold for its words before the verb to be read as
 * who does it there: below it, the sentence states something else.
 */
const SAME_ACT = 0.6;

/** Fewest predicate keys worth the check: "will decide" alone says too little to find the act. */
const MIN_ACT_KEYS = 2;

/** Auxiliaries and modal verbs: between the subject and its act ("will", "has"), and after "said it". */
const AUXILIARIES = 'will|would|has|have|had|is|are|was|were|could|can|may|might|must';

/** Auxiliaries and frames between the subject and the act: "said it would", "has", "will", "plans to". */
const FRAME_RE = new RegExp(
  String.raw`^(?:(?:said|says|announced|confirmed|told \S+|added)\s+(?:that\s+)?(?:it|they)\s+(?:${AUXILIARIES})\s+|(?:${AUXILIARIES}|plans to|agreed to|voted to|decided to)\s+)+`,
);

/** The word after a body's name that says it is the subject: an auxiliary, a frame, or a verb in -s or -ed. */
const VERB_AFTER_RE = new RegExp(String.raw`^(?:${AUXILIARIES}|said|says|told|plans|agreed|voted|decided|announced|\p{Ll}+(?:s|ed))$`, 'u');

/** "The <up to MAX_MODIFIERS words> <body noun> <verb> …": the modifiers, the head as written, and the rest. */
function subjectOf(text: string): { modifiers: string; head: string; rest: string } | undefined {
  const words = text.trim().split(/\s+/);
  if (words[0]?.toLowerCase() !== 'the') return undefined;
  for (let i = 1; i <= MAX_MODIFIERS + 1 && i + 1 < words.length; i++) {
    const word = words[i]!;
    if (!BODY_NOUNS.has(word.toLowerCase())) continue;
    if (!VERB_AFTER_RE.test(words[i + 1]!)) return undefined;
    return { modifiers: words.slice(1, i).join(' '), head: word, rest: words.slice(i + 1).join(' ') };
  }
  return undefined;
}

export interface AgentSwap {
  /** The claim's subject, as written. */
  claim: string;
  /** The body the source's sentence gives the act to. */
  source: string;
  sentence: number;
}

/** The claim's subject as the wrong body for what the source says another body does, if it is one. */
export function agentSwap(text: string, source: PreparedSource): AgentSwap | undefined {
  if (source.language !== english) return undefined;
  const subject = subjectOf(text);
  if (!subject) return undefined;
  const head = subject.head.toLowerCase();
  const owner = ownerOf(subject.modifiers);
  const claim = `${subject.modifiers} ${subject.head}`.trim();
  const act = subject.rest.replace(FRAME_RE, '');
  const keys = [...new Set(wordKeys(act, source.language))];
  if (keys.length < MIN_ACT_KEYS) return undefined;
  const found = bestSentence(keys, source);
  if (found === undefined) return undefined;
  const sentence = source.sentences[found]!.text;
  const before = wordsBefore(sentence, keys[0]!, source);
  if (!before) return undefined;
  const named = before.map((w) => w.toLowerCase().replace(POSSESSIVE_RE, ''));
  if (named.includes(head)) {
    // The same body, unless the source gives it another owner there and never the claim's.
    if (!owner || named.includes(owner)) return undefined;
    const other = named.findIndex((_, i) => named[i + 1] === head && POSSESSIVE_RE.test(before[i]!));
    return other < 0 ? undefined : { claim, source: `${before[other]!} ${head}`, sentence: found };
  }
  for (let i = named.length - 1; i >= 0; i--) {
    const word = named[i]!;
    if (!BODY_NOUNS.has(word)) continue;
    if (SAME_BODY.some((group) => group.has(word) && group.has(head))) return undefined;
    return { claim, source: before.slice(Math.max(0, i - 1), i + 1).join(' '), sentence: found };
  }
  return undefined;
}

/** The possessive that owns the head ("students'" in "the national students' union"), lowercased. */
function ownerOf(modifiers: string): string | undefined {
  const words = modifiers.trim().split(/\s+/).filter(Boolean);
  const last = words[words.length - 1];
  return last ? possessive(last) : undefined;
}

/** "'s" or a bare apostrophe ending a word: "union's", "students'". */
const POSSESSIVE_RE = /[’']s?$/;

function possessive(word: string): string | undefined {
  return POSSESSIVE_RE.test(word) ? word.toLowerCase().replace(POSSESSIVE_RE, '') : undefined;
}

/** The sentence holding most of the act's keys, when it holds SAME_ACT of them and its verb. */
function bestSentence(keys: string[], source: PreparedSource): number | undefined {
  const counts = new Map<number, number>();
  for (const key of keys) for (const i of source.postings.get(key) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
  let best: number | undefined;
  let most = 0;
  for (const [i, n] of counts) {
    if (n > most || (n === most && best !== undefined && i < best)) [best, most] = [i, n];
  }
  if (best === undefined || most / keys.length < SAME_ACT || !source.keys[best]!.has(keys[0]!)) return undefined;
  return best;
}

/** The words of a sentence before the first one whose key is `verb`, or undefined when none has it. */
function wordsBefore(sentence: string, verb: string, source: PreparedSource): string[] | undefined {
  const words = sentence.match(/[\p{L}][\p{L}’'\-]*/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    if (wordKeys(words[i]!, source.language)[0] === verb) return words.slice(0, i);
  }
  return undefined;
}
