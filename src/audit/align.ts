// Alignment: which source sentences carry the words of a summary sentence. Paraphrase-tolerant by
// comparing short stem prefixes, and weighted by how rare a word is in the article so that "59" and
// "extradited" count for more than "Mexico" in an article about Mexico.
import type { Sentence } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { contentTokens, stemIn } from '../text/words.js';
import { english, type LanguageProfile } from '../text/languages/index.js';
import { perLanguage } from '../text/languages/patterns.js';
import { analyzePeople, type DocumentPeople } from '../text/speakers.js';
import { findDates, findNumbers, findPeople, findQuantities, type PersonMention } from '../text/entities.js';

/**
 * Stem prefix length used as a word's key: long enough to keep "government" and "governor" apart
 * from "go", short enough that "extradited"/"extradition" and "coordinate"/"coordination" meet.
 */
const KEY_LENGTH = 7;

/** Reporting verbs say who spoke, not what was said; the attribution check handles them. */
const REPORTING = new Set([
  'said', 'say', 'says', 'told', 'noted', 'added', 'stated', 'emphasized', 'emphasised', 'stressed', 'highlighted',
  'according', 'explained', 'remarked', 'mentioned', 'pointed', 'underlined', 'underscored', 'announced',
  'claimed', 'argued', 'insisted', 'agreed', 'also', 'both',
]);

/**
 * Share of a summary sentence's (rarity-weighted) words the evidence must hold for the claim to count
 * as stated in the source. Half: a faithful paraphrase keeps the rare words (names, numbers, the
 * specific nouns and verbs) even when it rewords the rest, while an invented claim brings its own.
 */
export const SUPPORT_COVERAGE = 0.5;

/** At most this many source sentences back one summary sentence: summaries merge two or three facts. */
export const MAX_EVIDENCE = 3;
/** A further sentence joins the evidence only if it adds at least this share of the claim's weight. */
const MIN_GAIN = 0.1;

export interface PreparedSource {
  text: string;
  /** The source's language: the claims are read in it too. */
  language: LanguageProfile;
  sentences: Sentence[];
  keys: Set<string>[];
  idf: Map<string, number>;
  /** Weight of a key never seen in the source: the rarest possible, since the source never says it. */
  unseenWeight: number;
  people: DocumentPeople;
  numbers: Set<number>[];
  allNumbers: Set<number>;
  dates: Set<string>;
  /** Source sentences with quote marks straight and no case, for verbatim checks; made on first use. */
  normalizedSentences: () => string[];
  /** People found in a summary text, by text: each claim is read for people by several checks. */
  peopleCache: Map<string, PersonMention[]>;
  /** Keys of summary texts, by text (see claimKeys). */
  keysCache: Map<string, string[]>;
  /** Scratch space for align(), one score per source sentence. */
  gains?: Float64Array;
  /** Value-and-unit quantities per sentence ("3 week"); read on first use. */
  quantities: (i: number) => string[];
  /** Key → indexes of the sentences holding it, so alignment only visits sentences that share a word. */
  postings: Map<string, number[]>;
}

export function wordKeys(text: string, language: LanguageProfile = english): string[] {
  return computeKeys(text, language);
}

/** Keys of a summary text, remembered with the source it is audited against: several checks read them. */
export function claimKeys(text: string, source: PreparedSource): string[] {
  let keys = source.keysCache.get(text);
  if (!keys) source.keysCache.set(text, (keys = computeKeys(text, source.language)));
  return keys;
}

/**
 * A word's key, remembered: news copy reuses a small vocabulary, and stemming is most of reading a
 * sentence. Emptied past its size, so memory stays bounded. Null for reporting verbs.
 */
const VOCABULARY_SIZE = 50_000;

interface LanguageKeys {
  keyOfWord: Map<string, string | null>;
  reporting: ReadonlySet<string>;
}

/**
 * Per language: its remembered keys, and its reporting words. Elsewhere than in English these are every
 * word of its verbs of speech and attribution ("a déclaré" gives "déclaré").
 */
const keysFor = perLanguage((language: LanguageProfile): LanguageKeys => ({
  keyOfWord: new Map(),
  reporting:
    language === english
      ? REPORTING
      : new Set([...language.speech.attributionVerbs, ...language.speech.attributionPrepositions].flatMap((v) => v.toLowerCase().split(/\s+/))),
}));

function computeKeys(text: string, language: LanguageProfile): string[] {
  const out: string[] = [];
  for (const token of contentTokens(text, language)) {
    const key = tokenKey(token, language);
    if (key !== null) out.push(key);
  }
  return out;
}

/** The aligner's key of one lowercased token in `language`, null for reporting verbs. */
export function tokenKey(token: string, language: LanguageProfile = english): string | null {
  const { keyOfWord, reporting } = keysFor(language);
  let key = keyOfWord.get(token);
  if (key === undefined) {
    if (keyOfWord.size >= VOCABULARY_SIZE) keyOfWord.clear();
    key = reporting.has(token) ? null : stemIn(token, language).slice(0, KEY_LENGTH);
    keyOfWord.set(token, key);
  }
  return key;
}

/** Straight quotes, one space, no case: "modulo quote style" for comparing quotations. */
export function normalizeForQuote(text: string): string {
  return text.replace(/[“”„«»‹›]/g, '"').replace(/[‘’‚`]/g, "'").replace(/\s+/g, ' ').toLowerCase();
}

export function prepareSource(text: string, language: LanguageProfile = english): PreparedSource {
  const sentences = splitSentences(text, language.code);
  const keys = sentences.map((s) => new Set(wordKeys(s.text, language)));
  // One pass over the keys: the sentences holding each, whose count is its document frequency.
  const postings = new Map<string, number[]>();
  keys.forEach((set, i) => {
    for (const k of set) {
      const list = postings.get(k);
      if (list) list.push(i);
      else postings.set(k, [i]);
    }
  });
  const n = Math.max(1, sentences.length);
  const idf = new Map<string, number>();
  for (const [k, list] of postings) idf.set(k, Math.log(1 + n / list.length));
  const numbers = sentences.map((s) => new Set(findNumbers(s.text, language)));
  const quantities: string[][] = [];
  return {
    text,
    language,
    sentences,
    keys,
    idf,
    unseenWeight: Math.log(1 + n),
    people: analyzePeople(sentences.map((s) => s.text), undefined, language),
    numbers,
    allNumbers: new Set(numbers.flatMap((s) => [...s])),
    dates: new Set(findDates(text, language)),
    normalizedSentences: lazy(() => sentences.map((s) => normalizeForQuote(s.text))),
    peopleCache: new Map(),
    keysCache: new Map(),
    quantities: (i) => (quantities[i] ??= findQuantities(sentences[i]!.text, language)),
    postings,
  };
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** People in a summary text, keyed to the source's people; cached on the prepared source. */
export function peopleIn(text: string, source: PreparedSource): PersonMention[] {
  let found = source.peopleCache.get(text);
  if (!found) {
    found = findPeople(text, source.people.people, source.language);
    source.peopleCache.set(text, found);
  }
  return found;
}

export interface Alignment {
  /** Share of the claim's word weight found in the evidence, 0..1. */
  coverage: number;
  /** Source sentence indexes, best first. */
  evidence: number[];
  /** Claim keys the evidence holds. */
  matched: Set<string>;
}

/** Share of the claim's word weight one source sentence holds: `align` restricted to sentence `i`, without the search. */
export function coverageBy(claimKeys: readonly string[], source: PreparedSource, i: number): number {
  const unique = new Set(claimKeys);
  const held = source.keys[i]!;
  let total = 0;
  let covered = 0;
  for (const k of unique) {
    const w = source.idf.get(k) ?? source.unseenWeight;
    total += w;
    if (held.has(k)) covered += w;
  }
  return total === 0 ? 0 : covered / total;
}

/** Greedy cover of the claim's keys by at most MAX_EVIDENCE source sentences that `eligible` allows. */
export function align(claimKeys: readonly string[], source: PreparedSource, eligible: (i: number) => boolean = () => true): Alignment {
  const unique = [...new Set(claimKeys)];
  const weight = (k: string) => source.idf.get(k) ?? source.unseenWeight;
  const total = unique.reduce((sum, k) => sum + weight(k), 0);
  const matched = new Set<string>();
  const evidence: number[] = [];
  if (total === 0) return { coverage: 0, evidence, matched };
  // One buffer per source: alignment runs several times per summary sentence.
  const gains = (source.gains ??= new Float64Array(source.sentences.length));
  for (let round = 0; round < MAX_EVIDENCE; round++) {
    gains.fill(0);
    for (const k of unique) {
      if (matched.has(k)) continue;
      for (const i of source.postings.get(k) ?? []) gains[i]! += weight(k);
    }
    let best = -1;
    let bestGain = 0;
    for (let i = 0; i < gains.length; i++) {
      if (gains[i]! > bestGain && !evidence.includes(i) && eligible(i)) {
        bestGain = gains[i]!;
        best = i;
      }
    }
    if (best < 0 || (round > 0 && bestGain / total < MIN_GAIN)) break;
    evidence.push(best);
    for (const k of unique) if (source.keys[best]!.has(k)) matched.add(k);
  }
  const covered = [...matched].reduce((sum, k) => sum + weight(k), 0);
  return { coverage: covered / total, evidence, matched };
}
