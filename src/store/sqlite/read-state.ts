// Read state on SQLite: one row per (editor, article) seen.
import type Database from 'better-sqlite3';

/** Ids per statement: well under SQLite's limit on bound parameters. */
const CHUNK = 500;

export function markSeen(db: Database.Database, editor: string, articleIds: string[], at: string): void {
  const insert = db.prepare('INSERT OR IGNORE INTO seen (editor, article_id, at) SELECT ?, id, ? FROM articles WHERE id = ?');
  db.transaction(() => {
    for (const id of new Set(articleIds)) insert.run(editor, at, id);
  })();
}

export function seenBy(db: Database.Database, editor: string, articleIds: string[]): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < articleIds.length; i += CHUNK) {
    const chunk = articleIds.slice(i, i + CHUNK);
    const rows = db
      .prepare(`SELECT article_id FROM seen WHERE editor = ? AND article_id IN (${chunk.map(() => '?').join(', ')})`)
      .all(editor, ...chunk) as Array<{ article_id: string }>;
    for (const r of rows) seen.add(r.article_id);
  }
  return seen;
}
