// Numbers and quantities in a claim against its evidence: a changed number contradicts the source, a
// number the source never gives for the thing counted is a detail the source does not have.
import type { AuditFinding } from '../model.js';
import { findNumberMentions, findQuantities } from '../text/entities.js';
import { wordKeys, type Alignment, type PreparedSource } from './align.js';
import { perSentence } from './sentence-cache.js';
import type { LanguageProfile } from '../text/languages/index.js';

/**
 * Content words either side of a number that say what it counts ("9,000 objections", "$25 an hour"):
 * two is a noun and its modifier, enough to tell "25 percent" from "25 kilometres".
 */
const SLOT_REACH = 2;

/** Characters either side read for the slot: two content words and the function words between them. */
const SLOT_CHARS = 60;

/** Slot words are compared on a shorter prefix than alignment keys: "objections" counts what "objected" does. */
const SLOT_KEY_LENGTH = 6;

/** The keys of the content words around a number, its "slot". */
function slotKeys(text: string, start: number, end: number, language: LanguageProfile): Set<string> {
  const before = wordKeys(text.slice(Math.max(0, start - SLOT_CHARS), start), language).slice(-SLOT_REACH);
  const after = wordKeys(text.slice(end, end + SLOT_CHARS), language).slice(0, SLOT_REACH);
  return new Set([...before, ...after].filter((k) => !/^\d/.test(k)).map((k) => k.slice(0, SLOT_KEY_LENGTH)));
}

/** A source sentence's numbers, each with its slot; read once per source sentence. */
function slottedNumbers(source: PreparedSource, i: number): { value: number; slot: Set<string> }[] {
  return perSentence(source, 'numbers', i, (text) =>
    findNumberMentions(text, source.language).map((m) => ({ value: m.value, slot: slotKeys(text, m.start, m.end, source.language) })),
  );
}

/** Whether one of `sentences` gives this very number for the same slot. */
function countsAs(slot: ReadonlySet<string>, value: number, source: PreparedSource, sentences: readonly number[]): boolean {
  return sentences.some((i) => slottedNumbers(source, i).some((m) => m.value === value && [...m.slot].some((k) => slot.has(k))));
}

/** Whether one of `sentences` gives another number for the same slot as the claim's number. */
function countsOtherwise(slot: ReadonlySet<string>, value: number, source: PreparedSource, sentences: readonly number[], claimed: readonly number[]): boolean {
  if (slot.size === 0) return false;
  return sentences.some(
    (i) =>
      source.numbers[i]!.size > 0 &&
      // Another number the claim also gives ("140 of the 190 workers") is not a replacement for this one.
      slottedNumbers(source, i).some((m) => m.value !== value && !claimed.includes(m.value) && [...m.slot].some((k) => slot.has(k))),
  );
}

export function checkNumbers(text: string, alignment: Alignment, source: PreparedSource, findings: AuditFinding[], skip: readonly { start: number; end: number }[] = []): void {
  const evidenceNumbers = new Set(alignment.evidence.flatMap((i) => [...source.numbers[i]!]));
  const mentions = findNumberMentions(text, source.language).filter((m) => !skip.some((s) => m.start >= s.start && m.end <= s.end));
  const claimNumbers = mentions.map((m) => m.value);
  const evidenceHasOthers = [...evidenceNumbers].some((n) => !claimNumbers.includes(n));
  const everySentence = source.sentences.map((_, i) => i);
  for (const m of mentions) {
    const slot = slotKeys(text, m.start, m.end, source.language);
    // The same number in the evidence counts only if it counts the same thing ("8 minutes" is not the
    // "November 8" of a claim whose evidence says "November 18").
    if (evidenceNumbers.has(m.value) && (slot.size === 0 || countsAs(slot, m.value, source, alignment.evidence))) continue;
    const inSource = source.allNumbers.has(m.value);
    // A number where the source gives another for the same thing is a changed number; one the source
    // never gives, where it counts nothing of the kind, is a detail it does not have.
    if (countsOtherwise(slot, m.value, source, alignment.evidence, claimNumbers) || (!inSource && countsOtherwise(slot, m.value, source, everySentence, claimNumbers))) {
      findings.push({ kind: 'number', detail: `${m.value} is not the number the source gives here` });
    } else if (evidenceNumbers.has(m.value)) {
      continue;
    } else if (!inSource) {
      findings.push({ kind: 'number-not-in-source', detail: `the source gives no ${m.value}` });
    } else if (evidenceHasOthers) {
      findings.push({ kind: 'number', detail: `${m.value} is not the number the source gives here` });
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
