// Staged articles as both backends keep them: one row per article of a running run, its parts as JSON text,
// written once by stageArticles and read once, a page at a time, by the run's commit.
import type { Article, AuditReport, Summary } from '../model.js';
import type { StagedArticle } from './types.js';

/** Staged rows moved per step of a commit: enough to write in large statements, few enough to stay small. */
export const STAGED_PAGE = 100;

export interface StagedRow {
  article_id: string;
  article: string;
  summary: string | null;
  audit: string | null;
  summary_key: string | null;
}

export function stagedRow({ article, summary, audit, summaryKey }: StagedArticle): StagedRow {
  return {
    article_id: article.id,
    article: JSON.stringify(article),
    summary: summary ? JSON.stringify(summary) : null,
    audit: audit ? JSON.stringify(audit) : null,
    summary_key: summaryKey ?? null,
  };
}

/** One page of staged rows, as the commit writes them into the desk's tables. */
export interface StagedPage {
  articles: Article[];
  summaries: Summary[];
  audits: AuditReport[];
  summaryKeys: Map<string, string>;
}

export function stagedPage(rows: StagedRow[]): StagedPage {
  const page: StagedPage = { articles: [], summaries: [], audits: [], summaryKeys: new Map() };
  for (const row of rows) {
    page.articles.push(JSON.parse(row.article) as Article);
    if (row.summary !== null) page.summaries.push(JSON.parse(row.summary) as Summary);
    if (row.audit !== null) page.audits.push(JSON.parse(row.audit) as AuditReport);
    if (row.summary_key !== null) page.summaryKeys.set(row.article_id, row.summary_key);
  }
  return page;
}

/**
 * Staging is for a running run only: a worker still reading for a run that has ended (committed, failed,
 * cancelled, or abandoned when its process died) must leave nothing behind, so its batch is refused.
 */
export function refuseUnlessRunning(runId: number, status: string | undefined): void {
  if (status === 'running') return;
  throw new Error(`store: run ${runId} is ${status ?? 'unknown'}, not running; nothing is staged for it`);
}
