// The evaluation's dangling-reference detector: which summary sentences lean on something the summary does
// not contain. Written from the definitions in issue 19, apart from the summarizer (see people.ts): it reads
// only the article text and the summary sentences, so it measures ours and every baseline alike.
//
// A sentence's antecedent is "given" when the summary sentence right before it is the article sentence
// right before it. Kinds:
//   name       a person called by title and surname, or surname alone, before the summary gives the full name
//   pronoun    a pronoun or demonstrative opener without its antecedent sentence
//   definite   "the crowd", "the boat": a definite description whose noun the article introduced in an
//              earlier sentence that the summary left out
//   discourse  "But", "However,", "Also,", "Currently,": a discourse or time opener without its context

import type { Sentence } from '../../src/model.js';
import { splitSentences } from '../../src/text/sentences.js';
import { STOPWORDS, stem, tokenize } from '../../src/text/words.js';
import { nameReferences, peopleWithFullNames } from './people.js';

export type DanglingKind = 'name' | 'pronoun' | 'definite' | 'discourse';
export const DANGLING_KINDS: readonly DanglingKind[] = ['name', 'pronoun', 'definite', 'discourse'];

export interface DanglingReference {
  kind: DanglingKind;
  /** Index of the summary sentence. */
  sentence: number;
  /** The words that point at what is missing. */
  words: string;
}

/** Openers that stand for something named before: personal pronouns, possessives, demonstratives. */
const POINTING_OPENERS: ReadonlySet<string> = new Set([
  'he', 'she', 'they', 'it', 'his', 'her', 'their', 'its', 'him', 'them', 'this', 'that', 'these', 'those', 'such',
]);

/** "This week", "That night" name a time, not an earlier sentence's thing... except "that", which does. */
const DEICTIC_TIME_RE = /^(?:This|These)\s+(?:year|week|month|morning|afternoon|evening|weekend|season|spring|summer|fall|autumn|winter|past|coming)\b/;

/** "It is unclear whether…": "it" that stands for nothing. */
const DUMMY_IT_RE = /^It\s+(?:is|was|will be|would be|has been|had been|remains|remained)\s+(?:not\s+)?(?:unclear|clear|known|likely|unlikely|possible|expected|estimated|too early|the first)\b/;

/**
 * Openers that continue or contrast an earlier claim, or place it in time relative to one. Matched on the
 * opening words; the ones that also start self-contained sentences ("Now the", "Later this month") only
 * count when a comma follows them.
 */
const DISCOURSE_OPENER_RE = new RegExp(
  '^(?:(?:But|However|Also|And|Yet|Instead|Meanwhile|Nevertheless|Nonetheless|Moreover|Furthermore|Additionally|' +
    'Besides|Likewise|Similarly|Otherwise|Therefore|Thus|Hence|Consequently|Then|In addition|As a result|Even so|' +
    'In contrast|By contrast|On the other hand|Since then|By then|Until then|At the time|At that point|After that|' +
    'Before that|In turn|Even then)\\b|(?:Currently|Now|Still|So|Earlier|Later|Previously|Afterward|Afterwards|Today|Separately),)',
);

/**
 * A dateline ("PORT HALLEY — ") does not change what a sentence opens with. A quotation does: "It sounded
 * like thunder," said … points at what the speaker saw, and the attribution tells the reader who that is.
 */
const DATELINE_RE = /^[\p{Lu}][\p{Lu} .'’-]+\s+—\s+/u;

/**
 * Nouns a reader identifies without an introduction: the setting of any news story, units of time, and
 * words that take their reference from what follows ("the rest", "the first").
 */
const SITUATIONAL_NOUNS: ReadonlySet<string> = new Set([
  'city', 'town', 'village', 'county', 'state', 'country', 'nation', 'region', 'area', 'world', 'government',
  'public', 'police', 'weather', 'time', 'day', 'week', 'year', 'month', 'morning', 'afternoon', 'evening',
  'night', 'weekend', 'moment', 'past', 'future', 'rest', 'end', 'start', 'beginning', 'middle', 'way', 'fact',
  'news', 'media', 'press', 'economy', 'market', 'industry', 'community', 'people', 'country', 'first', 'last',
  'latter', 'former', 'mayor', 'governor', 'president', 'council', 'courts', 'court', 'coast', 'region', 'top',
  'bottom', 'same', 'whole', 'most', 'least', 'next', 'following', 'second', 'third', 'latest', 'only', 'new',
  'old', 'biggest', 'largest', 'best', 'worst', 'highest', 'lowest', 'main', 'local', 'other', 'average', 'total',
  'number', 'amount', 'level', 'share', 'deadline', 'half',
]);

/**
 * Nouns for people or things present at the event that a news sentence only ever uses for someone already
 * on the scene: "The crowd answered…" after "…told about 200 members gathered at the union hall". They
 * dangle without the sentence before them even when the article never used the noun earlier.
 */
const PARTICIPANT_NOUNS: ReadonlySet<string> = new Set([
  'crowd', 'audience', 'gathering', 'man', 'woman', 'men', 'women', 'boy', 'girl', 'child', 'children', 'couple',
  'pair', 'trio', 'victim', 'victims', 'suspect', 'suspects', 'driver', 'passengers', 'crew', 'onlookers', 'visitors',
]);

/** Quoted words are the speaker's: what they point at is settled by who says them, not by the summary. */
const QUOTED_RE = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;

/**
 * After these the description is identified by what follows it ("the cost of the plan", "the group that",
 * "the operator, Westerly Ferries,").
 */
const POSTMODIFIER_RE = /^(?:\s+(?:of|that|who|which|whose|where|to|for)\b|,\s+\p{Lu})/u;

/** "the" and up to three lowercase words after it: the description's head is the last noun-like one. */
const THE_NOUN_RE = /\b[Tt]he((?:\s+\p{Ll}[\p{Ll}'’-]*){1,3})/gu;

/** Shorter heads are mostly numbers' words and abbreviations ("the us", "the op"). */
const MIN_HEAD_LETTERS = 3;

/** Words that end a noun phrase's head rather than continue it: verbs in -ed/-ing and adverbs in -ly. */
const NOT_A_HEAD_RE = /(?:ed|ing|ly)$/;

/** The head noun of "the salary scale is…" ("scale") and of "the crowd answered…" ("crowd"). */
function headOf(phrase: string): { head: string; length: number } | undefined {
  const words = phrase.trim().split(/\s+/);
  let head: string | undefined;
  let length = 0;
  for (const word of words) {
    const bare = word.replace(/['’]s$/, '');
    if (STOPWORDS.has(bare) || (head !== undefined && NOT_A_HEAD_RE.test(bare))) break;
    head = bare;
    length += 1;
    if (bare !== word) break;
  }
  return head && head.length >= MIN_HEAD_LETTERS ? { head, length } : undefined;
}

/**
 * Where each summary sentence stands in the article: the index of the article sentence it reproduces, or
 * of the one it best matches when it was edited; -1 when none shares most of its words.
 */
export function locate(article: readonly Sentence[], summary: readonly string[]): number[] {
  return summary.map((text) => {
    const exact = article.findIndex((s) => s.text === text);
    if (exact >= 0) return exact;
    const mine = new Set(tokenize(text));
    let best = -1;
    let bestShare = 0.5;
    article.forEach((s, i) => {
      const theirs = tokenize(s.text);
      const share = theirs.filter((t) => mine.has(t)).length / Math.max(theirs.length, mine.size);
      if (share > bestShare) {
        bestShare = share;
        best = i;
      }
    });
    return best;
  });
}

/** Every dangling reference in one summary (its sentences in order) of `articleText`. */
export function findDanglingReferences(articleText: string, summary: readonly string[]): DanglingReference[] {
  const article = splitSentences(articleText);
  const positions = locate(article, summary);
  const people = peopleWithFullNames(articleText);
  const firstMention = firstMentions(article);
  const found: DanglingReference[] = [];
  const fullNamesGiven = new Set<string>();
  const stemsGiven = new Set<string>();

  summary.forEach((text, k) => {
    const at = positions[k] ?? -1;
    const given = k > 0 && at > 0 && positions[k - 1] === at - 1;
    // The article's own first sentence has nothing before it to leave out.
    const needsNothing = at === 0;
    const opening = text.replace(DATELINE_RE, '');
    const firstWord = /^\p{L}+/u.exec(opening)?.[0] ?? '';

    if (!given && !needsNothing) {
      if (POINTING_OPENERS.has(firstWord.toLowerCase()) && firstWord !== firstWord.toUpperCase() && !DEICTIC_TIME_RE.test(opening) && !DUMMY_IT_RE.test(opening)) {
        found.push({ kind: 'pronoun', sentence: k, words: firstWord });
      }
      const discourse = DISCOURSE_OPENER_RE.exec(opening);
      if (discourse) found.push({ kind: 'discourse', sentence: k, words: discourse[0] });
    }

    for (const reference of nameReferences(text)) {
      if (!people.has(reference.surname)) continue;
      if (reference.full) fullNamesGiven.add(reference.surname);
      else if (!fullNamesGiven.has(reference.surname)) {
        found.push({ kind: 'name', sentence: k, words: text.slice(reference.start, reference.end) });
      }
    }

    const unquoted = text.replace(QUOTED_RE, (quote) => ' '.repeat(quote.length));
    for (const match of unquoted.matchAll(THE_NOUN_RE)) {
      const description = headOf(match[1]!);
      if (!description) continue;
      const noun = description.head;
      const nounStem = stem(noun);
      const phrase = match[0].split(/\s+/).slice(0, description.length + 1).join(' ');
      const offset = (match.index ?? 0) + phrase.length;
      const firstWord = match[1]!.trim().split(/\s+/)[0] ?? '';
      if (SITUATIONAL_NOUNS.has(noun) || SITUATIONAL_NOUNS.has(firstWord) || POSTMODIFIER_RE.test(text.slice(offset))) continue;
      const introduced = firstMention.get(nounStem);
      const participant = PARTICIPANT_NOUNS.has(noun) && !given && !needsNothing;
      if (!participant && (introduced === undefined || at < 0 || introduced >= at)) continue;
      const before = tokenize(text.slice(0, match.index ?? 0)).map(stem);
      if (stemsGiven.has(nounStem) || before.includes(nounStem)) continue;
      found.push({ kind: 'definite', sentence: k, words: phrase });
    }
    for (const token of tokenize(text)) stemsGiven.add(stem(token));
  });
  return found;
}

/** Stem → index of the first article sentence that uses it. */
function firstMentions(article: readonly Sentence[]): Map<string, number> {
  const first = new Map<string, number>();
  article.forEach((sentence, i) => {
    // A heading or caption line is not a sentence that introduces anything.
    if (!/[.?!…]["'”’)\]»]*$/.test(sentence.text)) return;
    for (const token of tokenize(sentence.text)) {
      const s = stem(token);
      if (!first.has(s)) first.set(s, i);
    }
  });
  return first;
}

/** Counts per kind, for the report. */
export function countByKind(references: readonly DanglingReference[], into: Record<DanglingKind, number> = emptyByKind()): Record<DanglingKind, number> {
  for (const reference of references) into[reference.kind] += 1;
  return into;
}

export function emptyByKind(): Record<DanglingKind, number> {
  return { name: 0, pronoun: 0, definite: 0, discourse: 0 };
}
