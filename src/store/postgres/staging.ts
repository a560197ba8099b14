// A running run's staged articles (see store/staged.ts): written a batch at a time, moved into the desk's
// tables by the run's commit, dropped when the run ends otherwise.
import type { Article, ContinuedStory } from '../../model.js';
import type { StagedArticle } from '../types.js';
import type pg from 'pg';
import { refuseUnlessRunning, stagedRow } from '../staged.js';
import { stagedStoryFromRow } from '../story-rows.js';
import { eachValuesList, firstByKey, inTransaction, insertRows, lastByKey, type Queryable } from './connection.js';

/** The staged columns given per article, in the order of the statement's arrays. */
const COLUMNS = ['article_id', 'article', 'summary', 'audit', 'summary_key'] as const;

export async function stageArticles(pool: pg.Pool, runId: number, batch: StagedArticle[]): Promise<void> {
  // One row per article id, the first: ON CONFLICT DO NOTHING keeps what an earlier batch staged.
  const rows = firstByKey(batch, (item) => item.article.id).map((item) => {
    const row = stagedRow(item);
    return COLUMNS.map((column) => row[column]);
  });
  await inTransaction(pool, async (db) => {
    // FOR SHARE: a run ending now (endRun, abandonRunning, commitRun update its row) waits for these rows and
    // then drops or commits them; one that has ended refuses them.
    const { rows: found } = await db.query<{ status: string }>('SELECT status FROM runs WHERE id = $1 FOR SHARE', [runId]);
    refuseUnlessRunning(runId, found[0]?.status);
    // The search vector is made here, by the process that read the articles, not by the run's commit
    // (migration 11). Plain parameters, not arrays: an array of texts is escaped character by character.
    await eachValuesList(rows, COLUMNS.length, [runId], (values, parameters) =>
      db.query(
        `INSERT INTO staged_articles (run_id, article_id, article, summary, audit, summary_key, search)
        SELECT $1::integer, v.id, v.article, v.summary, v.audit, v.key, article_search(v.article::jsonb ->> 'title', v.article::jsonb ->> 'text')
        FROM (VALUES ${values}) AS v(id, article, summary, audit, key)
        ON CONFLICT DO NOTHING`,
        parameters,
      ),
    );
  });
}

export async function stageStories(pool: pg.Pool, runId: number, entries: ContinuedStory[]): Promise<void> {
  // One row per story id, the last: a story staged again replaces what was staged for it.
  const rows = lastByKey(entries, (entry) => entry.story.id).map(({ story, centroid }) => [runId, story.id, JSON.stringify(story), JSON.stringify(centroid)]);
  await inTransaction(pool, async (db) => {
    const { rows: found } = await db.query<{ status: string }>('SELECT status FROM runs WHERE id = $1 FOR SHARE', [runId]);
    refuseUnlessRunning(runId, found[0]?.status);
    await insertRows(db, 'staged_stories', ['run_id', 'story_id', 'story', 'centroid'], rows,
      'ON CONFLICT (run_id, story_id) DO UPDATE SET story = excluded.story, centroid = excluded.centroid');
  });
}

/** Staged stories read back per query by the commit, in story id order (byte order, as SQLite's). */
const STAGED_STORY_PAGE = 500;

/** A run's staged stories, STAGED_STORY_PAGE at a time in story id order, for its commit. */
export async function* stagedStoryPages(db: Queryable, runId: number): AsyncGenerator<ContinuedStory[]> {
  let after = '';
  for (;;) {
    const { rows } = await db.query<{ story_id: string; story: string; centroid: string }>(
      `SELECT story_id, story, centroid FROM staged_stories WHERE run_id = $1 AND story_id COLLATE "C" > $2
      ORDER BY story_id COLLATE "C" LIMIT $3`,
      [runId, after, STAGED_STORY_PAGE],
    );
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.story_id;
    yield rows.map(stagedStoryFromRow);
  }
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

/** Byte order of ids (COLLATE "C"), as SQLite compares them: both backends list a run's stage alike. */
export async function stagedIds(db: Queryable, runId: number): Promise<string[]> {
  const { rows } = await db.query<{ article_id: string }>(
    'SELECT article_id FROM staged_articles WHERE run_id = $1 ORDER BY article_id COLLATE "C"',
    [runId],
  );
  return rows.map((r) => r.article_id);
}

/** Drops what runs staged: one run's, or (no id) every run's that is not running any more. */
export async function dropStaged(db: Queryable, runId?: number): Promise<void> {
  for (const table of ['staged_articles', 'staged_stories']) {
    if (runId !== undefined) await db.query(`DELETE FROM ${table} WHERE run_id = $1`, [runId]);
    else await db.query(`DELETE FROM ${table} WHERE run_id IN (SELECT id FROM runs WHERE status <> 'running')`);
  }
}
