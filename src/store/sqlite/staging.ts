// A running run's staged articles (see store/staged.ts): written a batch at a time, moved into the desk's
// tables by the run's commit, dropped when the run ends otherwise.
import type Database from 'better-sqlite3';
import type { Article, ContinuedStory } from '../../model.js';
import type { StagedArticle } from '../types.js';
import { refuseUnlessRunning, stagedRow } from '../staged.js';
import { stagedStoryFromRow } from '../story-rows.js';

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

export function stageStories(db: Database.Database, runId: number, entries: ContinuedStory[]): void {
  const upsert = db.prepare(`INSERT INTO staged_stories (run_id, story_id, story, centroid) VALUES (?, ?, ?, ?)
    ON CONFLICT (run_id, story_id) DO UPDATE SET story = excluded.story, centroid = excluded.centroid`);
  const status = db.prepare('SELECT status FROM runs WHERE id = ?').pluck();
  db.transaction(() => {
    refuseUnlessRunning(runId, status.get(runId) as string | undefined);
    for (const { story, centroid } of entries) upsert.run(runId, story.id, JSON.stringify(story), JSON.stringify(centroid));
  }).immediate();
}

/** Staged stories read back per query by the commit, in story id order. */
const STAGED_STORY_PAGE = 500;

/** A run's staged stories, STAGED_STORY_PAGE at a time in story id order, for its commit. */
export function* stagedStoryPages(db: Database.Database, runId: number): Generator<ContinuedStory[]> {
  const page = db.prepare('SELECT story_id, story, centroid FROM staged_stories WHERE run_id = ? AND story_id > ? ORDER BY story_id LIMIT ?');
  let after = '';
  for (;;) {
    const rows = page.all(runId, after, STAGED_STORY_PAGE) as Array<{ story_id: string; story: string; centroid: string }>;
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.story_id;
    yield rows.map(stagedStoryFromRow);
  }
}

export function stagedArticles(db: Database.Database, runId: number, ids: string[]): Article[] {
  const get = db.prepare('SELECT article FROM staged_articles WHERE run_id = ? AND article_id = ?').pluck();
  return ids.flatMap((id) => {
    const text = get.get(runId, id) as string | undefined;
    return text === undefined ? [] : [JSON.parse(text) as Article];
  });
}

export function stagedIds(db: Database.Database, runId: number): string[] {
  return db.prepare('SELECT article_id FROM staged_articles WHERE run_id = ? ORDER BY article_id').pluck().all(runId) as string[];
}

/** Drops what runs staged: one run's, or (no id) every run's that is not running any more. */
export function dropStaged(db: Database.Database, runId?: number): void {
  for (const table of ['staged_articles', 'staged_stories']) {
    if (runId !== undefined) db.prepare(`DELETE FROM ${table} WHERE run_id = ?`).run(runId);
    else db.prepare(`DELETE FROM ${table} WHERE run_id IN (SELECT id FROM runs WHERE status <> 'running')`).run();
  }
}
