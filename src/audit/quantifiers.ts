// Quantifier scope: one resident's words given to "residents", "most customers" made "all customers".
// A claim may widen what the source says of one person or of part of a group only by being wrong.
import { stem, tokenize } from '../text/words.js';
import type { PreparedSource } from './align.js';
import { perSentence } from './sentence-cache.js';

/**
 * A plural group as a claim's subject, speaking or expecting: "Residents said", "Hotel owners near the
 * airport expect", "Parents wrote". Up to two qualifying words before the noun, a short phrase after it.
 */
const GROUP_SUBJECT_RE =
  /^(?:(?:some|many|several|local|other|the|all|most)\s+)*(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?((?:[\p{L}’'-]+\s+){0,2}?)(\p{L}+s)\b((?:\s+(?:near|in|at|of|from|on|across|around)\s+[\p{L}’'\s-]{1,40}?)?)(?:\s+(?:who|that)\s+[^,]{1,40}?)?\s+(?:have\s+|had\s+|also\s+)?(?:said|say|wrote|write|told|tell|warned|warn|complained|complain|expect|expected|fear|feared|believe|believed|argued|argue|claimed|claim|posted|described|praised|criticized|criticised|welcomed|called|urged|hope|hoped|worry|worried)\b/u;

/** Plural words that are not groups of people speaking ("news", "series") or are quantities. */
const NOT_GROUPS: ReadonlySet<string> = new Set(['news', 'series', 'species', 'this', 'its', 'his', 'was', 'has', 'is', 'always', 'perhaps', 'plans', 'results']);

/** Openers skipped before a subject ("On Tuesday,", "But"). */
const OPENER_RE = /^(?:(?:but|and|yet|meanwhile|later|still|also)\s*,?\s+)*(?:(?:on|at|in|during|after|before)\b[^,]{0,60},\s+)?/i;

export interface GroupSubject {
  /** The group as written ("Hotel owners near the airport"). */
  group: string;
  /** Stem of the plural noun ("owner"). */
  noun: string;
  /** What the group is said to have said or done: the claim after its verb. */
  said: string;
}

/** The plural group a claim makes its speaker, if any. */
export function groupSubject(text: string): GroupSubject | undefined {
  const opened = text.replace(OPENER_RE, '');
  // "The three board members": the determiner is read in lowercase, the rest as written.
  const head = opened.charAt(0).toLowerCase() + opened.slice(1);
  const m = GROUP_SUBJECT_RE.exec(head);
  if (!m) return undefined;
  const plural = m[2]!.toLowerCase();
  if (NOT_GROUPS.has(plural) || /ss$/.test(plural)) return undefined;
  // A capitalized noun is a name ("Ardent Bank's" is not a group); only the sentence's first word may be.
  const words = `${m[1]!}${m[2]!}`.trim().split(/\s+/);
  if (words.slice(1).some((w) => /^\p{Lu}/u.test(w))) return undefined;
  return { group: `${m[1]!}${m[2]!}${m[3] ?? ''}`.trim(), noun: stem(plural), said: head.slice(m[0].length) };
}

/**
 * One unnamed person as a source sentence's speaker: "A software engineer who asked not to be named
 * said", "One resident told the meeting", "Another shortlisted author wrote".
 */
const SINGLE_SPEAKER_RE =
  /^(?:(?:but|and|meanwhile|later)\s*,?\s+)?((?:a|an|one|another)\s+(?:[\p{Ll}’'-]+\s+){0,3}?\p{Ll}+(?<!s))\b(?:,[^,]{1,60},|\s+(?:who|whose|which)\b[^,]{1,60}?)?\s+(?:said|says|told|wrote|writes|posted|added|warned|complained)\b/u;

/** The unnamed person a source sentence quotes ("a software engineer"), if it opens with one. */
export function singleSpeaker(text: string): string | undefined {
  const m = SINGLE_SPEAKER_RE.exec(text.replace(/^[\p{Lu}\s.,'-]+\s[—–-]\s/u, '').replace(/^\p{Lu}/u, (c) => c.toLowerCase()));
  return m ? `“${m[1]!}”` : undefined;
}

/** Whether `text` names the group in the plural ("residents", "hotel owners"), not one of it. */
export function namesGroup(text: string, noun: string): boolean {
  for (const [word] of text.matchAll(PLURAL_WORD_RE)) if (stem(word.toLowerCase()) === noun) return true;
  return false;
}

/** A plural word, unless possessive: "the students' union" names the union, not the students. */
const PLURAL_WORD_RE = /\p{L}+s\b(?![’'])/gu;

/** Universal quantifiers, and the words that say "part of" a group. */
const ALL_WORDS: ReadonlySet<string> = new Set(['all', 'every', 'each', 'both', 'entire', 'whole']);
const PART_WORDS: ReadonlySet<string> = new Set(['most', 'some', 'many', 'several', 'half', 'few', 'majority', 'part', 'nearly', 'almost']);
const ALL_WORD_RE = new RegExp(String.raw`\b(?:${[...ALL_WORDS].join('|')})\b`, 'i');
/** Quantifier and noun may be this many words apart ("all remaining customers", "most of the homes"). */
const QUANTIFIER_REACH = 3;

/** Noun stems the text quantifies, with "all" or "part". */
function quantified(text: string): Map<string, { scope: 'all' | 'part'; word: string }> {
  const words = tokenize(text);
  const out = new Map<string, { scope: 'all' | 'part'; word: string }>();
  words.forEach((w, i) => {
    const scope = ALL_WORDS.has(w) ? 'all' : PART_WORDS.has(w) ? 'part' : undefined;
    if (!scope) return;
    for (let j = i + 1; j <= i + QUANTIFIER_REACH && j < words.length; j++) {
      const noun = words[j]!;
      if (noun.length < 4 || ['the', 'of', 'them', 'those', 'these'].includes(noun)) continue;
      const key = stem(noun);
      if (!out.has(key)) out.set(key, { scope, word: w });
    }
  });
  return out;
}

export interface ScopeShift {
  claim: string;
  source: string;
  noun: string;
  sentence: number;
}

/** "all customers" where the evidence says "most customers": a part widened to the whole. */
export function scopeShift(text: string, evidence: readonly number[], source: PreparedSource): ScopeShift | undefined {
  if (!ALL_WORD_RE.test(text)) return undefined;
  const claim = quantified(text);
  for (const i of evidence) {
    for (const [noun, at] of perSentence(source, 'quantified', i, quantified)) {
      const c = claim.get(noun);
      if (c && c.scope === 'all' && at.scope === 'part') return { claim: c.word, source: at.word, noun, sentence: i };
    }
  }
  return undefined;
}
