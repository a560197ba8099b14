// The auditor's seam: any backend that can judge summary sentences against a prepared source. The rule
// backend (rules.ts) aligns and checks who-did-what by hand rules; the model backend (llm/) asks an
// OpenAI-compatible entailment check for each sentence the rules support. The CLI and the evaluation
// take either; the pipeline's gate, which runs inside a synchronous transaction, takes a synchronous one.
import type { AuditedSentence } from '../model.js';

export interface AuditBackend<Prepared = unknown> {
  readonly name: string;
  /** Work done once per source article, reused for every summary sentence; `lang` is the article's language tag. */
  prepare(sourceText: string, lang?: string): Prepared;
  /**
   * One verdict per summary sentence, in order. Sentences come as one document so that "he" in the
   * second sentence can mean the person the first one named. A backend that asks a server answers
   * with a promise.
   */
  auditSentences(summarySentences: readonly string[], source: Prepared): AuditedSentence[] | Promise<AuditedSentence[]>;
}

/** A backend that answers at once: the rules, and anything else that needs no server. */
export interface SyncAuditBackend<Prepared = unknown> extends AuditBackend<Prepared> {
  auditSentences(summarySentences: readonly string[], source: Prepared): AuditedSentence[];
}
