// Auditing any summary against its source: split the summary into sentences and let a backend judge them.
import type { Article, AuditReport, AuditVerdict, Summary } from '../model.js';
import { auditProvenance, provenNameEdits } from './provenance.js';
import { splitSentences } from '../text/sentences.js';
import type { AuditBackend, SyncAuditBackend } from './backend.js';
import { ruleBackend } from './rules.js';
import { unescapeMarkdownText } from '../text/markdown-escape.js';

export type { AuditBackend, SyncAuditBackend } from './backend.js';
export { ruleBackend } from './rules.js';

export const VERDICTS: readonly AuditVerdict[] = ['supported', 'unsupported', 'misattributed', 'contradicted'];

/**
 * Audits `summary` (plain text) against `source` (article body text), both read in `lang`, the article's
 * language tag (English rules when it is not given).
 */
export function auditSummary(
  articleId: string,
  source: string,
  summary: string,
  backend: SyncAuditBackend<unknown> = ruleBackend as SyncAuditBackend<unknown>,
  lang?: string,
): AuditReport {
  const prepared = backend.prepare(source, lang);
  const sentences = splitSentences(summary, lang).map((s) => s.text);
  return { articleId, sentences: backend.auditSentences(sentences, prepared) };
}

/** `auditSummary` with any backend, including one that asks a server. */
export async function auditSummaryWith(articleId: string, source: string, summary: string, backend: AuditBackend<unknown>, lang?: string): Promise<AuditReport> {
  const prepared = backend.prepare(source, lang);
  const sentences = splitSentences(summary, lang).map((s) => s.text);
  return { articleId, sentences: await backend.auditSentences(sentences, prepared) };
}

/**
 * The pipeline's audit of its own summary: the provenance check (is each sentence the source text it
 * cites?) and the content check of `backend` (who said it, numbers, negation…) on the same sentences.
 * A sentence is supported only when both say so; the stored findings are those of both.
 */
export function auditArticleSummary(
  article: Article,
  summary: Summary,
  backend: SyncAuditBackend<unknown> = ruleBackend as SyncAuditBackend<unknown>,
): AuditReport {
  const provenance = auditProvenance(article, summary);
  // A sentence that is, character for character, the source sentence its provenance cites states only
  // what the article states, in the article's words: the provenance check is the stronger proof, and the
  // content rules could only align it to itself. The same holds for one whose only edits put back full
  // names the article writes (provenNameEdits). The content backend (whose source preparation is most of an
  // audit's cost) runs for the other sentences: those with other edits, and any that failed.
  const needsContent = summary.sentences.map(
    (s, i) => provenance.sentences[i]?.verdict !== 'supported' || (s.edits.length > 0 && !provenNameEdits(article, s)),
  );
  if (!needsContent.includes(true)) return provenance;
  const content = backend.auditSentences(
    summary.sentences.filter((_, i) => needsContent[i]).map((s) => s.text),
    backend.prepare(article.text, article.lang),
  );
  let next = 0;
  return {
    articleId: article.id,
    sentences: provenance.sentences.map((p, i) => {
      if (!needsContent[i]) return p;
      const c = content[next++];
      if (!c || p.verdict !== 'supported') return { ...p, findings: [...p.findings, ...(c?.findings ?? [])] };
      return { ...c, evidence: p.evidence.length > 0 ? p.evidence : c.evidence };
    }),
  };
}

/** Count of sentences per verdict. */
export function tally(report: AuditReport): Record<AuditVerdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<AuditVerdict, number>;
  for (const s of report.sentences) counts[s.verdict] += 1;
  return counts;
}

/**
 * The text to audit in a summary file: the `## Article summary` section of a per-article Markdown file
 * (front matter and other sections ignored), or the whole file when it is plain text.
 */
export function summaryBody(content: string): string {
  const lines = content.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  const heading = lines.findIndex((l) => /^##\s+Article summary\s*$/i.test(l.trim()));
  if (heading < 0) return lines.join('\n').trim();
  const rest = lines.slice(heading + 1);
  const next = rest.findIndex((l) => /^#{1,2}\s/.test(l));
  // Our article files write <, > and & as character references (publish/markdown.ts); the summary is their text.
  return unescapeMarkdownText((next < 0 ? rest : rest.slice(0, next)).join('\n').trim());
}
