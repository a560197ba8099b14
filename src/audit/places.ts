// Places: "parking at Graven" where the source's sentence says "parking at Lunde". A place the claim
// puts a fact in must be the place the source sentence stating that fact names, when it names one.
import { align, claimKeys, coverageBy, wordKeys, type PreparedSource } from './align.js';
import { NOT_NAME_WORDS } from '../text/entities.js';
import { perSentence } from './sentence-cache.js';

/** A place after a locative preposition: "at Graven", "closest to Osterdal", "between Mars and Jupiter". */
const PLACE_RE = /\b(?:at|in|near|through|to|from|outside|inside|via|towards?|between|around|across|of)\s+(?:the\s+(?:village|town|city|area|region|county|district|port|island)\s+of\s+)?((?:\p{Lu}[\p{L}’'-]+)(?:\s+(?:and\s+)?\p{Lu}[\p{L}’'-]+)*)/gu;

/**
 * Share of the claim (without its places) the source sentence must state alone for its place to be the
 * claim's: then both speak of the same event and only the place differs.
 */
const SAME_EVENT = 0.6;

const DATELINE_RE = /^[\p{Lu}][\p{Lu}\s.,'-]+\s[—–-]\s/u;

/**
 * The source side reads a common noun between the preposition and the name as part of the phrase:
 * "Albeck of team Corvo" puts him where the claim's "Albeck of Corvo" does.
 */
const SOURCE_PLACE_RE = new RegExp(PLACE_RE.source.replace(String.raw`\s+(?:the\s+`, String.raw`\s+(?:\p{Ll}+\s+)?(?:the\s+`), 'gu');

/** A place named in the possessive: "Lunde's airport manager … said parking would be tight" is about Lunde. */
const POSSESSIVE_PLACE_RE = /(?<![\p{L}])(\p{Lu}\p{Ll}+)[’']s\b/gu;

function places(text: string, re: RegExp, people: ReadonlyMap<string, unknown>): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // "a corner from Ivo Sandell": a person is who, not where.
    if (people.has(m[1]!.split(/\s+/).pop()!.replace(/[’']s$/, '').toLowerCase())) continue;
    for (const word of m[1]!.split(/\s+(?:and\s+)?/)) {
      const w = word.replace(/[’']s$/, '');
      if (!NOT_NAME_WORDS.has(w.toLowerCase())) out.push(w);
    }
  }
  return out;
}

export interface PlaceSwap {
  claim: string;
  source: string;
  sentence: number;
}

export function placeSwap(text: string, source: PreparedSource): PlaceSwap | undefined {
  const people = source.people.people;
  const claimPlaces = places(text, PLACE_RE, people);
  if (claimPlaces.length === 0) return undefined;
  const placeKeys = new Set(claimPlaces.flatMap((p) => wordKeys(p, source.language)));
  const rest = claimKeys(text, source).filter((k) => !placeKeys.has(k));
  const anchor = align(rest, source);
  const at = anchor.evidence[0];
  if (at === undefined) return undefined;
  const alone = coverageBy(rest, source, at);
  if (alone < SAME_EVENT) return undefined;
  const { sentenceLower, possessives, named } = perSentence(source, 'places', at, (text) => {
    // A dateline ("SALTMERE — ") says where the story was filed, not where its first fact happened.
    const sentence = text.replace(DATELINE_RE, '');
    return {
      sentenceLower: sentence.toLowerCase(),
      possessives: [...sentence.matchAll(POSSESSIVE_PLACE_RE)].map((m) => m[1]!).filter((p) => !people.has(p.toLowerCase())),
      named: places(sentence, SOURCE_PLACE_RE, people),
    };
  });
  const lower = text.toLowerCase();
  const theirs = [...named, ...possessives].filter((p) => !lower.includes(p.toLowerCase()));
  // Compared with the places the sentence puts things in, not every capitalized word in it: "The
  // Saltmere ferry … at Orrin" puts the damage at Orrin. A name the sentence does not hold at all is
  // compared with its possessives too ("Lunde's airport manager").
  const sourcePlaces = new Set(named.map((p) => p.toLowerCase()));
  const missing = claimPlaces.filter((p) => !sourcePlaces.has(p.toLowerCase()) && (possessives.length === 0 || !sentenceLower.includes(p.toLowerCase())));
  if (missing.length === 0 || theirs.length === 0) return undefined;
  return { claim: missing[0]!, source: theirs[0]!, sentence: at };
}
