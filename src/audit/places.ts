// Places: "parking at Graven" where the source's sentence says "parking at Lunde". A place the claim
// puts a fact in must be the place the source sentence stating that fact names, when it names one.
import { align, claimKeys, coverageBy, wordKeys, type PreparedSource } from './align.js';
import { NOT_NAME_WORDS } from '../text/entities.js';

/** A place after a locative preposition: "at Graven", "closest to Osterdal", "between Mars and Jupiter". */
const PLACE_RE = /\b(?:at|in|near|through|to|from|outside|inside|via|towards?|between|around|across|of)\s+(?:the\s+(?:village|town|city|area|region|county|district|port|island)\s+of\s+)?((?:\p{Lu}[\p{L}’'-]+)(?:\s+(?:and\s+)?\p{Lu}[\p{L}’'-]+)*)/gu;

/**
 * Share of the claim (without its places) the source sentence must state alone for its place to be the
 * claim's: then both speak of the same event and only the place differs.
 */
const SAME_EVENT = 0.6;

const DATELINE_RE = /^[\p{Lu}][\p{Lu}\s.,'-]+\s[—–-]\s/u;

function places(text: string): string[] {
  const out: string[] = [];
  PLACE_RE.lastIndex = 0;
  for (let m = PLACE_RE.exec(text); m; m = PLACE_RE.exec(text)) {
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
  const claimPlaces = places(text);
  if (claimPlaces.length === 0) return undefined;
  const placeKeys = new Set(claimPlaces.flatMap((p) => wordKeys(p)));
  const rest = claimKeys(text, source).filter((k) => !placeKeys.has(k));
  const anchor = align(rest, source);
  const at = anchor.evidence[0];
  if (at === undefined) return undefined;
  const alone = coverageBy(rest, source, at);
  if (alone < SAME_EVENT) return undefined;
  // A dateline ("SALTMERE — ") says where the story was filed, not where its first fact happened.
  const sentence = source.sentences[at]!.text.replace(DATELINE_RE, '');
  const lower = text.toLowerCase();
  const theirs = places(sentence).filter((p) => !lower.includes(p.toLowerCase()));
  // Compared with the places the sentence puts things in, not every capitalized word in it: "The
  // Saltmere ferry … at Orrin" puts the damage at Orrin.
  const sourcePlaces = new Set(places(sentence).map((p) => p.toLowerCase()));
  const missing = claimPlaces.filter((p) => !sourcePlaces.has(p.toLowerCase()));
  if (missing.length === 0 || theirs.length === 0) return undefined;
  return { claim: missing[0]!, source: theirs[0]!, sentence: at };
}
