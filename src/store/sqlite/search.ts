// Full-text search on SQLite FTS5 (migration 12 keeps the index in step with the articles table).
import type Database from 'better-sqlite3';
import type { SearchHit } from '../types.js';

/** Words of the snippet around the match. */
const SNIPPET_TOKENS = 24;
/** bm25 weights of the indexed columns: title, body. */
const TITLE_WEIGHT = 5;
const BODY_WEIGHT = 1;

/** The query's words as FTS5 phrases: every word must match; nothing the user typed is read as syntax. */
export function matchExpression(query: string): string | undefined {
  const words = query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 ? words.map((w) => `"${w}"`).join(' ') : undefined;
}

export function searchArticles(db: Database.Database, query: string, limit: number, among?: string[]): SearchHit[] {
  const match = matchExpression(query);
  if (!match || among?.length === 0) return [];
  const within = among ? 'AND a.id IN (SELECT value FROM json_each(?))' : '';
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.publisher, snippet(article_search, 1, '', '', '…', ${SNIPPET_TOKENS}) AS snippet
       FROM article_search JOIN articles a ON a.rowid = article_search.rowid
       WHERE article_search MATCH ? ${within}
       ORDER BY bm25(article_search, ${TITLE_WEIGHT}, ${BODY_WEIGHT}), a.id
       LIMIT ?`,
    )
    .all(match, ...(among ? [JSON.stringify(among)] : []), Math.max(0, Math.floor(limit))) as Array<{ id: string; title: string; publisher: string; snippet: string }>;
  return rows.map((r) => ({ articleId: r.id, title: r.title, publisher: r.publisher, snippet: r.snippet }));
}
