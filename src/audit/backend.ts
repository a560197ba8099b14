// The auditor's seam: any backend that can judge summary sentences against a prepared source. The rule
// backend (rules.ts) aligns and checks who-did-what by hand rules; a neural entailment backend can
// implement the same interface (prepare = encode the source, auditSentences = align + NLI per sentence)
// and the CLI, pipeline and evaluation take it unchanged.
import type { AuditedSentence } from '../model.js';

export interface AuditBackend<Prepared = unknown> {
  readonly name: string;
  /** Work done once per source article, reused for every summary sentence. */
  prepare(sourceText: string): Prepared;
  /**
   * One verdict per summary sentence, in order. Sentences come as one document so that "he" in the
   * second sentence can mean the person the first one named.
   */
  auditSentences(summarySentences: readonly string[], source: Prepared): AuditedSentence[];
}
