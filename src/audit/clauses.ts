// Each clause of a claim must be in the source, not only the claim as a whole: "she would probably have
// to drive, as many of her neighbours in Vessby already do" is mostly the source's words, but its second
// clause is not. A clause of a few words the source nowhere holds is a fact it does not state.
import type { AuditFinding } from '../model.js';
import { align, wordKeys, type PreparedSource } from './align.js';

/**
 * Where a claim's clauses part: a comma before a conjunction or relative word, or before the verb that
 * resumes the main clause after a relative one ("Ada Brisk, who played in 1994, will headline"), or a
 * semicolon. Commas alone part lists and appositions, which are no clause of their own.
 */
const CLAUSE_BREAK_RE =
  /;\s*|,\s*(?=(?:and|but|as|while|whereas|which|who|where|when|although|though|so|because|since|after|before|will|would|has|have|had|is|are|was|were|can|could|may|might|must|should)\b)/g;

/** A clause needs this many content words to be judged on its own: shorter ones are frames ("she said"). */
const MIN_CLAUSE_WORDS = 3;

/**
 * Share of a clause's (rarity-weighted) words the source must hold somewhere. Lower than the whole
 * claim's SUPPORT_COVERAGE: a clause is short, and paraphrase replaces a larger part of it.
 */
export const CLAUSE_COVERAGE = 0.4;

/** Adds an `unsupported-clause` finding for the first clause the source does not hold. */
export function checkClauses(text: string, source: PreparedSource, findings: AuditFinding[]): void {
  if (!/[,;]/.test(text)) return;
  const parts = text.split(CLAUSE_BREAK_RE);
  if (parts.length < 2) return;
  for (const part of parts) {
    // Quotations are checked word for word elsewhere.
    if (/[“”"]/.test(part)) continue;
    const keys = wordKeys(part, source.language);
    if (new Set(keys).size < MIN_CLAUSE_WORDS) continue;
    const found = align(keys, source);
    if (found.coverage >= CLAUSE_COVERAGE) continue;
    findings.push({ kind: 'unsupported-clause', detail: `“${part.trim().replace(/[.!?]+$/, '')}”: no source sentence states this` });
    return;
  }
}
