// A running run's staged articles (see store/staged.ts): written a batch at a time, moved into the desk's
// tables by the run's commit, dropped when the run ends otherwise.
import type { Article } from '../../model.js';
import type { StagedArticle } from '../types.js';
import type pg from 'pg';
import { refuseUnlessRunning, stagedRow } from '../staged.js';
import { firstByKey, inTransaction, insertRows, type Queryable } from './connection.js';

const COLUMNS = ['run_id', 'article_id', 'article', 'summary', 'audit', 'summary_key'];

export async function stageArticles(pool: pg.Pool, runId: number, batch: StagedArticle[]): Promise<void> {
  // One row per article id, the first: ON CONFLICT DO NOTHING keeps what an earlier batch staged.
  const rows = firstByKey(batch, (item) => item.article.id).map((item) => {
    const row = stagedRow(item);
    return [runId, row.article_id, row.article, row.summary, row.audit, row.summary_key];
  });
  await inTransaction(pool, async (db) => {
    // FOR SHARE: a run ending now (endRun, abandonRunning, commitRun update its row) waits for these rows and
    // then drops or commits them; one that has ended refuses them.
    const { rows: found } = await db.query<{ status: string }>('SELECT status FROM runs WHERE id = $1 FOR SHARE', [runId]);
    refuseUnlessRunning(runId, found[0]?.status);
    await insertRows(db, 'staged_articles', COLUMNS, rows, 'ON CONFLICT DO NOTHING');
  });
}

export async function stagedArticles(db: Queryable, runId: number, ids: string[]): Promise<Article[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ article_id: string; article: string }>(
    'SELECT article_id, article FROM staged_articles WHERE run_id = $1 AND article_id = ANY($2::text[])',
    [runId, ids],
  );
  const byId = new Map(rows.map((r) => [r.article_id, JSON.parse(r.article) as Article]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Byte order of ids (COLLATE "C"), as SQLite compares them: both backends page a run's stage alike. */
export async function stagedPage(db: Queryable, runId: number, after: string, limit: number): Promise<Article[]> {
  const { rows } = await db.query<{ article: string }>(
    'SELECT article FROM staged_articles WHERE run_id = $1 AND article_id COLLATE "C" > $2 ORDER BY article_id COLLATE "C" LIMIT $3',
    [runId, after, limit],
  );
  return rows.map((r) => JSON.parse(r.article) as Article);
}

/**
 * Moves the run's staged rows into the desk's tables (inside the caller's transaction); returns how many
 * articles. The rows go from table to table on the server, read as jsonb there: no article travels to the
 * run's process and back, which took most of a commit's time (SQLite's commit does the same).
 */
export async function moveStaged(db: Queryable, runId: number): Promise<number> {
  await db.query(
    `INSERT INTO articles (id, url, title, byline, published, publisher, publisher_name, lang, body, syndicated_from, origin, first_seen_run, updated_run)
    SELECT article_id, a ->> 'url', a ->> 'title', a -> 'byline', a ->> 'published', a ->> 'publisher', a ->> 'publisherName',
      a ->> 'lang', a ->> 'text', a ->> 'syndicatedFrom', a -> 'origin', $1, $1
    FROM (SELECT article_id, article::jsonb AS a FROM staged_articles WHERE run_id = $1) staged
    ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, byline = excluded.byline,
      published = excluded.published, publisher = excluded.publisher, publisher_name = excluded.publisher_name,
      lang = excluded.lang, body = excluded.body, syndicated_from = excluded.syndicated_from,
      origin = excluded.origin, updated_run = excluded.updated_run`,
    [runId],
  );
  await db.query(
    `INSERT INTO summaries (article_id, method, body, sentences, word_count, source_key)
    SELECT s ->> 'articleId', s ->> 'method', s ->> 'text', s -> 'sentences', (s ->> 'wordCount')::integer, summary_key
    FROM (SELECT summary::jsonb AS s, summary_key FROM staged_articles WHERE run_id = $1 AND summary IS NOT NULL) staged
    ON CONFLICT (article_id) DO UPDATE SET method = excluded.method, body = excluded.body,
      sentences = excluded.sentences, word_count = excluded.word_count, source_key = excluded.source_key`,
    [runId],
  );
  await db.query(
    `INSERT INTO audits (article_id, sentences)
    SELECT a ->> 'articleId', a -> 'sentences'
    FROM (SELECT audit::jsonb AS a FROM staged_articles WHERE run_id = $1 AND audit IS NOT NULL) staged
    ON CONFLICT (article_id) DO UPDATE SET sentences = excluded.sentences`,
    [runId],
  );
  const { rows } = await db.query<{ count: string }>('SELECT count(*) AS count FROM staged_articles WHERE run_id = $1', [runId]);
  return Number(rows[0]!.count);
}

/** Drops what runs staged: one run's, or (no id) every run's that is not running any more. */
export async function dropStaged(db: Queryable, runId?: number): Promise<void> {
  if (runId !== undefined) await db.query('DELETE FROM staged_articles WHERE run_id = $1', [runId]);
  else await db.query("DELETE FROM staged_articles WHERE run_id IN (SELECT id FROM runs WHERE status <> 'running')");
}
