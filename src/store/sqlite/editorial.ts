// The editorial side of the SQLite store: usage changes and pinned ranks with their audit trail, a run's
// arrangement after a decision, story sizes per run for novelty.
import type Database from 'better-sqlite3';
import type { AuditReport, AuditedSentence, Candidate, Summary, SummarySentence, Usage } from '../../model.js';
import type { RankEvent, UsageEvent } from '../types.js';

export function shownStorySizes(db: Database.Database, beforeRun: number): Map<string, number> {
  // The latest earlier showing is what the editor remembers; a story that shrank and regrew counts from there.
  const rows = db
    .prepare(`SELECT s.story_id AS story, s.size AS size FROM story_sizes s
      JOIN (SELECT z.story_id, max(z.run_id) AS run FROM story_sizes z JOIN runs r ON r.id = z.run_id
            WHERE z.run_id < ? AND r.status = 'committed' GROUP BY z.story_id) l
      ON l.story_id = s.story_id AND l.run = s.run_id`)
    .all(beforeRun) as Array<{ story: string; size: number }>;
  return new Map(rows.map((r) => [r.story, r.size]));
}

export function storyArticleIds(db: Database.Database, storyId: string): string[] {
  const rows = db
    .prepare(`SELECT article_id AS id FROM story_articles WHERE story_id = ?
      UNION SELECT article_id AS id FROM candidates WHERE story_id = ? ORDER BY id`)
    .all(storyId, storyId) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

export function setUsage(db: Database.Database, articleIds: string[], usage: Usage, at: string, note?: string): UsageEvent[] {
  const current = db.prepare('SELECT usage FROM rankings WHERE article_id = ?');
  const update = db.prepare('UPDATE rankings SET usage = ? WHERE article_id = ?');
  const event = db.prepare('INSERT INTO usage_events (article_id, usage, previous, note, at) VALUES (?, ?, ?, ?, ?)');
  const events: UsageEvent[] = [];
  db.transaction(() => {
    for (const id of articleIds) {
      const row = current.get(id) as { usage: Usage } | undefined;
      if (!row) throw new Error(`store: article ${id} has not been ranked by any run`);
      update.run(usage, id);
      event.run(id, usage, row.usage, note ?? null, at);
      events.push({ articleId: id, usage, previous: row.usage, ...(note !== undefined ? { note } : {}), at });
    }
  })();
  return events;
}

export function usageHistory(db: Database.Database, articleId: string): UsageEvent[] {
  const rows = db
    .prepare('SELECT usage, previous, note, at FROM usage_events WHERE article_id = ? ORDER BY id')
    .all(articleId) as Array<{ usage: Usage; previous: Usage | null; note: string | null; at: string }>;
  return rows.map((r) => ({
    articleId,
    usage: r.usage,
    ...(r.previous !== null ? { previous: r.previous } : {}),
    ...(r.note !== null ? { note: r.note } : {}),
    at: r.at,
  }));
}

export function pinRank(db: Database.Database, runId: number, articleId: string, rank: number | undefined, previous: number, at: string): RankEvent {
  return db.transaction((): RankEvent => {
    const info = db.prepare('UPDATE rankings SET pinned_rank = ? WHERE article_id = ?').run(rank ?? null, articleId);
    if (info.changes === 0) throw new Error(`store: article ${articleId} has not been ranked by any run`);
    db.prepare('INSERT INTO rank_events (article_id, run_id, rank, previous, at) VALUES (?, ?, ?, ?, ?)').run(articleId, runId, rank ?? null, previous, at);
    return { articleId, runId, ...(rank !== undefined ? { rank } : {}), previous, at };
  })();
}

export function rankHistory(db: Database.Database, articleId: string): RankEvent[] {
  const rows = db
    .prepare('SELECT run_id AS runId, rank, previous, at FROM rank_events WHERE article_id = ? ORDER BY id')
    .all(articleId) as Array<{ runId: number; rank: number | null; previous: number; at: string }>;
  return rows.map(({ rank, ...r }) => ({ articleId, ...r, ...(rank !== null ? { rank } : {}) }));
}

export function saveArrangement(db: Database.Database, runId: number, ranks: Array<{ articleId: string; rank: number }>): void {
  const update = db.prepare('UPDATE candidates SET rank = ? WHERE run_id = ? AND article_id = ?');
  db.transaction(() => {
    for (const { articleId, rank } of ranks) update.run(rank, runId, articleId);
  })();
}

export function saveRanking(db: Database.Database, runId: number, candidates: Candidate[]): void {
  const update = db.prepare(`UPDATE candidates SET rank = ?, base_rank = ?, score = ?, components = ?, capped = ?, muted = ?
    WHERE run_id = ? AND article_id = ?`);
  db.transaction(() => {
    for (const c of candidates) {
      update.run(c.rank, c.baseRank ?? c.rank, c.score, JSON.stringify(c.components), c.capped ?? null, c.muted ?? null, runId, c.articleId);
    }
  })();
}

export function articleRecords(db: Database.Database, articleId: string): { summary?: Summary; audit?: AuditReport } {
  const s = db.prepare('SELECT method, body, sentences, word_count AS wordCount FROM summaries WHERE article_id = ?').get(articleId) as
    | { method: string; body: string; sentences: string; wordCount: number }
    | undefined;
  const a = db.prepare('SELECT sentences FROM audits WHERE article_id = ?').get(articleId) as { sentences: string } | undefined;
  return {
    ...(s ? { summary: { articleId, text: s.body, sentences: JSON.parse(s.sentences) as SummarySentence[], wordCount: s.wordCount, method: s.method } } : {}),
    ...(a ? { audit: { articleId, sentences: JSON.parse(a.sentences) as AuditedSentence[] } } : {}),
  };
}
