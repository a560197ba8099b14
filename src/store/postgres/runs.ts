// A run's record and everything it commits, written in one transaction with the run's end: a process that
// dies before the commit leaves the store exactly as the last committed run left it. Rows go in batches
// (multi-row upserts), de-duplicated first so that each key is written once, as the last row given says.
import type pg from 'pg';
import type { Article, AuditReport, Candidate, ContinuedStory, DuplicateGroup, Story, StoryDigest, Summary } from '../../model.js';
import type { RunCommand, RunCommit, RunRecord, RunStart, RunStatus } from '../types.js';
import { firstByKey, inTransaction, insertRows, lastByKey, type Queryable, type Row } from './connection.js';
import { saveFreshness, saveValidators } from './fetch-state.js';
import { dropStaged, stagedStoryPages } from './staging.js';

const json = (value: unknown): string => JSON.stringify(value);

export async function beginRun(db: Queryable, { startedAt, inputs, command = 'run', pid }: RunStart): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    "INSERT INTO runs (started_at, inputs, command, status, pid) VALUES ($1, $2, $3, 'running', $4) RETURNING id",
    [startedAt, json(inputs), command, pid ?? null],
  );
  return rows[0]!.id;
}

export async function commitRun(pool: pg.Pool, runId: number, commit: RunCommit): Promise<void> {
  await inTransaction(pool, async (db) => {
    // FOR UPDATE: an endRun or abandonRunning racing this commit waits, then finds the run committed.
    const { rows } = await db.query<{ status: RunStatus }>('SELECT status FROM runs WHERE id = $1 FOR UPDATE', [runId]);
    const run = rows[0];
    if (run?.status !== 'running') throw new Error(`store: run ${runId} is ${run ? run.status : 'unknown'}, not running; it cannot commit`);
    const staged = await moveStaged(db, runId);
    await saveArticles(db, runId, commit.articles);
    await saveDuplicates(db, commit.duplicates);
    await saveStories(db, commit.stories);
    await saveStoryStates(db, commit.storyStates);
    for await (const page of stagedStoryPages(db, runId)) {
      await saveStories(db, page.map((entry) => entry.story));
      await saveStoryStates(db, page);
    }
    await dropStaged(db, runId);
    await saveSummaries(db, commit.summaries, commit.summaryKeys);
    await saveAudits(db, commit.audits);
    await saveCandidates(db, runId, commit.candidates);
    await saveStorySizes(db, runId, commit.storySizes);
    await saveDigests(db, runId, commit.digests ?? []);
    for (const [url, validators] of commit.validators) await saveValidators(db, url, validators);
    for (const [url, until] of commit.freshness ?? []) await saveFreshness(db, url, until);
    await db.query(
      `UPDATE runs SET status = 'committed', finished_at = $1, article_count = $2, failure_count = $3, failures = $4, notices = $5 WHERE id = $6`,
      [commit.finishedAt, staged + commit.articles.length, commit.failures.length, json(commit.failures), json(commit.notices), runId],
    );
  });
}

export async function endRun(db: Queryable, runId: number, status: 'failed' | 'cancelled', at: string, reason: string): Promise<void> {
  await db.query("UPDATE runs SET status = $1, finished_at = $2, reason = $3 WHERE id = $4 AND status = 'running'", [status, at, reason, runId]);
  await dropStaged(db, runId);
}

/** Runs still marked running when the writer lock is free belong to processes that died: close them; returns their ids. */
export async function abandonRunning(db: Queryable, at: string): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    "UPDATE runs SET status = 'abandoned', finished_at = $1, reason = 'its process ended before it committed' WHERE status = 'running' RETURNING id",
    [at],
  );
  await dropStaged(db);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export function runRecord(r: Row): RunRecord {
  return {
    id: Number(r.id),
    startedAt: String(r.started_at),
    ...(r.finished_at ? { finishedAt: String(r.finished_at) } : {}),
    inputs: r.inputs as string[],
    articleCount: Number(r.article_count),
    failureCount: Number(r.failure_count),
    command: String(r.command ?? 'run') as RunCommand,
    status: String(r.status) as RunStatus,
    ...(r.pid !== null && r.pid !== undefined ? { pid: Number(r.pid) } : {}),
    ...(r.reason ? { reason: String(r.reason) } : {}),
  };
}

export async function latestRun(db: Queryable): Promise<RunRecord | undefined> {
  const { rows } = await db.query("SELECT * FROM runs WHERE status = 'committed' AND command = 'run' ORDER BY id DESC LIMIT 1");
  return rows[0] ? runRecord(rows[0] as Row) : undefined;
}

export async function runningRun(db: Queryable): Promise<RunRecord | undefined> {
  const { rows } = await db.query("SELECT * FROM runs WHERE status = 'running' ORDER BY id DESC LIMIT 1");
  return rows[0] ? runRecord(rows[0] as Row) : undefined;
}

export async function listRuns(db: Queryable): Promise<RunRecord[]> {
  const { rows } = await db.query('SELECT * FROM runs ORDER BY id');
  return rows.map((r) => runRecord(r as Row));
}

/**
 * How a committed article, summary or audit replaces the stored one, for both ways rows come in: from the
 * run itself (save*) and moved from its stage (moveStaged).
 */
const ARTICLE_UPDATE = `ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, byline = excluded.byline,
      published = excluded.published, publisher = excluded.publisher, publisher_name = excluded.publisher_name,
      lang = excluded.lang, body = excluded.body, syndicated_from = excluded.syndicated_from,
      origin = excluded.origin, updated_run = excluded.updated_run, search = excluded.search`;
const SUMMARY_UPDATE = `ON CONFLICT (article_id) DO UPDATE SET method = excluded.method, body = excluded.body,
      sentences = excluded.sentences, word_count = excluded.word_count, source_key = excluded.source_key`;
const AUDIT_UPDATE = `ON CONFLICT (article_id) DO UPDATE SET sentences = excluded.sentences`;

/**
 * Moves the run's staged rows into the desk's tables (inside the caller's transaction); returns how many
 * articles. The rows go from table to table on the server, read as jsonb there: no article travels to the
 * run's process and back, which took most of a commit's time (SQLite's commit does the same).
 */
async function moveStaged(db: Queryable, runId: number): Promise<number> {
  await db.query(
    `INSERT INTO articles (id, url, title, byline, published, publisher, publisher_name, lang, body, syndicated_from, origin, first_seen_run, updated_run, search)
    SELECT article_id, a ->> 'url', a ->> 'title', a -> 'byline', a ->> 'published', a ->> 'publisher', a ->> 'publisherName',
      a ->> 'lang', a ->> 'text', a ->> 'syndicatedFrom', a -> 'origin', $1, $1, search
    FROM (SELECT article_id, article::jsonb AS a, search FROM staged_articles WHERE run_id = $1) staged
    ${ARTICLE_UPDATE}`,
    [runId],
  );
  await db.query(
    `INSERT INTO summaries (article_id, method, body, sentences, word_count, source_key)
    SELECT s ->> 'articleId', s ->> 'method', s ->> 'text', s -> 'sentences', (s ->> 'wordCount')::integer, summary_key
    FROM (SELECT summary::jsonb AS s, summary_key FROM staged_articles WHERE run_id = $1 AND summary IS NOT NULL) staged
    ${SUMMARY_UPDATE}`,
    [runId],
  );
  await db.query(
    `INSERT INTO audits (article_id, sentences)
    SELECT a ->> 'articleId', a -> 'sentences'
    FROM (SELECT audit::jsonb AS a FROM staged_articles WHERE run_id = $1 AND audit IS NOT NULL) staged
    ${AUDIT_UPDATE}`,
    [runId],
  );
  const { rows } = await db.query<{ count: string }>('SELECT count(*) AS count FROM staged_articles WHERE run_id = $1', [runId]);
  return Number(rows[0]!.count);
}

async function saveArticles(db: Queryable, runId: number, articles: Article[]): Promise<void> {
  const columns = ['id', 'url', 'title', 'byline', 'published', 'publisher', 'publisher_name', 'lang', 'body', 'syndicated_from', 'origin', 'first_seen_run', 'updated_run'];
  const rows = lastByKey(articles, (a) => a.id).map((a) => [
    a.id,
    a.url,
    a.title,
    json(a.byline),
    a.published ?? null,
    a.publisher,
    a.publisherName,
    a.lang ?? null,
    a.text,
    a.syndicatedFrom ?? null,
    json(a.origin),
    runId,
    runId,
  ]);
  await insertRows(db, 'articles', columns, rows, ARTICLE_UPDATE);
}

async function saveDuplicates(db: Queryable, groups: DuplicateGroup[]): Promise<void> {
  const pairs = groups.flatMap((g) => g.duplicateIds.map((id) => [id, g.originalId, g.reason]));
  await insertRows(db, 'duplicates', ['article_id', 'original_id', 'reason'], lastByKey(pairs, (p) => p[0]!),
    'ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id, reason = excluded.reason');
}

async function saveStories(db: Queryable, stories: Story[]): Promise<void> {
  await insertRows(db, 'stories', ['id', 'label', 'publishers'], lastByKey(stories, (s) => s.id).map((s) => [s.id, s.label, json(s.publishers)]),
    'ON CONFLICT (id) DO UPDATE SET label = excluded.label, publishers = excluded.publishers');
  // An article belongs to one story: moving it drops its old membership (the last story naming it wins).
  const membership = lastByKey(stories.flatMap((s) => s.articleIds.map((id) => [s.id, id] as const)), ([, id]) => id);
  if (membership.length === 0) return;
  await db.query('DELETE FROM story_articles WHERE article_id = ANY($1::text[])', [membership.map(([, id]) => id)]);
  await insertRows(db, 'story_articles', ['story_id', 'article_id'], membership.map(([story, id]) => [story, id]), 'ON CONFLICT DO NOTHING');
}

async function saveStoryStates(db: Queryable, entries: ContinuedStory[]): Promise<void> {
  const rows = lastByKey(entries, (e) => e.story.id).map(({ story, centroid }) => [story.id, json(story), json(centroid), story.firstSeen ?? null, story.lastSeen ?? null]);
  await insertRows(db, 'story_states', ['story_id', 'story', 'centroid', 'first_seen', 'last_seen'], rows,
    `ON CONFLICT (story_id) DO UPDATE SET story = excluded.story, centroid = excluded.centroid,
      first_seen = excluded.first_seen, last_seen = excluded.last_seen`);
}

async function saveSummaries(db: Queryable, summaries: Summary[], keys: Map<string, string> = new Map()): Promise<void> {
  const rows = lastByKey(summaries, (s) => s.articleId).map((s) => [s.articleId, s.method, s.text, json(s.sentences), s.wordCount, keys.get(s.articleId) ?? null]);
  await insertRows(db, 'summaries', ['article_id', 'method', 'body', 'sentences', 'word_count', 'source_key'], rows,
    SUMMARY_UPDATE);
}

async function saveAudits(db: Queryable, reports: AuditReport[]): Promise<void> {
  const rows = lastByKey(reports, (r) => r.articleId).map((r) => [r.articleId, json(r.sentences)]);
  await insertRows(db, 'audits', ['article_id', 'sentences'], rows, AUDIT_UPDATE);
}

async function saveCandidates(db: Queryable, runId: number, candidates: Candidate[]): Promise<void> {
  if (candidates.length === 0) return;
  await insertRows(db, 'rankings', ['article_id', 'initial_rank', 'first_ranked_run', 'usage'],
    firstByKey(candidates, (c) => c.articleId).map((c) => [c.articleId, c.initialRank, runId, c.usage]), 'ON CONFLICT (article_id) DO NOTHING');
  // Dedupe decides between candidate and duplicate; an editor's choice (selected, …) is never overwritten.
  const latest = lastByKey(candidates, (c) => c.articleId);
  await db.query(
    `UPDATE rankings r SET usage = v.usage FROM unnest($1::text[], $2::text[]) AS v(article_id, usage)
      WHERE r.article_id = v.article_id AND r.usage IN ('candidate', 'duplicate')`,
    [latest.map((c) => c.articleId), latest.map((c) => c.usage)],
  );
  const rows = latest.map((c) => [runId, c.articleId, c.storyId, c.rank, c.baseRank ?? c.rank, c.score, json(c.components), c.usage, c.capped ?? null, c.muted ?? null]);
  await insertRows(db, 'candidates', ['run_id', 'article_id', 'story_id', 'rank', 'base_rank', 'score', 'components', 'usage', 'capped', 'muted'], rows,
    `ON CONFLICT (run_id, article_id) DO UPDATE SET story_id = excluded.story_id, rank = excluded.rank, base_rank = excluded.base_rank,
      score = excluded.score, components = excluded.components, usage = excluded.usage, capped = excluded.capped, muted = excluded.muted`);
}

async function saveStorySizes(db: Queryable, runId: number, sizes: Map<string, number>): Promise<void> {
  const rows = [...sizes].map(([story, size]) => [runId, story, size]);
  await insertRows(db, 'story_sizes', ['run_id', 'story_id', 'size'], rows, 'ON CONFLICT (run_id, story_id) DO UPDATE SET size = excluded.size');
}

async function saveDigests(db: Queryable, runId: number, digests: StoryDigest[]): Promise<void> {
  const rows = lastByKey(digests, (d) => d.storyId).map((d) => [runId, d.storyId, json(d.digest), json(d.audit)]);
  await insertRows(db, 'story_digests', ['run_id', 'story_id', 'digest', 'audit'], rows, 'ON CONFLICT (run_id, story_id) DO UPDATE SET digest = excluded.digest, audit = excluded.audit');
}
