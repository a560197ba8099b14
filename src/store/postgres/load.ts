// What runs and editors read back: articles, what earlier runs fixed for them, the stories a run may
// continue, and a committed run rebuilt with the usages and pins editors set since.
import type { Article, ArticleHead, ArticleRecord, RunOutline, AuditReport, Candidate, ContinuedStory, DuplicateGroup, InputFailure, RunResult, Story, StoryDigest, Summary } from '../../model.js';
import { runFromOutline, type ArticleMemory } from '../types.js';
import { memoryFromRow, type MemoryRow } from '../memory-rows.js';
import { centroidFromRow, type StoredCentroid } from '../story-rows.js';
import { ComponentPool } from '../../rank/component-pool.js';
import { candidateFromRow, type CandidateRow } from '../candidate-rows.js';
import type { Queryable, Row } from './connection.js';

function articleFromRow(row: Row): Article {
  return {
    id: row.id as string,
    url: row.url as string,
    title: row.title as string,
    byline: row.byline as string[],
    ...(row.published ? { published: row.published as string } : {}),
    publisher: row.publisher as string,
    publisherName: row.publisher_name as string,
    ...(row.lang ? { lang: row.lang as string } : {}),
    text: row.body as string,
    ...(row.syndicated_from ? { syndicatedFrom: row.syndicated_from as string } : {}),
    origin: row.origin as Article['origin'],
    warnings: [],
  };
}

export async function getArticles(db: Queryable, ids: string[]): Promise<Article[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query('SELECT * FROM articles WHERE id = ANY($1::text[])', [ids]);
  const found = new Map(rows.map((row: Row) => [row.id as string, articleFromRow(row)]));
  return ids.flatMap((id) => {
    const article = found.get(id);
    return article ? [article] : [];
  });
}

export async function reusableSummaries(db: Queryable, keys: Map<string, string>): Promise<Map<string, { summary: Summary; audit: AuditReport }>> {
  const found = new Map<string, { summary: Summary; audit: AuditReport }>();
  if (keys.size === 0) return found;
  const { rows } = await db.query(
    `SELECT s.article_id AS id, s.source_key AS key, s.method, s.body, s.sentences, s.word_count AS "wordCount", a.sentences AS audit
      FROM summaries s JOIN audits a ON a.article_id = s.article_id WHERE s.article_id = ANY($1::text[])`,
    [[...keys.keys()]],
  );
  for (const row of rows as Row[]) {
    const id = row.id as string;
    if (row.key === null || row.key !== keys.get(id)) continue;
    found.set(id, {
      summary: { articleId: id, text: row.body as string, sentences: row.sentences as Summary['sentences'], wordCount: Number(row.wordCount), method: row.method as string },
      audit: { articleId: id, sentences: row.audit as AuditReport['sentences'] },
    });
  }
  return found;
}

export async function recall(db: Queryable, articleIds: string[]): Promise<Map<string, ArticleMemory>> {
  const { rows } = await db.query<MemoryRow>(
    `SELECT a.id AS id, a.first_seen_run AS "firstSeenRun", r.initial_rank AS "initialRank", r.usage AS usage, r.pinned_rank AS "pinnedRank"
      FROM articles a LEFT JOIN rankings r ON r.article_id = a.id WHERE a.id = ANY($1::text[])`,
    [articleIds],
  );
  const memory = new Map<string, ArticleMemory>();
  for (const row of rows) memory.set(row.id, memoryFromRow(row));
  return memory;
}

export async function loadStories(db: Queryable, query: { articleIds: string[]; from?: string; to?: string }): Promise<ContinuedStory[]> {
  type StateRow = { id: string; story: Story; centroid: StoredCentroid };
  const found = new Map<string, StateRow>();
  const byArticle = await db.query<StateRow>(
    `SELECT s.story_id AS id, s.story, s.centroid FROM story_states s
      WHERE s.story_id IN (SELECT story_id FROM story_articles WHERE article_id = ANY($1::text[]))`,
    [query.articleIds],
  );
  for (const row of byArticle.rows) found.set(row.id, row);
  if (query.from && query.to) {
    const byTime = await db.query<StateRow>('SELECT story_id AS id, story, centroid FROM story_states WHERE last_seen >= $1 AND first_seen <= $2', [query.from, query.to]);
    for (const row of byTime.rows) found.set(row.id, row);
  }
  return [...found.keys()].sort().map((id) => {
    const row = found.get(id)!;
    return { story: row.story, centroid: centroidFromRow(row.centroid) };
  });
}

export async function articlesFromSources(db: Queryable, paths: string[]): Promise<Article[]> {
  const articles: Article[] = [];
  for (const path of paths) {
    // NULLS FIRST: where no feed position was recorded, the article sorts first, as SQLite sorts its NULLs.
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM articles
        WHERE origin ->> 'path' = $1
          AND updated_run = (SELECT max(updated_run) FROM articles WHERE origin ->> 'path' = $1)
        ORDER BY (origin -> 'feedPosition') NULLS FIRST, id`,
      [path],
    );
    articles.push(...(await getArticles(db, rows.map((r) => r.id))));
  }
  return articles;
}

export async function loadRun(db: Queryable, runId: number): Promise<RunResult> {
  const outline = await loadOutline(db, runId);
  return runFromOutline(outline, await loadRecords(db, outline.heads.map((h) => h.id)));
}

export async function loadRecords(db: Queryable, ids: string[]): Promise<Map<string, ArticleRecord>> {
  const records = new Map<string, ArticleRecord>();
  if (ids.length === 0) return records;
  for (const article of await getArticles(db, ids)) records.set(article.id, { article });
  const summaryRows = await db.query<{ article_id: string; method: string; body: string; sentences: Summary['sentences']; word_count: number }>(
    'SELECT article_id, method, body, sentences, word_count FROM summaries WHERE article_id = ANY($1::text[])',
    [ids],
  );
  for (const s of summaryRows.rows) {
    const record = records.get(s.article_id);
    if (record) record.summary = { articleId: s.article_id, text: s.body, sentences: s.sentences, wordCount: s.word_count, method: s.method };
  }
  const auditRows = await db.query<{ article_id: string; sentences: AuditReport['sentences'] }>('SELECT article_id, sentences FROM audits WHERE article_id = ANY($1::text[])', [ids]);
  for (const a of auditRows.rows) {
    const record = records.get(a.article_id);
    if (record) record.audit = { articleId: a.article_id, sentences: a.sentences };
  }
  return records;
}

export async function loadOutline(db: Queryable, runId: number): Promise<RunOutline> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT c.article_id AS id, c.story_id AS story, c.rank AS rank, c.base_rank AS "baseRank", c.score AS score,
        c.components AS components, coalesce(r.usage, c.usage) AS usage, c.capped AS capped, c.muted AS muted, r.initial_rank AS "initialRank",
        r.pinned_rank AS pinned, CASE WHEN c.usage = 'duplicate' THEN d.original_id END AS original
      FROM candidates c LEFT JOIN rankings r ON r.article_id = c.article_id LEFT JOIN duplicates d ON d.article_id = c.article_id
      WHERE c.run_id = $1 ORDER BY c.rank, c.article_id`,
    [runId],
  );
  const ids = rows.map((r) => r.id);
  const headRows = await db.query<ArticleHead & { published: string | null }>(
    'SELECT id, url, title, publisher, publisher_name AS "publisherName", published FROM articles WHERE id = ANY($1::text[])',
    [ids],
  );
  const headById = new Map(headRows.rows.map(({ published, ...head }) => [head.id, { ...head, ...(published ? { published } : {}) }]));
  const heads = ids.flatMap((id) => (headById.has(id) ? [headById.get(id)!] : []));
  const pool = new ComponentPool();
  const candidates: Candidate[] = rows.map((r) => candidateFromRow(r, r.components, pool));

  // The run's candidates by the story this run put them in, with the story's articles from earlier runs.
  const members = new Map<string, Set<string>>();
  for (const r of rows) if (r.story) members.set(r.story, (members.get(r.story) ?? new Set()).add(r.id));
  const storyIds = [...members.keys()];
  const storyRows = await db.query<{ id: string; label: string; publishers: string[] }>('SELECT id, label, publishers FROM stories WHERE id = ANY($1::text[])', [storyIds]);
  const storedMembers = await db.query<{ story: string; id: string }>('SELECT story_id AS story, article_id AS id FROM story_articles WHERE story_id = ANY($1::text[])', [storyIds]);
  for (const m of storedMembers.rows) members.get(m.story)?.add(m.id);
  const storyById = new Map(storyRows.rows.map((s) => [s.id, s]));
  const stories: Story[] = [];
  for (const [id, articleIds] of members) {
    const s = storyById.get(id);
    if (s) stories.push({ id, label: s.label, articleIds: [...articleIds].sort(), publishers: s.publishers });
  }

  const groups = new Map<string, string[]>();
  for (const r of rows) if (r.original) groups.set(r.original, [...(groups.get(r.original) ?? []), r.id]);
  const firstCopies = [...groups.values()].map((copies) => copies[0]!);
  const reasonRows = await db.query<{ article_id: string; reason: string }>('SELECT article_id, reason FROM duplicates WHERE article_id = ANY($1::text[])', [firstCopies]);
  const reasons = new Map(reasonRows.rows.map((r) => [r.article_id, r.reason]));
  const duplicates: DuplicateGroup[] = [...groups].map(([originalId, duplicateIds]) => ({ originalId, duplicateIds, reason: reasons.get(duplicateIds[0]!)! }));

  const report = await db.query<{ failures: InputFailure[] | null; notices: string[] | null }>('SELECT failures, notices FROM runs WHERE id = $1', [runId]);
  const digests = await db.query<StoryDigest>('SELECT story_id AS "storyId", digest, audit FROM story_digests WHERE run_id = $1 ORDER BY story_id COLLATE "C"', [runId]);
  return {
    heads,
    duplicates,
    stories,
    candidates,
    failures: report.rows[0]?.failures ?? [],
    notices: report.rows[0]?.notices ?? [],
    ...(digests.rows.length > 0 ? { digests: digests.rows } : {}),
  };
}
