// A run's record and everything it commits, written in one transaction with the run's end: a process that
// dies before the commit leaves the store exactly as the last committed run left it.
import type Database from 'better-sqlite3';
import type { Article, Candidate, ContinuedStory, DuplicateGroup, Story, StoryDigest, Summary, AuditReport } from '../../model.js';
import type { RunCommit, RunRecord, RunStart, RunStatus, RunCommand } from '../types.js';
import { saveFreshness, saveValidators } from './fetch-state.js';
import { dropStaged, stagedStoryPages } from './staging.js';

type Row = Record<string, string | number | null>;

export function beginRun(db: Database.Database, { startedAt, inputs, command = 'run', pid }: RunStart): number {
  const info = db
    .prepare("INSERT INTO runs (started_at, inputs, command, status, pid) VALUES (?, ?, ?, 'running', ?)")
    .run(startedAt, JSON.stringify(inputs), command, pid ?? null);
  return Number(info.lastInsertRowid);
}

export function commitRun(db: Database.Database, runId: number, commit: RunCommit): void {
  db.transaction(() => {
    const run = db.prepare('SELECT status FROM runs WHERE id = ?').get(runId) as { status: RunStatus } | undefined;
    if (run?.status !== 'running') throw new Error(`store: run ${runId} is ${run ? run.status : 'unknown'}, not running; it cannot commit`);
    const staged = moveStaged(db, runId);
    saveArticles(db, runId, commit.articles);
    saveDuplicates(db, commit.duplicates);
    saveStories(db, commit.stories);
    saveStoryStates(db, commit.storyStates);
    for (const page of stagedStoryPages(db, runId)) {
      saveStories(db, page.map((entry) => entry.story));
      saveStoryStates(db, page);
    }
    dropStaged(db, runId);
    saveSummaries(db, commit.summaries, commit.summaryKeys);
    saveAudits(db, commit.audits);
    saveCandidates(db, runId, commit.candidates);
    saveStorySizes(db, runId, commit.storySizes);
    saveDigests(db, runId, commit.digests ?? []);
    for (const [url, validators] of commit.validators) saveValidators(db, url, validators);
    for (const [url, until] of commit.freshness ?? []) saveFreshness(db, url, until);
    db.prepare(
      `UPDATE runs SET status = 'committed', finished_at = ?, article_count = ?, failure_count = ?, failures = ?, notices = ? WHERE id = ?`,
    ).run(commit.finishedAt, staged + commit.articles.length, commit.failures.length, JSON.stringify(commit.failures), JSON.stringify(commit.notices), runId);
  })();
}

export function endRun(db: Database.Database, runId: number, status: 'failed' | 'cancelled', at: string, reason: string): void {
  db.transaction(() => {
    db.prepare("UPDATE runs SET status = ?, finished_at = ?, reason = ? WHERE id = ? AND status = 'running'").run(status, at, reason, runId);
    dropStaged(db, runId);
  })();
}

/** Runs still marked running when the writer lock is free belong to processes that died: close them. */
/** Closes the runs still marked running (their processes died) and drops what they staged; returns their ids. */
export function abandonRunning(db: Database.Database, at: string): number[] {
  return db.transaction(() => {
    const ids = db
      .prepare("UPDATE runs SET status = 'abandoned', finished_at = ?, reason = 'its process ended before it committed' WHERE status = 'running' RETURNING id")
      .pluck()
      .all(at) as number[];
    dropStaged(db);
    return ids.sort((a, b) => a - b);
  })();
}

export function runRecord(r: Row): RunRecord {
  return {
    id: Number(r.id),
    startedAt: String(r.started_at),
    ...(r.finished_at ? { finishedAt: String(r.finished_at) } : {}),
    inputs: JSON.parse(String(r.inputs)) as string[],
    articleCount: Number(r.article_count),
    failureCount: Number(r.failure_count),
    command: String(r.command ?? 'run') as RunCommand,
    status: String(r.status) as RunStatus,
    ...(r.pid !== null && r.pid !== undefined ? { pid: Number(r.pid) } : {}),
    ...(r.reason ? { reason: String(r.reason) } : {}),
  };
}

export function latestRun(db: Database.Database): RunRecord | undefined {
  const r = db.prepare("SELECT * FROM runs WHERE status = 'committed' AND command = 'run' ORDER BY id DESC LIMIT 1").get() as Row | undefined;
  return r ? runRecord(r) : undefined;
}

export function runningRun(db: Database.Database): RunRecord | undefined {
  const r = db.prepare("SELECT * FROM runs WHERE status = 'running' ORDER BY id DESC LIMIT 1").get() as Row | undefined;
  return r ? runRecord(r) : undefined;
}

/**
 * How a committed article, summary or audit replaces the stored one, for both ways rows come in: from the
 * run itself (save*) and moved from its stage (moveStaged).
 */
const ARTICLE_UPDATE = `ON CONFLICT(id) DO UPDATE SET url = excluded.url, title = excluded.title, byline = excluded.byline,
      published = excluded.published, publisher = excluded.publisher, publisher_name = excluded.publisher_name,
      lang = excluded.lang, body = excluded.body, syndicated_from = excluded.syndicated_from,
      origin = excluded.origin, updated_run = excluded.updated_run`;
const SUMMARY_UPDATE = `ON CONFLICT(article_id) DO UPDATE SET method = excluded.method, body = excluded.body,
    sentences = excluded.sentences, word_count = excluded.word_count, source_key = excluded.source_key`;
const AUDIT_UPDATE = `ON CONFLICT(article_id) DO UPDATE SET sentences = excluded.sentences`;

/**
 * Moves the run's staged rows into the desk's tables (inside the caller's transaction); returns how many
 * articles. The rows go from table to table in SQL, reading their JSON with SQLite's own operators: no
 * article is parsed into JavaScript and written back, which took most of a 10,000-article commit. `->` keeps
 * a value's JSON text as written (so byline, origin and sentences are stored exactly as staged), `->>` gives
 * a string or number. A missing optional field reads as NULL, as `?? null` writes it.
 */
function moveStaged(db: Database.Database, runId: number): number {
  db.prepare(`INSERT INTO articles (id, url, title, byline, published, publisher, publisher_name, lang, body,
                          syndicated_from, origin, first_seen_run, updated_run)
    SELECT article_id, article ->> '$.url', article ->> '$.title', article -> '$.byline', article ->> '$.published',
      article ->> '$.publisher', article ->> '$.publisherName', article ->> '$.lang', article ->> '$.text',
      article ->> '$.syndicatedFrom', article -> '$.origin', @runId, @runId
    FROM staged_articles WHERE run_id = @runId ORDER BY article_id
    ${ARTICLE_UPDATE}`).run({ runId });
  db.prepare(`INSERT INTO summaries (article_id, method, body, sentences, word_count, source_key)
    SELECT summary ->> '$.articleId', summary ->> '$.method', summary ->> '$.text', summary -> '$.sentences',
      summary ->> '$.wordCount', summary_key
    FROM staged_articles WHERE run_id = ? AND summary IS NOT NULL ORDER BY article_id
    ${SUMMARY_UPDATE}`).run(runId);
  db.prepare(`INSERT INTO audits (article_id, sentences)
    SELECT audit ->> '$.articleId', audit -> '$.sentences'
    FROM staged_articles WHERE run_id = ? AND audit IS NOT NULL ORDER BY article_id
    ${AUDIT_UPDATE}`).run(runId);
  return db.prepare('SELECT count(*) FROM staged_articles WHERE run_id = ?').pluck().get(runId) as number;
}

function saveArticles(db: Database.Database, runId: number, articles: Article[]): void {
  const upsert = db.prepare(`
    INSERT INTO articles (id, url, title, byline, published, publisher, publisher_name, lang, body,
                          syndicated_from, origin, first_seen_run, updated_run)
    VALUES (@id, @url, @title, @byline, @published, @publisher, @publisherName, @lang, @text,
            @syndicatedFrom, @origin, @runId, @runId)
    ${ARTICLE_UPDATE}`);
  for (const a of articles) {
    upsert.run({
      id: a.id,
      url: a.url,
      title: a.title,
      byline: JSON.stringify(a.byline),
      published: a.published ?? null,
      publisher: a.publisher,
      publisherName: a.publisherName,
      lang: a.lang ?? null,
      text: a.text,
      syndicatedFrom: a.syndicatedFrom ?? null,
      origin: JSON.stringify(a.origin),
      runId,
    });
  }
}

function saveDuplicates(db: Database.Database, groups: DuplicateGroup[]): void {
  const upsert = db.prepare(`INSERT INTO duplicates (article_id, original_id, reason) VALUES (?, ?, ?)
    ON CONFLICT(article_id) DO UPDATE SET original_id = excluded.original_id, reason = excluded.reason`);
  for (const g of groups) for (const id of g.duplicateIds) upsert.run(id, g.originalId, g.reason);
}

function saveStories(db: Database.Database, stories: Story[]): void {
  const upsert = db.prepare(`INSERT INTO stories (id, label, publishers) VALUES (?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET label = excluded.label, publishers = excluded.publishers`);
  const clear = db.prepare('DELETE FROM story_articles WHERE article_id = ?');
  const link = db.prepare('INSERT INTO story_articles (story_id, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
  for (const s of stories) {
    upsert.run(s.id, s.label, JSON.stringify(s.publishers));
    // An article belongs to one story: moving it drops its old membership.
    for (const id of s.articleIds) {
      clear.run(id);
      link.run(s.id, id);
    }
  }
}

function saveStoryStates(db: Database.Database, entries: ContinuedStory[]): void {
  const upsert = db.prepare(`INSERT INTO story_states (story_id, story, centroid, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(story_id) DO UPDATE SET story = excluded.story, centroid = excluded.centroid,
    first_seen = excluded.first_seen, last_seen = excluded.last_seen`);
  for (const { story, centroid } of entries) {
    upsert.run(story.id, JSON.stringify(story), JSON.stringify(centroid), story.firstSeen ?? null, story.lastSeen ?? null);
  }
}

function saveSummaries(db: Database.Database, summaries: Summary[], keys: Map<string, string> = new Map()): void {
  const upsert = db.prepare(`INSERT INTO summaries (article_id, method, body, sentences, word_count, source_key)
    VALUES (?, ?, ?, ?, ?, ?) ${SUMMARY_UPDATE}`);
  for (const s of summaries) upsert.run(s.articleId, s.method, s.text, JSON.stringify(s.sentences), s.wordCount, keys.get(s.articleId) ?? null);
}

function saveAudits(db: Database.Database, reports: AuditReport[]): void {
  const upsert = db.prepare(`INSERT INTO audits (article_id, sentences) VALUES (?, ?)
    ${AUDIT_UPDATE}`);
  for (const r of reports) upsert.run(r.articleId, JSON.stringify(r.sentences));
}

function saveCandidates(db: Database.Database, runId: number, candidates: Candidate[]): void {
  const firstRank = db.prepare(`INSERT INTO rankings (article_id, initial_rank, first_ranked_run, usage)
    VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO NOTHING`);
  const dedupeUsage = db.prepare(`UPDATE rankings SET usage = ? WHERE article_id = ? AND usage IN ('candidate', 'duplicate')`);
  const row = db.prepare(`INSERT INTO candidates (run_id, article_id, story_id, rank, base_rank, score, components, usage, capped, muted)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(run_id, article_id) DO UPDATE SET story_id = excluded.story_id,
    rank = excluded.rank, base_rank = excluded.base_rank, score = excluded.score, components = excluded.components,
    usage = excluded.usage, capped = excluded.capped, muted = excluded.muted`);
  for (const c of candidates) {
    firstRank.run(c.articleId, c.initialRank, runId, c.usage);
    // Dedupe decides between candidate and duplicate; an editor's choice (selected, …) is never overwritten.
    dedupeUsage.run(c.usage, c.articleId);
    row.run(runId, c.articleId, c.storyId, c.rank, c.baseRank ?? c.rank, c.score, JSON.stringify(c.components), c.usage, c.capped ?? null, c.muted ?? null);
  }
}

function saveStorySizes(db: Database.Database, runId: number, sizes: Map<string, number>): void {
  const upsert = db.prepare(`INSERT INTO story_sizes (run_id, story_id, size) VALUES (?, ?, ?)
    ON CONFLICT(run_id, story_id) DO UPDATE SET size = excluded.size`);
  for (const [story, size] of sizes) upsert.run(runId, story, size);
}

function saveDigests(db: Database.Database, runId: number, digests: StoryDigest[]): void {
  const upsert = db.prepare(`INSERT INTO story_digests (run_id, story_id, digest, audit) VALUES (?, ?, ?, ?)
    ON CONFLICT(run_id, story_id) DO UPDATE SET digest = excluded.digest, audit = excluded.audit`);
  for (const d of digests) upsert.run(runId, d.storyId, JSON.stringify(d.digest), JSON.stringify(d.audit));
}
