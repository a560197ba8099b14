// Full-text search and read state on PostgreSQL: a stored tsvector over title (weight A) and text (weight B)
// with a GIN index (migration 4), and one row per (editor, article) seen (migration 5).
import type { SearchHit } from '../types.js';
import type { Queryable, Row } from './connection.js';

/** Words of the snippet around the match. */
const SNIPPET_WORDS = 24;

/** The query's words, each one required; nothing the user typed is read as query syntax. */
function queryWords(query: string): string | undefined {
  const words = query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 ? words.join(' ') : undefined;
}

export async function searchArticles(db: Queryable, query: string, limit: number, among?: string[]): Promise<SearchHit[]> {
  const words = queryWords(query);
  if (!words || among?.length === 0) return [];
  const { rows } = await db.query(
    `SELECT a.id, a.title, a.publisher,
        ts_headline('english', a.body, q, 'StartSel="",StopSel="",MaxWords=${SNIPPET_WORDS},MinWords=8,FragmentDelimiter=…') AS snippet
      FROM articles a, plainto_tsquery('english', $1) q
      WHERE a.search @@ q AND ($3::text[] IS NULL OR a.id = ANY($3::text[]))
      ORDER BY ts_rank(a.search, q) DESC, a.id
      LIMIT $2`,
    [words, Math.max(0, Math.floor(limit)), among ?? null],
  );
  return (rows as Row[]).map((r) => ({ articleId: r.id as string, title: r.title as string, publisher: r.publisher as string, snippet: r.snippet as string }));
}

export async function markSeen(db: Queryable, editor: string, articleIds: string[], at: string): Promise<void> {
  await db.query(
    `INSERT INTO seen (editor, article_id, at) SELECT $1, id, $2 FROM articles WHERE id = ANY($3::text[])
      ON CONFLICT (editor, article_id) DO NOTHING`,
    [editor, at, [...new Set(articleIds)]],
  );
}

export async function seenBy(db: Queryable, editor: string, articleIds: string[]): Promise<Set<string>> {
  const { rows } = await db.query('SELECT article_id FROM seen WHERE editor = $1 AND article_id = ANY($2::text[])', [editor, articleIds]);
  return new Set((rows as Row[]).map((r) => r.article_id as string));
}
