// The editorial side of the SQLite store: usage changes with their audit trail, story sizes per run,
// and rebuilding a stored run so that a change can be re-published without re-running the pipeline.
import type Database from 'better-sqlite3';
import type { Article, AuditReport, Candidate, InputFailure, DuplicateGroup, RunResult, ScoreComponent, Story, Summary, Usage } from '../../model.js';
import type { UsageEvent } from '../index.js';

export function saveStorySizes(db: Database.Database, runId: number, sizes: Map<string, number>): void {
  const upsert = db.prepare(`INSERT INTO story_sizes (run_id, story_id, size) VALUES (?, ?, ?)
    ON CONFLICT(run_id, story_id) DO UPDATE SET size = excluded.size`);
  db.transaction(() => {
    for (const [story, size] of sizes) upsert.run(runId, story, size);
  })();
}

export function shownStorySizes(db: Database.Database, beforeRun: number): Map<string, number> {
  // The latest earlier showing is what the editor remembers; a story that shrank and regrew counts from there.
  const rows = db
    .prepare(`SELECT s.story_id AS story, s.size AS size FROM story_sizes s
      JOIN (SELECT story_id, max(run_id) AS run FROM story_sizes WHERE run_id < ? GROUP BY story_id) l
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

export function loadRun(db: Database.Database, runId: number, getArticle: (id: string) => Article | undefined): RunResult {
  const rows = db
    .prepare(`SELECT c.article_id AS id, c.story_id AS story, c.rank AS rank, c.score AS score, c.components AS components,
        coalesce(r.usage, c.usage) AS usage, c.capped AS capped, r.initial_rank AS initialRank,
        CASE WHEN c.usage = 'duplicate' THEN d.original_id END AS original
      FROM candidates c LEFT JOIN rankings r ON r.article_id = c.article_id LEFT JOIN duplicates d ON d.article_id = c.article_id
      WHERE c.run_id = ? ORDER BY c.rank`)
    .all(runId) as Array<{ id: string; story: string; rank: number; score: number; components: string; usage: Usage; initialRank: number | null; original: string | null; capped: string | null }>;
  const articles = rows.map((r) => getArticle(r.id)).filter((a): a is Article => a !== undefined);
  const candidates: Candidate[] = rows.map((r) => ({
    articleId: r.id,
    storyId: r.story,
    score: r.score,
    components: JSON.parse(r.components) as ScoreComponent[],
    initialRank: r.initialRank ?? r.rank,
    rank: r.rank,
    usage: r.usage,
    ...(r.original ? { duplicateOf: r.original } : {}),
    ...(r.capped ? { capped: r.capped } : {}),
  }));

  const summaryRow = db.prepare('SELECT method, body, sentences, word_count AS wordCount FROM summaries WHERE article_id = ?');
  const auditRow = db.prepare('SELECT sentences FROM audits WHERE article_id = ?');
  const summaries: Summary[] = [];
  const audits: AuditReport[] = [];
  for (const { id } of rows) {
    const s = summaryRow.get(id) as { method: string; body: string; sentences: string; wordCount: number } | undefined;
    if (s) summaries.push({ articleId: id, text: s.body, sentences: JSON.parse(s.sentences) as Summary['sentences'], wordCount: s.wordCount, method: s.method });
    const a = auditRow.get(id) as { sentences: string } | undefined;
    if (a) audits.push({ articleId: id, sentences: JSON.parse(a.sentences) as AuditReport['sentences'] });
  }

  // Membership as this run saw it (the candidates' story ids), not as a later run may have regrouped it.
  const storyRow = db.prepare('SELECT label, publishers FROM stories WHERE id = ?');
  const members = new Map<string, string[]>();
  for (const r of rows) if (r.story) members.set(r.story, [...(members.get(r.story) ?? []), r.id]);
  const stories: Story[] = [];
  for (const [id, articleIds] of members) {
    const s = storyRow.get(id) as { label: string; publishers: string } | undefined;
    if (s) stories.push({ id, label: s.label, articleIds: [...articleIds].sort(), publishers: JSON.parse(s.publishers) as string[] });
  }
  const groups = new Map<string, string[]>();
  for (const r of rows) if (r.original) groups.set(r.original, [...(groups.get(r.original) ?? []), r.id]);
  const duplicates: DuplicateGroup[] = [...groups].map(([originalId, duplicateIds]) => ({
    originalId,
    duplicateIds,
    reason: (db.prepare('SELECT reason FROM duplicates WHERE article_id = ?').get(duplicateIds[0]) as { reason: string }).reason,
  }));
  const report = db.prepare('SELECT failures, notices FROM runs WHERE id = ?').get(runId) as { failures: string | null; notices: string | null } | undefined;
  // Runs finished before migration 6 kept only counts.
  const failures = report?.failures ? (JSON.parse(report.failures) as InputFailure[]) : [];
  const notices = report?.notices ? (JSON.parse(report.notices) as string[]) : [];
  return { articles, duplicates, stories, summaries, audits, candidates, failures, notices };
}
