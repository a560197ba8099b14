// The gate every summary passes before it is published: audited sentence by sentence against its article,
// and only the sentences both the provenance check and the content audit support are kept.
import type { Article, AuditReport, Summary } from '../model.js';
import { auditArticleSummary, tally } from './index.js';
import { dropUnsupported } from './provenance.js';

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
  if (kept === summary) return { summary, audit };
  const counts = tally(audit);
  const why = (['unsupported', 'misattributed', 'contradicted'] as const).filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${v}`);
  const dropped = summary.sentences.length - kept.sentences.length;
  return {
    summary: kept,
    audit,
    notice: `${article.origin.path}: dropped ${dropped} summary sentence${dropped === 1 ? '' : 's'} the audit did not support (${why.join(', ')})`,
  };
}
