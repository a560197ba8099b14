// Numbers and quantities in a claim against its evidence: a changed number contradicts the source, a
// number the source never gives for the thing counted is a detail the source does not have.
import type { AuditFinding } from '../model.js';
import { findNumberMentions, findQuantities, type NumberMention } from '../text/entities.js';
import { wordKeys, type Alignment, type PreparedSource } from './align.js';
import { perSentence } from './sentence-cache.js';
import { english, type LanguageProfile } from '../text/languages/index.js';

/**
 * Content words either side of a number that say what it counts ("9,000 objections", "$25 an hour"):
 * two is a noun and its modifier, enough to tell "25 percent" from "25 kilometres".
 */
const SLOT_REACH = 2;

/** Characters either side read for the slot: two content words and the function words between them. */
const SLOT_CHARS = 60;

/** Slot words are compared on a shorter prefix than alignment keys: "objections" counts what "objected" does. */
const SLOT_KEY_LENGTH = 6;

/** What joins numbers into one phrase that shares its slot: "in 2019 and 2022", "3 or 4 days". */
const COORDINATION_RE = /^\s*(?:,|,?\s*(?:and|or))\s*$/;

/**
 * The keys of the content words around a number, its "slot": for numbers coordinated with others, around
 * the whole group, and never past a neighbouring number ("for eight years before he resigned in 2022"
 * gives 2022 no "years").
 */
function slotKeys(text: string, mentions: readonly NumberMention[], at: number, language: LanguageProfile): Set<string> {
  let first = at;
  let last = at;
  while (first > 0 && COORDINATION_RE.test(text.slice(mentions[first - 1]!.end, mentions[first]!.start))) first -= 1;
  while (last < mentions.length - 1 && COORDINATION_RE.test(text.slice(mentions[last]!.end, mentions[last + 1]!.start))) last += 1;
  const start = mentions[first]!.start;
  const end = mentions[last]!.end;
  const from = Math.max(0, start - SLOT_CHARS, first > 0 ? mentions[first - 1]!.end : 0);
  const to = Math.min(text.length, end + SLOT_CHARS, last < mentions.length - 1 ? mentions[last + 1]!.start : text.length);
  // The verbs of saying below are English words: elsewhere the slot runs to the neighbouring numbers.
  const english_ = language === english;
  const before = wordKeys(english_ ? afterLastSaying(text.slice(from, start)) : text.slice(from, start), language).slice(-SLOT_REACH);
  const after = wordKeys(english_ ? beforeFirstSaying(text.slice(end, to)) : text.slice(end, to), language).slice(0, SLOT_REACH);
  return new Set([...before, ...after].filter((k) => !/^\d/.test(k)).map((k) => k.slice(0, SLOT_KEY_LENGTH)));
}

/**
 * A verb of saying ends a number's phrase: in "The banks said about 300 jobs would be lost" the banks
 * are who said it, not what 300 counts.
 */
const SAYING_RE = /\b(?:said|says|say|told|tells|added|announced|reported|wrote|according to|stated)\b/gi;

function afterLastSaying(text: string): string {
  let cut = 0;
  SAYING_RE.lastIndex = 0;
  for (let m = SAYING_RE.exec(text); m; m = SAYING_RE.exec(text)) cut = m.index + m[0].length;
  return text.slice(cut);
}

function beforeFirstSaying(text: string): string {
  SAYING_RE.lastIndex = 0;
  const m = SAYING_RE.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** A source sentence's numbers, each with its slot; read once per source sentence. */
function slottedNumbers(source: PreparedSource, i: number): { value: number; slot: Set<string> }[] {
  return perSentence(source, 'numbers', i, (text) => {
    const mentions = findNumberMentions(text, source.language);
    return mentions.map((m, at) => ({ value: m.value, slot: slotKeys(text, mentions, at, source.language) }));
  });
}

/**
 * Units and counted things any number may carry: outside the evidence, a number for "years" or "crowns"
 * in another sentence says nothing about the claim's "eight years" or "10,000 crowns".
 */
const GENERIC_SLOT_KEYS: ReadonlySet<string> = new Set(
  wordKeys('year years month months week weeks day days hour hours minute minutes percent crown crowns euro euros dollar dollars pound pounds mark marks kilometre kilometres metre metres mile miles people time times').map((k) =>
    k.slice(0, SLOT_KEY_LENGTH),
  ),
);

/** Whether one of `sentences` gives this very number for the same slot. */
function countsAs(slot: ReadonlySet<string>, value: number, source: PreparedSource, sentences: readonly number[]): boolean {
  return sentences.some((i) => slottedNumbers(source, i).some((m) => m.value === value && [...m.slot].some((k) => slot.has(k))));
}

/**
 * Another number one of `sentences` gives for the same slot as the claim's number; with `specific`,
 * only a slot word that is not a mere unit counts.
 */
function otherNumber(
  slot: ReadonlySet<string>,
  value: number,
  source: PreparedSource,
  sentences: readonly number[],
  claimed: readonly number[],
  specific: (i: number) => boolean,
): { value: number; sentence: number } | undefined {
  if (slot.size === 0) return undefined;
  for (const i of sentences) {
    if (source.numbers[i]!.size === 0) continue;
    // Another number the claim also gives ("140 of the 190 workers") is not a replacement for this one.
    const other = slottedNumbers(source, i).find(
      (m) => m.value !== value && !claimed.includes(m.value) && [...m.slot].some((k) => slot.has(k) && !(specific(i) && GENERIC_SLOT_KEYS.has(k))),
    );
    if (other) return { value: other.value, sentence: i };
  }
  return undefined;
}

/** A year names itself: one the evidence gives is the claim's whatever words stand around it. */
const YEAR_RANGE = [1800, 2200] as const;

export function checkNumbers(text: string, alignment: Alignment, source: PreparedSource, findings: AuditFinding[], skip: readonly { start: number; end: number }[] = []): void {
  const evidenceNumbers = new Set(alignment.evidence.flatMap((i) => [...source.numbers[i]!]));
  const all = findNumberMentions(text, source.language);
  const mentions = all.filter((m) => !skip.some((s) => m.start >= s.start && m.end <= s.end));
  const claimNumbers = mentions.map((m) => m.value);
  const evidenceHasOthers = [...evidenceNumbers].some((n) => !claimNumbers.includes(n));
  const everySentence = source.sentences.map((_, i) => i);
  for (const m of mentions) {
    const slot = slotKeys(text, all, all.indexOf(m), source.language);
    // The same number in the evidence counts only if it counts the same thing ("8 minutes" is not the
    // "November 8" of a claim whose evidence says "November 18").
    if (evidenceNumbers.has(m.value) && (slot.size === 0 || isYear(m.value) || countsAs(slot, m.value, source, alignment.evidence))) continue;
    const inSource = source.allNumbers.has(m.value);
    // A number where the source gives another for the same thing is a changed number; one the source
    // never gives, where it counts nothing of the kind, is a detail it does not have. Outside the best
    // evidence sentence, "the same thing" needs more than a unit: "ten years in prison" is no count of
    // the "eight years" someone served.
    const best = alignment.evidence[0];
    const other =
      otherNumber(slot, m.value, source, alignment.evidence, claimNumbers, (i) => i !== best) ??
      (inSource ? undefined : otherNumber(slot, m.value, source, everySentence, claimNumbers, () => true));
    if (other) {
      findings.push({ kind: 'number', detail: `the summary says ${m.value} where the source says ${other.value} (sentence ${other.sentence + 1})` });
    } else if (evidenceNumbers.has(m.value)) {
      continue;
    } else if (!inSource) {
      findings.push({ kind: 'number-not-in-source', detail: `the source gives no ${m.value}` });
    } else if (evidenceHasOthers) {
      findings.push({ kind: 'number', detail: `the source gives ${m.value} elsewhere, not in the sentences stating this (${alignment.evidence.map((i) => i + 1).join(', ')})` });
    }
  }
  const quantities = findQuantities(text, source.language);
  if (quantities.length === 0) return;
  const evidenceUnits = new Set(alignment.evidence.flatMap((i) => source.quantities(i)));
  const evidenceValues = new Set([...evidenceUnits].map((q) => q.split(' ')[0]));
  for (const q of quantities) {
    // "three months" against the source's "three weeks": the value matches, the unit does not.
    if (!evidenceUnits.has(q) && evidenceValues.has(q.split(' ')[0])) findings.push({ kind: 'number', detail: `the source does not say “${q}” here` });
  }
}

function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= YEAR_RANGE[0] && value <= YEAR_RANGE[1];
}
