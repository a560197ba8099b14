// What runs and editors read back: articles, what earlier runs fixed for them, the stories a run may
// continue, and a committed run rebuilt with the usages and pins editors set since.
import type Database from 'better-sqlite3';
import type { Article, ArticleHead, ArticleRecord, RunOutline, AuditReport, Candidate, ContinuedStory, DuplicateGroup, InputFailure, RunResult, ScoreComponent, Story, StoryDigest, Summary } from '../../model.js';
import { runFromOutline, type ArticleMemory } from '../types.js';
import { memoryFromRow, type MemoryRow } from '../memory-rows.js';
import { centroidFromRow, type StoredCentroid } from '../story-rows.js';
import { ComponentPool } from '../../rank/component-pool.js';
import { candidateFromRow, type CandidateRow } from '../candidate-rows.js';

/** Ids per query when reading many at once: keeps each JSON parameter small however large a run is. */
const CHUNK = 500;

type ArticleRow = Record<string, string | null>;

function articleFromRow(row: ArticleRow): Article {
  return {
    id: row.id!,
    url: row.url!,
    title: row.title!,
    byline: JSON.parse(row.byline!) as string[],
    ...(row.published ? { published: row.published } : {}),
    publisher: row.publisher!,
    publisherName: row.publisher_name!,
    ...(row.lang ? { lang: row.lang } : {}),
    text: row.body!,
    ...(row.syndicated_from ? { syndicatedFrom: row.syndicated_from } : {}),
    origin: JSON.parse(row.origin!) as Article['origin'],
    warnings: [],
  };
}

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

export function getArticles(db: Database.Database, ids: string[]): Article[] {
  const query = db.prepare('SELECT * FROM articles WHERE id IN (SELECT value FROM json_each(?))');
  const found = new Map<string, Article>();
  for (const chunk of chunks(ids)) for (const row of query.all(JSON.stringify(chunk)) as ArticleRow[]) found.set(row.id!, articleFromRow(row));
  return ids.flatMap((id) => {
    const article = found.get(id);
    return article ? [article] : [];
  });
}

export function reusableSummaries(db: Database.Database, keys: Map<string, string>): Map<string, { summary: Summary; audit: AuditReport }> {
  const query = db.prepare(`SELECT s.article_id AS id, s.source_key AS key, s.method, s.body, s.sentences, s.word_count AS wordCount, a.sentences AS audit
    FROM summaries s JOIN audits a ON a.article_id = s.article_id WHERE s.article_id IN (SELECT value FROM json_each(?))`);
  type Row = { id: string; key: string | null; method: string; body: string; sentences: string; wordCount: number; audit: string };
  const found = new Map<string, { summary: Summary; audit: AuditReport }>();
  for (const chunk of chunks([...keys.keys()])) {
    for (const row of query.all(JSON.stringify(chunk)) as Row[]) {
      if (row.key === null || row.key !== keys.get(row.id)) continue;
      found.set(row.id, {
        summary: { articleId: row.id, text: row.body, sentences: JSON.parse(row.sentences) as Summary['sentences'], wordCount: row.wordCount, method: row.method },
        audit: { articleId: row.id, sentences: JSON.parse(row.audit) as AuditReport['sentences'] },
      });
    }
  }
  return found;
}

export function recall(db: Database.Database, articleIds: string[]): Map<string, ArticleMemory> {
  const query = db.prepare(`
    SELECT a.id AS id, a.first_seen_run AS firstSeenRun, r.initial_rank AS initialRank, r.usage AS usage, r.pinned_rank AS pinnedRank
    FROM articles a LEFT JOIN rankings r ON r.article_id = a.id WHERE a.id IN (SELECT value FROM json_each(?))`);
  const memory = new Map<string, ArticleMemory>();
  for (const chunk of chunks(articleIds)) {
    for (const row of query.all(JSON.stringify(chunk)) as MemoryRow[]) memory.set(row.id, memoryFromRow(row));
  }
  return memory;
}

export function loadStories(db: Database.Database, query: { articleIds: string[]; from?: string; to?: string }): ContinuedStory[] {
  const rows = new Map<string, { story: string; centroid: string }>();
  const byArticle = db.prepare(`SELECT s.story_id AS id, s.story, s.centroid FROM story_states s
    WHERE s.story_id IN (SELECT story_id FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?)))`);
  for (const chunk of chunks(query.articleIds)) {
    for (const row of byArticle.all(JSON.stringify(chunk)) as Array<{ id: string; story: string; centroid: string }>) rows.set(row.id, row);
  }
  if (query.from && query.to) {
    const byTime = db.prepare(`SELECT story_id AS id, story, centroid FROM story_states WHERE last_seen >= ? AND first_seen <= ?`);
    for (const row of byTime.all(query.from, query.to) as Array<{ id: string; story: string; centroid: string }>) rows.set(row.id, row);
  }
  return [...rows.keys()].sort().map((id) => {
    const row = rows.get(id)!;
    return { story: JSON.parse(row.story) as Story, centroid: centroidFromRow(JSON.parse(row.centroid) as StoredCentroid) };
  });
}

export function articlesFromSources(db: Database.Database, paths: string[]): Article[] {
  const ids = db.prepare(`
    SELECT id FROM articles
    WHERE json_extract(origin, '$.path') = @path
      AND updated_run = (SELECT max(updated_run) FROM articles WHERE json_extract(origin, '$.path') = @path)
    ORDER BY json_extract(origin, '$.feedPosition'), id`);
  return paths.flatMap((path) => getArticles(db, (ids.all({ path }) as Array<{ id: string }>).map((r) => r.id)));
}

export function loadRun(db: Database.Database, runId: number): RunResult {
  const outline = loadOutline(db, runId);
  return runFromOutline(outline, loadRecords(db, outline.heads.map((h) => h.id)));
}

export function loadRecords(db: Database.Database, ids: string[]): Map<string, ArticleRecord> {
  const summaryQuery = db.prepare(`SELECT article_id AS id, method, body, sentences, word_count AS wordCount FROM summaries
    WHERE article_id IN (SELECT value FROM json_each(?))`);
  const auditQuery = db.prepare('SELECT article_id AS id, sentences FROM audits WHERE article_id IN (SELECT value FROM json_each(?))');
  const records = new Map<string, ArticleRecord>();
  for (const chunk of chunks(ids)) {
    for (const article of getArticles(db, chunk)) records.set(article.id, { article });
    const json = JSON.stringify(chunk);
    for (const s of summaryQuery.all(json) as Array<{ id: string; method: string; body: string; sentences: string; wordCount: number }>) {
      const record = records.get(s.id);
      if (record) record.summary = { articleId: s.id, text: s.body, sentences: JSON.parse(s.sentences) as Summary['sentences'], wordCount: s.wordCount, method: s.method };
    }
    for (const a of auditQuery.all(json) as Array<{ id: string; sentences: string }>) {
      const record = records.get(a.id);
      if (record) record.audit = { articleId: a.id, sentences: JSON.parse(a.sentences) as AuditReport['sentences'] };
    }
  }
  return records;
}

function articleHeads(db: Database.Database, ids: string[]): ArticleHead[] {
  const query = db.prepare('SELECT id, url, title, publisher, publisher_name AS publisherName, published FROM articles WHERE id IN (SELECT value FROM json_each(?))');
  const found = new Map<string, ArticleHead>();
  for (const chunk of chunks(ids)) {
    for (const row of query.all(JSON.stringify(chunk)) as Array<ArticleHead & { published: string | null }>) {
      const { published, ...head } = row;
      found.set(row.id, { ...head, ...(published ? { published } : {}) });
    }
  }
  return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
}

export function loadOutline(db: Database.Database, runId: number): RunOutline {
  // Row by row: a large run's component texts are garbage as soon as each is parsed, not held all at once.
  const pool = new ComponentPool();
  const candidates: Candidate[] = [];
  const rows = db
    .prepare(`SELECT c.article_id AS id, c.story_id AS story, c.rank AS rank, c.base_rank AS baseRank, c.score AS score,
        c.components AS components, coalesce(r.usage, c.usage) AS usage, c.capped AS capped, c.muted AS muted, r.initial_rank AS initialRank,
        r.pinned_rank AS pinned, CASE WHEN c.usage = 'duplicate' THEN d.original_id END AS original
      FROM candidates c LEFT JOIN rankings r ON r.article_id = c.article_id LEFT JOIN duplicates d ON d.article_id = c.article_id
      WHERE c.run_id = ? ORDER BY c.rank, c.article_id`)
    .iterate(runId) as IterableIterator<CandidateRow<string>>;
  for (const r of rows) candidates.push(candidateFromRow(r, JSON.parse(r.components) as ScoreComponent[], pool));
  const heads = articleHeads(db, candidates.map((c) => c.articleId));

  // The run's candidates by the story this run put them in, with the story's articles from earlier runs.
  const storyRow = db.prepare('SELECT label, publishers FROM stories WHERE id = ?');
  const storedMembers = db.prepare('SELECT article_id AS id FROM story_articles WHERE story_id = ?');
  const members = new Map<string, Set<string>>();
  for (const c of candidates) if (c.storyId) members.set(c.storyId, (members.get(c.storyId) ?? new Set()).add(c.articleId));
  const stories: Story[] = [];
  for (const [id, articleIds] of members) {
    const s = storyRow.get(id) as { label: string; publishers: string } | undefined;
    for (const m of storedMembers.all(id) as Array<{ id: string }>) articleIds.add(m.id);
    if (s) stories.push({ id, label: s.label, articleIds: [...articleIds].sort(), publishers: JSON.parse(s.publishers) as string[] });
  }
  const groups = new Map<string, string[]>();
  for (const c of candidates) if (c.duplicateOf) groups.set(c.duplicateOf, [...(groups.get(c.duplicateOf) ?? []), c.articleId]);
  const reasonRow = db.prepare('SELECT reason FROM duplicates WHERE article_id = ?');
  const duplicates: DuplicateGroup[] = [...groups].map(([originalId, duplicateIds]) => ({
    originalId,
    duplicateIds,
    reason: (reasonRow.get(duplicateIds[0]) as { reason: string }).reason,
  }));
  const report = db.prepare('SELECT failures, notices FROM runs WHERE id = ?').get(runId) as { failures: string | null; notices: string | null } | undefined;
  // Runs finished before migration 6 kept only counts.
  const failures = report?.failures ? (JSON.parse(report.failures) as InputFailure[]) : [];
  const notices = report?.notices ? (JSON.parse(report.notices) as string[]) : [];
  const digests = (db.prepare('SELECT story_id AS storyId, digest, audit FROM story_digests WHERE run_id = ? ORDER BY story_id').all(runId) as Array<{ storyId: string; digest: string; audit: string }>).map(
    (d): StoryDigest => ({ storyId: d.storyId, digest: JSON.parse(d.digest) as StoryDigest['digest'], audit: JSON.parse(d.audit) as StoryDigest['audit'] }),
  );
  return { heads, duplicates, stories, candidates, failures, notices, ...(digests.length > 0 ? { digests } : {}) };
}
