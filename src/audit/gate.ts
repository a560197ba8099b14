// The gate every summary passes before it is published: audited sentence by sentence against its article,
// and only the sentences both the provenance check and the content audit support are kept.
import { createHash } from 'node:crypto';
import type { Article, AuditReport, Summary } from '../model.js';
import { auditArticleSummary, tally } from './index.js';
import { dropUnsupported } from './provenance.js';

/**
 * Names what the summarizer and the audit make of an article. Raise it whenever either changes what it
 * produces: runs reuse a stored summary only when its key (this, the article's text and the summary
 * settings) is the same, so an unchanged article costs nothing on the next run.
 */
export const GATE_VERSION = 2;

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
  const counts = tally(audit);
  const why = (['unsupported', 'misattributed', 'contradicted'] as const).filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${v}`);
  const dropped = counts.unsupported + counts.misattributed + counts.contradicted;
  if (dropped === 0) return undefined;
  return `${article.origin.path}: dropped ${dropped} summary sentence${dropped === 1 ? '' : 's'} the audit did not support (${why.join(', ')})`;
}

/** The key a stored summary is reused under: the gate's version, the settings, the article's title and text. */
export function gateKey(article: Article, settings: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([GATE_VERSION, settings, article.title, article.text]))
    .digest('hex')
    .slice(0, 32);
}
