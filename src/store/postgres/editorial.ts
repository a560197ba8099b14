// The editorial side of the PostgreSQL store: usage changes and pinned ranks with their audit trail, a run's
// arrangement after a decision, story sizes per run for novelty.
import type pg from 'pg';
import type { AuditReport, AuditedSentence, Candidate, Summary, SummarySentence, Usage } from '../../model.js';
import type { RankEvent, UsageEvent } from '../types.js';
import { inTransaction, lastByKey, type Queryable } from './connection.js';

export async function shownStorySizes(db: Queryable, beforeRun: number): Promise<Map<string, number>> {
  // The latest earlier showing is what the editor remembers; a story that shrank and regrew counts from there.
  const { rows } = await db.query<{ story: string; size: number }>(
    `SELECT s.story_id AS story, s.size AS size FROM story_sizes s
      JOIN (SELECT z.story_id, max(z.run_id) AS run FROM story_sizes z JOIN runs r ON r.id = z.run_id
            WHERE z.run_id < $1 AND r.status = 'committed' GROUP BY z.story_id) l
      ON l.story_id = s.story_id AND l.run = s.run_id`,
    [beforeRun],
  );
  return new Map(rows.map((r) => [r.story, r.size]));
}

export async function storyArticleIds(db: Queryable, storyId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT article_id AS id FROM story_articles WHERE story_id = $1
      UNION SELECT article_id AS id FROM candidates WHERE story_id = $1 ORDER BY id`,
    [storyId],
  );
  return rows.map((r) => r.id);
}

export async function setUsage(pool: pg.Pool, articleIds: string[], usage: Usage, at: string, note?: string): Promise<UsageEvent[]> {
  return inTransaction(pool, async (db) => {
    const events: UsageEvent[] = [];
    for (const id of articleIds) {
      // FOR UPDATE: two editors changing one article at once each see the other's change as `previous`.
      const { rows } = await db.query<{ usage: Usage }>('SELECT usage FROM rankings WHERE article_id = $1 FOR UPDATE', [id]);
      const row = rows[0];
      if (!row) throw new Error(`store: article ${id} has not been ranked by any run`);
      await db.query('UPDATE rankings SET usage = $1 WHERE article_id = $2', [usage, id]);
      await db.query('INSERT INTO usage_events (article_id, usage, previous, note, at) VALUES ($1, $2, $3, $4, $5)', [id, usage, row.usage, note ?? null, at]);
      events.push({ articleId: id, usage, previous: row.usage, ...(note !== undefined ? { note } : {}), at });
    }
    return events;
  });
}

export async function usageHistory(db: Queryable, articleId: string): Promise<UsageEvent[]> {
  const { rows } = await db.query<{ usage: Usage; previous: Usage | null; note: string | null; at: string }>(
    'SELECT usage, previous, note, at FROM usage_events WHERE article_id = $1 ORDER BY id',
    [articleId],
  );
  return rows.map((r) => ({
    articleId,
    usage: r.usage,
    ...(r.previous !== null ? { previous: r.previous } : {}),
    ...(r.note !== null ? { note: r.note } : {}),
    at: r.at,
  }));
}

export async function pinRank(pool: pg.Pool, runId: number, articleId: string, rank: number | undefined, previous: number, at: string): Promise<RankEvent> {
  return inTransaction(pool, async (db) => {
    const { rowCount } = await db.query('UPDATE rankings SET pinned_rank = $1 WHERE article_id = $2', [rank ?? null, articleId]);
    if (!rowCount) throw new Error(`store: article ${articleId} has not been ranked by any run`);
    await db.query('INSERT INTO rank_events (article_id, run_id, rank, previous, at) VALUES ($1, $2, $3, $4, $5)', [articleId, runId, rank ?? null, previous, at]);
    return { articleId, runId, ...(rank !== undefined ? { rank } : {}), previous, at };
  });
}

export async function rankHistory(db: Queryable, articleId: string): Promise<RankEvent[]> {
  const { rows } = await db.query<{ runId: number; rank: number | null; previous: number; at: string }>(
    'SELECT run_id AS "runId", rank, previous, at FROM rank_events WHERE article_id = $1 ORDER BY id',
    [articleId],
  );
  return rows.map(({ rank, ...r }) => ({ articleId, ...r, ...(rank !== null ? { rank } : {}) }));
}

/** One statement, so one transaction: the run's new order is seen whole or not at all. */
export async function saveArrangement(db: Queryable, runId: number, ranks: Array<{ articleId: string; rank: number }>): Promise<void> {
  const latest = lastByKey(ranks, (r) => r.articleId);
  if (latest.length === 0) return;
  await db.query(
    `UPDATE candidates c SET rank = v.rank FROM unnest($1::text[], $2::integer[]) AS v(article_id, rank)
      WHERE c.run_id = $3 AND c.article_id = v.article_id`,
    [latest.map((r) => r.articleId), latest.map((r) => r.rank), runId],
  );
}

/** One statement, so one transaction: the run's new ranking is seen whole or not at all. */
export async function saveRanking(db: Queryable, runId: number, candidates: Candidate[]): Promise<void> {
  const latest = lastByKey(candidates, (c) => c.articleId);
  if (latest.length === 0) return;
  await db.query(
    `UPDATE candidates c SET rank = v.rank, base_rank = v.base_rank, score = v.score, components = v.components, capped = v.capped, muted = v.muted
      FROM unnest($1::text[], $2::integer[], $3::integer[], $4::double precision[], $5::jsonb[], $6::text[], $7::text[])
        AS v(article_id, rank, base_rank, score, components, capped, muted)
      WHERE c.run_id = $8 AND c.article_id = v.article_id`,
    [
      latest.map((c) => c.articleId),
      latest.map((c) => c.rank),
      latest.map((c) => c.baseRank ?? c.rank),
      latest.map((c) => c.score),
      latest.map((c) => JSON.stringify(c.components)),
      latest.map((c) => c.capped ?? null),
      latest.map((c) => c.muted ?? null),
      runId,
    ],
  );
}

export async function articleRecords(db: Queryable, articleId: string): Promise<{ summary?: Summary; audit?: AuditReport }> {
  const summary = await db.query<{ method: string; body: string; sentences: SummarySentence[]; wordCount: number }>(
    'SELECT method, body, sentences, word_count AS "wordCount" FROM summaries WHERE article_id = $1',
    [articleId],
  );
  const audit = await db.query<{ sentences: AuditedSentence[] }>('SELECT sentences FROM audits WHERE article_id = $1', [articleId]);
  const s = summary.rows[0];
  const a = audit.rows[0];
  return {
    ...(s ? { summary: { articleId, text: s.body, sentences: s.sentences, wordCount: s.wordCount, method: s.method } } : {}),
    ...(a ? { audit: { articleId, sentences: a.sentences } } : {}),
  };
}
