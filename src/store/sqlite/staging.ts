// A running run's staged articles (see store/staged.ts): written a batch at a time, moved into the desk's
// tables by the run's commit, dropped when the run ends otherwise.
import type Database from 'better-sqlite3';
import type { Article } from '../../model.js';
import type { StagedArticle } from '../types.js';
import { refuseUnlessRunning, stagedRow } from '../staged.js';

export function stageArticles(db: Database.Database, runId: number, batch: StagedArticle[]): void {
  const insert = db.prepare(`INSERT INTO staged_articles (run_id, article_id, article, summary, audit, summary_key)
    VALUES (@run_id, @article_id, @article, @summary, @audit, @summary_key) ON CONFLICT DO NOTHING`);
  const status = db.prepare('SELECT status FROM runs WHERE id = ?').pluck();
  // In order, one transaction: a second staging of an article id, in this batch or an earlier one, is ignored.
  // Immediate: the run's status is read under the write lock, so it cannot end between the look and the rows.
  db.transaction(() => {
    refuseUnlessRunning(runId, status.get(runId) as string | undefined);
    for (const item of batch) insert.run({ run_id: runId, ...stagedRow(item) });
  }).immediate();
}

export function stagedArticles(db: Database.Database, runId: number, ids: string[]): Article[] {
  const get = db.prepare('SELECT article FROM staged_articles WHERE run_id = ? AND article_id = ?').pluck();
  return ids.flatMap((id) => {
    const text = get.get(runId, id) as string | undefined;
    return text === undefined ? [] : [JSON.parse(text) as Article];
  });
}

export function stagedPage(db: Database.Database, runId: number, after: string, limit: number): Article[] {
  const texts = db
    .prepare('SELECT article FROM staged_articles WHERE run_id = ? AND article_id > ? ORDER BY article_id LIMIT ?')
    .pluck()
    .all(runId, after, limit) as string[];
  return texts.map((text) => JSON.parse(text) as Article);
}

/**
 * Moves the run's staged rows into the desk's tables (inside the caller's transaction); returns how many
 * articles. The rows go from table to table in SQL, reading their JSON with SQLite's own operators: no
 * article is parsed into JavaScript and written back, which took most of a 10,000-article commit. `->` keeps
 * a value's JSON text as written (so byline, origin and sentences are stored exactly as staged), `->>` gives
 * a string or number. A missing optional field reads as NULL, as `?? null` writes it.
 */
export function moveStaged(db: Database.Database, runId: number): number {
  db.prepare(`INSERT INTO articles (id, url, title, byline, published, publisher, publisher_name, lang, body,
                          syndicated_from, origin, first_seen_run, updated_run)
    SELECT article_id, article ->> '$.url', article ->> '$.title', article -> '$.byline', article ->> '$.published',
      article ->> '$.publisher', article ->> '$.publisherName', article ->> '$.lang', article ->> '$.text',
      article ->> '$.syndicatedFrom', article -> '$.origin', @runId, @runId
    FROM staged_articles WHERE run_id = @runId ORDER BY article_id
    ON CONFLICT(id) DO UPDATE SET url = excluded.url, title = excluded.title, byline = excluded.byline,
      published = excluded.published, publisher = excluded.publisher, publisher_name = excluded.publisher_name,
      lang = excluded.lang, body = excluded.body, syndicated_from = excluded.syndicated_from,
      origin = excluded.origin, updated_run = excluded.updated_run`).run({ runId });
  db.prepare(`INSERT INTO summaries (article_id, method, body, sentences, word_count, source_key)
    SELECT summary ->> '$.articleId', summary ->> '$.method', summary ->> '$.text', summary -> '$.sentences',
      summary ->> '$.wordCount', summary_key
    FROM staged_articles WHERE run_id = ? AND summary IS NOT NULL ORDER BY article_id
    ON CONFLICT(article_id) DO UPDATE SET method = excluded.method, body = excluded.body,
    sentences = excluded.sentences, word_count = excluded.word_count, source_key = excluded.source_key`).run(runId);
  db.prepare(`INSERT INTO audits (article_id, sentences)
    SELECT audit ->> '$.articleId', audit -> '$.sentences'
    FROM staged_articles WHERE run_id = ? AND audit IS NOT NULL ORDER BY article_id
    ON CONFLICT(article_id) DO UPDATE SET sentences = excluded.sentences`).run(runId);
  return db.prepare('SELECT count(*) FROM staged_articles WHERE run_id = ?').pluck().get(runId) as number;
}

/** Drops what runs staged: one run's, or (no id) every run's that is not running any more. */
export function dropStaged(db: Database.Database, runId?: number): void {
  if (runId !== undefined) db.prepare('DELETE FROM staged_articles WHERE run_id = ?').run(runId);
  else db.prepare("DELETE FROM staged_articles WHERE run_id IN (SELECT id FROM runs WHERE status <> 'running')").run();
}
