// Discourse links: "A because B", "A after B", "Because of B, A". Both facts may be in the source while
// the link is not; a summary that adds a cause or a sequence the source does not make states something
// the source does not say. The link counts as stated when one source sentence (with the one before it)
// joins the two facts by a causal or temporal word, each fact on its side of that word.
import { stem, tokenize, STOPWORDS } from '../text/words.js';
import { wordKeys, type PreparedSource } from './align.js';
import { perSentence } from './sentence-cache.js';

/**
 * Words by which a summary links two facts as cause and effect or as one after the other ("is due to
 * start" schedules, it gives no cause).
 */
const CLAIM_LINK_RE = /\b(because of|because|(?<!\b(?:is|are|was|were|be|been|being|now)\s+)due to|as a result of|as a result|thanks to|owing to|in response to|leading to|which led to|prompting|after|following)\b/i;

/** Words by which a source links two facts: the claim's link words and their near equivalents. */
const SOURCE_LINK_RE =
  /\b(?:because|due to|as a result|thanks to|owing to|in response|led to|leading to|prompted|prompting|caused|forced|after|following|so that|so|therefore|reason|why|when|once|amid|over|until|before|as)\b/gi;

/** A reason that starts with a count ("six years of fundraising") measures time, it gives no cause. */
const QUANTITY_START_RE = /^\s*(?:about\s+|nearly\s+|almost\s+|more than\s+)?(?:\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a few)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|seasons?|rounds?)\b)/i;

const TEMPORAL_LINKS: ReadonlySet<string> = new Set(['after', 'following']);

/** Share of a fact's words one side of the source's link word must hold for the fact to be there. */
const FACT_COVERAGE = 0.5;
/** The other side is read more loosely: it is often the subject of the paragraph, named sentences before. */
const OTHER_SIDE_COVERAGE = 0.4;
/** Stem prefix compared, as in the number and modality checks: "complained" meets "complaints". */
const KEY_LENGTH = 6;

function keys(text: string): Set<string> {
  return new Set(tokenize(text).filter((t) => !STOPWORDS.has(t) && !/^\d/.test(t)).map((t) => stem(t).slice(0, KEY_LENGTH)));
}

function coverage(fact: ReadonlySet<string>, by: ReadonlySet<string>): number {
  if (fact.size === 0) return 1;
  let n = 0;
  for (const k of fact) if (by.has(k)) n += 1;
  return n / fact.size;
}

export interface UnlinkedClaim {
  link: string;
  /** The fact the claim gives as the cause or the earlier event. */
  reason: string;
}

/** The claim's two facts around its link word, or nothing when it links none. */
function splitAtLink(text: string): { link: string; effect: string; reason: string } | undefined {
  const m = CLAIM_LINK_RE.exec(text);
  if (!m) return undefined;
  const link = m[1]!.toLowerCase();
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  // "Because of the verdict, the city has moved…": the reason runs to the comma.
  if (before.trim() === '') {
    const comma = after.indexOf(',');
    if (comma < 0) return undefined;
    return { link, reason: after.slice(0, comma), effect: after.slice(comma + 1) };
  }
  // "closed because of the smoke and reopened at 6 p.m.": the reason ends where the next clause or a
  // coordinated predicate begins.
  const end = REASON_END_RE.exec(after);
  return { link, effect: end ? `${before} ${after.slice(end.index)}` : before, reason: end ? after.slice(0, end.index) : after };
}

const REASON_END_RE = /[,;:]|\s(?:and|but)\s+(?:also\s+)?\p{Ll}+ed\b/u;

/**
 * A link word this close to its sentence's start may point back to the sentence before ("As a result,
 * the line closed"); one whose sentence ends this soon after it may point on to the next.
 */
const ANAPHORIC_LINK_CHARS = 40;
const CATAPHORIC_LINK_WORDS = 3;

/**
 * Each link word of source sentence i, with the words before it and after it; the sentence before joins
 * the head only when the link opens its sentence, and the one after joins the tail only when the link
 * closes it. "Analysts said approval was likely because the banks overlap. Shares rose on the news." links
 * the approval to the overlap, not the shares to the analysts.
 */
function linksIn(source: PreparedSource, i: number): { head: Set<string>; tail: Set<string> }[] {
  const text = source.sentences[i]!.text;
  const out: { head: Set<string>; tail: Set<string> }[] = [];
  SOURCE_LINK_RE.lastIndex = 0;
  for (let m = SOURCE_LINK_RE.exec(text); m; m = SOURCE_LINK_RE.exec(text)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    const previous = m.index <= ANAPHORIC_LINK_CHARS ? (source.sentences[i - 1]?.text ?? '') : '';
    const next = keys(after).size < CATAPHORIC_LINK_WORDS ? (source.sentences[i + 1]?.text ?? '') : '';
    out.push({ head: keys(`${previous} ${before}`), tail: keys(`${after} ${next}`) });
  }
  return out;
}

export function unlinkedClaim(text: string, source: PreparedSource): UnlinkedClaim | undefined {
  const parts = splitAtLink(text);
  if (!parts) return undefined;
  const effect = keys(parts.effect);
  const reason = keys(parts.reason);
  // "after 35 kilometres", "after 41 years on Harbor Street": a link to a time or distance is a
  // circumstance, not a fact.
  if (reason.size === 0 || effect.size === 0 || QUANTITY_START_RE.test(parts.reason)) return undefined;
  const sentences = source.sentences;
  // "Ellsworth will ban cars … after the council voted": one source sentence stating both facts (the vote
  // to ban) orders them itself; "after" adds no cause. A causal link needs its link word.
  const keysOf = (i: number) => perSentence(source, 'discourse-keys', i, keys);
  // Only sentences sharing a word with the reason, and their neighbours, can hold either side of a link.
  const near = new Set<number>();
  for (const k of wordKeys(parts.reason, source.language)) for (const i of source.postings.get(k) ?? []) for (const j of [i - 1, i, i + 1]) if (j >= 0 && j < sentences.length) near.add(j);
  const candidates = [...near].sort((a, b) => a - b);
  if (TEMPORAL_LINKS.has(parts.link) && candidates.some((i) => coverage(reason, keysOf(i)) >= FACT_COVERAGE && coverage(effect, keysOf(i)) >= FACT_COVERAGE)) return undefined;
  for (const i of candidates) {
    for (const { head, tail } of perSentence(source, 'links', i, () => linksIn(source, i))) {
      const forward = coverage(reason, tail) >= FACT_COVERAGE && coverage(effect, head) >= OTHER_SIDE_COVERAGE;
      const backward = coverage(effect, tail) >= FACT_COVERAGE && coverage(reason, head) >= OTHER_SIDE_COVERAGE;
      if (forward || backward) return undefined;
    }
  }
  return { link: parts.link, reason: parts.reason.trim().replace(/[.!?]+$/, '') };
}
