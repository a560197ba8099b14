// The gate every summary passes before it is published: audited sentence by sentence against its article,
// and only the sentences both the provenance check and the content audit support are kept.
import { createHash } from 'node:crypto';
import type { Article, AuditReport, GateOutcome, Summary } from '../model.js';
import { auditArticleSummary, tally } from './index.js';
import { dropUnsupported } from './provenance.js';

/**
 * Names what the summarizer and the audit make of an article. Raise it whenever either changes what it
 * produces: runs reuse a stored summary only when its key (this, the article's text and the summary
 * settings) is the same, so an unchanged article costs nothing on the next run.
 * 2: summaries a language model wrote, gated sentence by sentence (model-gate.ts); audits record each
 * model sentence's outcome.
 * 4: the auditor reads clauses, names put in another's place, negations and opposites in every evidence
 * sentence, a modal's reach over its object, titles without names, and relative dates. Separately, also
 * numbered 4: articles in German, French, Spanish, Italian, Portuguese and Dutch are summarized and
 * audited by their language's rules; the key holds the article's language, which now decides both.
 * 5: both of the above together.
 * 6: a sentence whose only edits put back full names the article writes is proven by its provenance
 * (score 1) instead of being aligned by the content rules.
 * 7: the auditor takes institutions for no one's "she", a combined claim's negation from the sentence that
 * has it, a dated event announced as done for a change of modality, a possessive plural for no group, a
 * purpose for no allowed time, an opposite beside the source's own phrase for no flip, and every title the
 * source gives a person: stored audits made by the rules before are made again.
 * 8: a body named by a common noun put in the place of the body the source says acts ("the regional college
 * will spend" for "the company … would spend") is misattributed; "lagged behind" and "fell short of" negate.
 */
export const GATE_VERSION = 8;

export interface GatedSummary {
  /** The summary as it may be published. */
  summary: Summary;
  audit: AuditReport;
  /** Said when the gate dropped sentences: what and why. */
  notice?: string;
}

export function gateSummary(article: Article, summary: Summary): GatedSummary {
  const audit = auditArticleSummary(article, summary);
  const kept = dropUnsupported(summary, audit);
  const notice = gateNotice(article, audit);
  return { summary: kept, audit, ...(notice ? { notice } : {}) };
}

/** What the gate says about an audited summary: the sentences it dropped and why; undefined when none. */
export function gateNotice(article: Article, audit: AuditReport): string | undefined {
  if (audit.sentences.some((s) => s.gate)) return modelNotice(article, audit);
  const counts = tally(audit);
  const why = (['unsupported', 'misattributed', 'contradicted'] as const).filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${v}`);
  const dropped = counts.unsupported + counts.misattributed + counts.contradicted;
  if (dropped === 0) return undefined;
  return `${article.origin.path}: dropped ${dropped} summary sentence${dropped === 1 ? '' : 's'} the audit did not support (${why.join(', ')})`;
}

/** What the gate did with a model's sentences (model-gate.ts), when it did anything but keep them. */
function modelNotice(article: Article, audit: AuditReport): string | undefined {
  const counts = modelGateCounts([audit])!;
  if (counts.repaired + counts.replaced + counts.dropped === 0) return undefined;
  return `${article.origin.path}: model summary: ${counts.kept} sentence${counts.kept === 1 ? '' : 's'} kept, ${counts.repaired} repaired, ${counts.replaced} replaced by source sentences, ${counts.dropped} dropped`;
}

/**
 * How many of the model's sentences the gate kept, repaired, replaced by source sentences and dropped, over
 * these audits (run.json counts them per run); undefined when no summary among them came from a model.
 */
export function modelGateCounts(audits: readonly AuditReport[]): Record<GateOutcome, number> | undefined {
  const counts: Record<GateOutcome, number> = { kept: 0, repaired: 0, replaced: 0, dropped: 0 };
  let any = false;
  for (const report of audits) {
    for (const s of report.sentences) {
      if (!s.gate) continue;
      counts[s.gate] += 1;
      any = true;
    }
  }
  return any ? counts : undefined;
}

/** The key a stored summary is reused under: the gate's version, the settings, the article's title, text and language. */
export function gateKey(article: Article, settings: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([GATE_VERSION, settings, article.title, article.text, article.lang ?? null]))
    .digest('hex')
    .slice(0, 32);
}
