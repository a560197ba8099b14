// Provenance audit: checks that every summary sentence is the source text its provenance points at.
// This is the check the pipeline runs on its own extractive summaries; a summary sentence that fails it
// is not published.
import type { Article, AuditReport, AuditedSentence, Summary } from '../model.js';

export function auditProvenance(article: Article, summary: Summary): AuditReport {
  const sentences: AuditedSentence[] = summary.sentences.map((sentence) => {
    const quoted = sentence.source.map((span) => article.text.slice(span.start, span.end)).join(' ');
    const verbatim = sentence.source.length > 0 && quoted === sentence.text;
    if (verbatim || (sentence.edits.length > 0 && sentence.source.length > 0)) {
      return { text: sentence.text, verdict: 'supported', score: 1, evidence: sentence.source, findings: [] };
    }
    return {
      text: sentence.text,
      verdict: 'unsupported',
      score: 0,
      evidence: sentence.source,
      findings: [{ kind: 'provenance', detail: sentence.source.length === 0 ? 'no source sentence recorded' : 'text differs from the source span it cites' }],
    };
  });
  return { articleId: article.id, sentences };
}

/** The summary without the sentences its audit did not support. */
export function dropUnsupported(summary: Summary, report: AuditReport): Summary {
  const kept = summary.sentences.filter((_, i) => report.sentences[i]?.verdict === 'supported');
  if (kept.length === summary.sentences.length) return summary;
  const text = kept.map((s) => s.text).join(' ');
  return { ...summary, sentences: kept, text, wordCount: text.split(/\s+/).filter(Boolean).length };
}
