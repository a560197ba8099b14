// Staged articles as both backends keep them: one row per article of a running run, its parts as JSON text,
// written once by stageArticles and moved into the desk's tables by the run's commit, in SQL (each backend's
// moveStaged), so it must be JSON that the database itself reads.
import type { StagedArticle } from './types.js';

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
    article: stagedJson(article),
    summary: summary ? stagedJson(summary) : null,
    audit: audit ? stagedJson(audit) : null,
    summary_key: summaryKey ?? null,
  };
}

/**
 * JSON that both backends' own JSON readers accept, for the commit moves staged rows in SQL: a lone
 * surrogate (a JSON Feed can carry one as "\ud83d") becomes U+FFFD, as PostgreSQL's jsonb refuses it.
 * JSON.stringify writes valid pairs as they are, so only a lone one shows as an escape, and only then is
 * the value written again.
 */
function stagedJson(value: unknown): string {
  const json = JSON.stringify(value);
  return LONE_SURROGATE_ESCAPE_RE.test(json) ? JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replace(LONE_SURROGATE_RE, '\ufffd') : v)) : json;
}

const LONE_SURROGATE_ESCAPE_RE = /\\ud[89a-f]/i;
const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Staging is for a running run only: a worker still reading for a run that has ended (committed, failed,
 * cancelled, or abandoned when its process died) must leave nothing behind, so its batch is refused.
 */
export function refuseUnlessRunning(runId: number, status: string | undefined): void {
  if (status === 'running') return;
  throw new Error(`store: run ${runId} is ${status ?? 'unknown'}, not running; nothing is staged for it`);
}
