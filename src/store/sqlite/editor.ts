// The web editor's reads and its one write (usage with a note), kept apart from the run's writes in index.ts.
import type Database from 'better-sqlite3';
import type { AuditReport, Candidate, ScoreComponent, Summary, SummarySentence, AuditedSentence, Usage } from '../../model.js';
import type { ArticleReview, BoardEntry, RankEvent, RunCommand, RunRecord } from '../index.js';
import { usageHistory } from './editorial.js';

type Row = Record<string, string | number | null>;

export function latestRun(db: Database.Database): RunRecord | undefined {
  const r = db.prepare("SELECT * FROM runs WHERE finished_at IS NOT NULL AND command = 'run' ORDER BY id DESC LIMIT 1").get() as Row | undefined;
  return r ? runRecord(r) : undefined;
}

/** A `runs` row as the model's RunRecord. */
export function runRecord(r: Row): RunRecord {
  return {
    id: Number(r.id),
    startedAt: String(r.started_at),
    ...(r.finished_at ? { finishedAt: String(r.finished_at) } : {}),
    inputs: JSON.parse(String(r.inputs)) as string[],
    articleCount: Number(r.article_count),
    failureCount: Number(r.failure_count),
    command: String(r.command ?? 'run') as RunCommand,
  };
}

export function listBoard(db: Database.Database, runId: number): BoardEntry[] {
  const rows = db
    .prepare(
      `SELECT c.article_id, c.story_id, c.rank, c.score, COALESCE(r.usage, c.usage) AS usage,
              COALESCE(r.initial_rank, c.rank) AS initial_rank,
              a.title, a.url, a.publisher, a.publisher_name, a.published,
              s.label AS story_label, m.body AS summary, au.sentences AS audit, fr.started_at AS first_seen
       FROM candidates c JOIN articles a ON a.id = c.article_id
       LEFT JOIN runs fr ON fr.id = a.first_seen_run
       LEFT JOIN rankings r ON r.article_id = c.article_id
       LEFT JOIN stories s ON s.id = c.story_id
       LEFT JOIN summaries m ON m.article_id = c.article_id
       LEFT JOIN audits au ON au.article_id = c.article_id
       WHERE c.run_id = ? ORDER BY c.rank, c.article_id`,
    )
    .all(runId) as Row[];
  return rows.map((row) => {
    const audit = row.audit ? (JSON.parse(String(row.audit)) as AuditedSentence[]) : [];
    return {
      articleId: String(row.article_id),
      title: String(row.title),
      url: String(row.url),
      publisher: String(row.publisher),
      publisherName: String(row.publisher_name),
      ...(row.published ? { published: String(row.published) } : {}),
      ...(row.first_seen ? { firstSeen: String(row.first_seen) } : {}),
      storyId: String(row.story_id),
      storyLabel: row.story_label === null ? '' : String(row.story_label),
      rank: Number(row.rank),
      initialRank: Number(row.initial_rank),
      score: Number(row.score),
      usage: String(row.usage) as Usage,
      summary: row.summary === null ? '' : String(row.summary),
      flagged: audit.filter((s) => s.verdict !== 'supported').length,
      audited: audit.length,
    };
  });
}

export function getReview(
  db: Database.Database,
  articleId: string,
  loadArticle: (id: string) => ArticleReview['article'] | undefined,
): ArticleReview | undefined {
  const article = loadArticle(articleId);
  if (!article) return undefined;
  const summaryRow = db.prepare('SELECT * FROM summaries WHERE article_id = ?').get(articleId) as Row | undefined;
  const auditRow = db.prepare('SELECT sentences FROM audits WHERE article_id = ?').get(articleId) as Row | undefined;
  const candidateRow = db
    .prepare(
      `SELECT c.*, COALESCE(r.usage, c.usage) AS current_usage, COALESCE(r.initial_rank, c.rank) AS initial_rank,
              d.original_id, s.label AS story_label
       FROM candidates c LEFT JOIN rankings r ON r.article_id = c.article_id
       LEFT JOIN duplicates d ON d.article_id = c.article_id LEFT JOIN stories s ON s.id = c.story_id
       WHERE c.article_id = ? ORDER BY c.run_id DESC LIMIT 1`,
    )
    .get(articleId) as Row | undefined;
  const summary: Summary | undefined = summaryRow && {
    articleId,
    text: String(summaryRow.body),
    sentences: JSON.parse(String(summaryRow.sentences)) as SummarySentence[],
    wordCount: Number(summaryRow.word_count),
    method: String(summaryRow.method),
  };
  const audit: AuditReport | undefined = auditRow && { articleId, sentences: JSON.parse(String(auditRow.sentences)) as AuditedSentence[] };
  const candidate: Candidate | undefined = candidateRow && {
    articleId,
    storyId: String(candidateRow.story_id),
    score: Number(candidateRow.score),
    components: JSON.parse(String(candidateRow.components)) as ScoreComponent[],
    initialRank: Number(candidateRow.initial_rank),
    rank: Number(candidateRow.rank),
    usage: String(candidateRow.current_usage) as Usage,
    ...(candidateRow.original_id ? { duplicateOf: String(candidateRow.original_id) } : {}),
  };
  return {
    article,
    ...(summary ? { summary } : {}),
    ...(audit ? { audit } : {}),
    ...(candidate ? { candidate } : {}),
    ...(candidateRow?.story_label ? { storyLabel: String(candidateRow.story_label) } : {}),
    changes: usageHistory(db, articleId),
    rankChanges: rankHistory(db, articleId),
  };
}

function rankHistory(db: Database.Database, articleId: string): RankEvent[] {
  const rows = db
    .prepare('SELECT run_id AS runId, rank, previous, at FROM rank_events WHERE article_id = ? ORDER BY id')
    .all(articleId) as Array<{ runId: number; rank: number; previous: number; at: string }>;
  return rows.map((r) => ({ articleId, ...r }));
}

/** Moves an article within a run's ranking and records the move in the audit trail (when it moved at all). */
export function moveCandidate(db: Database.Database, runId: number, articleId: string, rank: number, at: string): number {
  return db.transaction((): number => {
    const ids = (db.prepare('SELECT article_id FROM candidates WHERE run_id = ? ORDER BY rank, article_id').all(runId) as Array<{ article_id: string }>).map(
      (r) => r.article_id,
    );
    const from = ids.indexOf(articleId);
    if (from < 0) throw new Error(`store: article ${articleId} is not ranked in run ${runId}`);
    ids.splice(from, 1);
    const to = Math.min(Math.max(1, Math.trunc(rank)), ids.length + 1);
    ids.splice(to - 1, 0, articleId);
    const update = db.prepare('UPDATE candidates SET rank = ? WHERE run_id = ? AND article_id = ?');
    ids.forEach((id, i) => update.run(i + 1, runId, id));
    if (to !== from + 1) {
      db.prepare('INSERT INTO rank_events (article_id, run_id, rank, previous, at) VALUES (?, ?, ?, ?, ?)').run(articleId, runId, to, from + 1, at);
    }
    return to;
  })();
}
