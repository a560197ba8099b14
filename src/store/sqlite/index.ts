// SQLite backend (better-sqlite3): the embedded default. WAL mode so a reader (the web editor) never
// blocks a run; every batch write is one transaction.
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeDirectory } from '../../directories.js';
import type { Article, AuditReport, Candidate, InputFailure, ContinuedStory, DuplicateGroup, FetchHealth, HttpValidators, RunResult, Story, Summary, Usage } from '../../model.js';
import type { ArticleMemory, ArticleReview, BoardEntry, RunCommand, RunRecord, Store, UsageEvent } from '../index.js';
import * as editor from './editor.js';
import * as editorial from './editorial.js';
import * as fetchState from './fetch-state.js';
import { MIGRATIONS } from './migrations.js';

/** Article ids per lookup when loading the stories a run continues. */
const LOAD_CHUNK = 500;
/** How long a writer waits for a lock held by another process before failing. */
const BUSY_TIMEOUT_MS = 5_000;

// The read-only fallback below opens a `file:` URI with `immutable=1`; better-sqlite3 reads URI file names
// only when SQLITE_USE_URI=1 is set before it loads its addon (on the first open). Store paths are
// absolute, so none of them starts with "file:" and is taken for a URI by mistake.
process.env.SQLITE_USE_URI ??= '1';

/** SQLite result codes of a read-only open of a WAL database whose -shm file cannot be made. */
const NO_SHARED_INDEX = new Set(['SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_READONLY_CANTINIT']);

export interface OpenOptions {
  /**
   * For commands that only read (list, rank): the database must exist; no folder or file is created,
   * nothing is migrated or written, and it works on a read-only file system.
   */
  readOnly?: boolean;
}

export function openSqliteStore(file: string, options: OpenOptions = {}): Store {
  if (options.readOnly) {
    try {
      return new SqliteStore(openReadOnly(file));
    } catch (error) {
      throw new Error(`store: cannot open database ${file} for reading: ${(error as Error).message}; check the path or pass --db`);
    }
  }
  let db: Database.Database;
  try {
    if (file !== ':memory:') makeDirectory(dirname(file));
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    throw new Error(`store: cannot open database ${file}: ${(error as Error).message}; check the path or pass --db`);
  }
  return new SqliteStore(db);
}

/**
 * A read-only connection. In WAL mode SQLite keeps its index of the WAL in the -shm file beside the
 * database and creates it when missing, which a read-only file system refuses. There nobody can change
 * the database either, so it is then opened as immutable (no locks, no -shm), which reads it exactly.
 */
function openReadOnly(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    checkSchema(db);
    return db;
  } catch (error) {
    db.close();
    if (!NO_SHARED_INDEX.has(String((error as { code?: unknown }).code))) throw error;
  }
  const immutable = new Database(`${pathToFileURL(file).href}?immutable=1`, { readonly: true, fileMustExist: false });
  try {
    checkSchema(immutable);
    return immutable;
  } catch (error) {
    immutable.close();
    throw error;
  }
}

/** A read-only connection cannot migrate: the schema must be this newsdesk's own. */
function checkSchema(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < MIGRATIONS.length) {
    throw new Error(`it has schema version ${version}, older than this newsdesk's ${MIGRATIONS.length}; run "newsdesk run" once to upgrade it`);
  }
  if (version > MIGRATIONS.length) throw new Error(`schema version ${version} is newer than this newsdesk (${MIGRATIONS.length}); upgrade newsdesk`);
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`schema version ${current} is newer than this newsdesk (${MIGRATIONS.length}); upgrade newsdesk`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

class SqliteStore implements Store {
  constructor(private readonly db: Database.Database) {}

  beginRun(startedAt: string, inputs: string[], command: RunCommand = 'run'): number {
    const info = this.db.prepare('INSERT INTO runs (started_at, inputs, command) VALUES (?, ?, ?)').run(startedAt, JSON.stringify(inputs), command);
    return Number(info.lastInsertRowid);
  }

  finishRun(runId: number, finishedAt: string, articleCount: number, failures: InputFailure[], notices: string[] = []): void {
    this.db
      .prepare('UPDATE runs SET finished_at = ?, article_count = ?, failure_count = ?, failures = ?, notices = ? WHERE id = ?')
      .run(finishedAt, articleCount, failures.length, JSON.stringify(failures), JSON.stringify(notices), runId);
  }

  saveArticles(runId: number, articles: Article[]): void {
    const upsert = this.db.prepare(`
      INSERT INTO articles (id, url, title, byline, published, publisher, publisher_name, lang, body,
                            syndicated_from, origin, first_seen_run, updated_run)
      VALUES (@id, @url, @title, @byline, @published, @publisher, @publisherName, @lang, @text,
              @syndicatedFrom, @origin, @runId, @runId)
      ON CONFLICT(id) DO UPDATE SET url = excluded.url, title = excluded.title, byline = excluded.byline,
        published = excluded.published, publisher = excluded.publisher, publisher_name = excluded.publisher_name,
        lang = excluded.lang, body = excluded.body, syndicated_from = excluded.syndicated_from,
        origin = excluded.origin, updated_run = excluded.updated_run`);
    this.db.transaction(() => {
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
    })();
  }

  recall(articleIds: string[]): Map<string, ArticleMemory> {
    const query = this.db.prepare(`
      SELECT a.first_seen_run AS firstSeenRun, r.initial_rank AS initialRank, r.usage AS usage
      FROM articles a LEFT JOIN rankings r ON r.article_id = a.id WHERE a.id = ?`);
    const memory = new Map<string, ArticleMemory>();
    for (const id of articleIds) {
      const row = query.get(id) as { firstSeenRun: number; initialRank: number | null; usage: Usage | null } | undefined;
      if (!row) continue;
      memory.set(id, {
        firstSeenRun: row.firstSeenRun,
        ...(row.initialRank !== null ? { initialRank: row.initialRank } : {}),
        ...(row.usage !== null ? { usage: row.usage } : {}),
      });
    }
    return memory;
  }

  saveDuplicates(groups: DuplicateGroup[]): void {
    const upsert = this.db.prepare(`INSERT INTO duplicates (article_id, original_id, reason) VALUES (?, ?, ?)
      ON CONFLICT(article_id) DO UPDATE SET original_id = excluded.original_id, reason = excluded.reason`);
    this.db.transaction(() => {
      for (const g of groups) for (const id of g.duplicateIds) upsert.run(id, g.originalId, g.reason);
    })();
  }

  saveStories(stories: Story[]): void {
    const upsert = this.db.prepare(`INSERT INTO stories (id, label, publishers) VALUES (?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET label = excluded.label, publishers = excluded.publishers`);
    const clear = this.db.prepare('DELETE FROM story_articles WHERE article_id = ?');
    const link = this.db.prepare('INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const s of stories) {
        upsert.run(s.id, s.label, JSON.stringify(s.publishers));
        // An article belongs to one story: moving it drops its old membership.
        for (const id of s.articleIds) {
          clear.run(id);
          link.run(s.id, id);
        }
      }
    })();
  }

  saveStoryStates(entries: ContinuedStory[]): void {
    const upsert = this.db.prepare(`INSERT INTO story_states (story_id, story, centroid, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(story_id) DO UPDATE SET story = excluded.story, centroid = excluded.centroid,
      first_seen = excluded.first_seen, last_seen = excluded.last_seen`);
    this.db.transaction(() => {
      for (const { story, centroid } of entries) {
        upsert.run(story.id, JSON.stringify(story), JSON.stringify(centroid), story.firstSeen ?? null, story.lastSeen ?? null);
      }
    })();
  }

  loadStories(query: { articleIds: string[]; from?: string; to?: string }): ContinuedStory[] {
    const rows = new Map<string, { story: string; centroid: string }>();
    const byArticle = this.db.prepare(`SELECT s.story_id AS id, s.story, s.centroid FROM story_states s
      WHERE s.story_id IN (SELECT story_id FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?)))`);
    // Chunks keep each JSON parameter small however many articles a run has.
    for (let i = 0; i < query.articleIds.length; i += LOAD_CHUNK) {
      const chunk = JSON.stringify(query.articleIds.slice(i, i + LOAD_CHUNK));
      for (const row of byArticle.all(chunk) as Array<{ id: string; story: string; centroid: string }>) rows.set(row.id, row);
    }
    if (query.from && query.to) {
      const byTime = this.db.prepare(`SELECT story_id AS id, story, centroid FROM story_states WHERE last_seen >= ? AND first_seen <= ?`);
      for (const row of byTime.all(query.from, query.to) as Array<{ id: string; story: string; centroid: string }>) rows.set(row.id, row);
    }
    return [...rows.keys()].sort().map((id) => {
      const row = rows.get(id)!;
      return { story: JSON.parse(row.story) as Story, centroid: JSON.parse(row.centroid) as ContinuedStory['centroid'] };
    });
  }

  saveSummaries(summaries: Summary[]): void {
    const upsert = this.db.prepare(`INSERT INTO summaries (article_id, method, body, sentences, word_count)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET method = excluded.method, body = excluded.body,
      sentences = excluded.sentences, word_count = excluded.word_count`);
    this.db.transaction(() => {
      for (const s of summaries) upsert.run(s.articleId, s.method, s.text, JSON.stringify(s.sentences), s.wordCount);
    })();
  }

  saveAudits(reports: AuditReport[]): void {
    const upsert = this.db.prepare(`INSERT INTO audits (article_id, sentences) VALUES (?, ?)
      ON CONFLICT(article_id) DO UPDATE SET sentences = excluded.sentences`);
    this.db.transaction(() => {
      for (const r of reports) upsert.run(r.articleId, JSON.stringify(r.sentences));
    })();
  }

  saveCandidates(runId: number, candidates: Candidate[]): void {
    const firstRank = this.db.prepare(`INSERT INTO rankings (article_id, initial_rank, first_ranked_run, usage)
      VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO NOTHING`);
    const dedupeUsage = this.db.prepare(`UPDATE rankings SET usage = ? WHERE article_id = ? AND usage IN ('candidate', 'duplicate')`);
    const row = this.db.prepare(`INSERT INTO candidates (run_id, article_id, story_id, rank, score, components, usage, capped)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(run_id, article_id) DO UPDATE SET story_id = excluded.story_id,
      rank = excluded.rank, score = excluded.score, components = excluded.components, usage = excluded.usage,
      capped = excluded.capped`);
    this.db.transaction(() => {
      for (const c of candidates) {
        firstRank.run(c.articleId, c.initialRank, runId, c.usage);
        // Dedupe decides between candidate and duplicate; an editor's choice (selected, …) is never overwritten.
        dedupeUsage.run(c.usage, c.articleId);
        row.run(runId, c.articleId, c.storyId, c.rank, c.score, JSON.stringify(c.components), c.usage, c.capped ?? null);
      }
    })();
  }

  getArticle(id: string): Article | undefined {
    const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as Record<string, string | null> | undefined;
    if (!row) return undefined;
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

  articlesFromSources(paths: string[]): Article[] {
    const ids = this.db.prepare(`
      SELECT id FROM articles
      WHERE json_extract(origin, '$.path') = @path
        AND updated_run = (SELECT max(updated_run) FROM articles WHERE json_extract(origin, '$.path') = @path)
      ORDER BY json_extract(origin, '$.feedPosition'), id`);
    return paths.flatMap((path) =>
      (ids.all({ path }) as Array<{ id: string }>).flatMap(({ id }) => {
        const article = this.getArticle(id);
        return article ? [article] : [];
      }),
    );
  }

  saveStorySizes(runId: number, sizes: Map<string, number>): void {
    editorial.saveStorySizes(this.db, runId, sizes);
  }

  shownStorySizes(beforeRun: number): Map<string, number> {
    return editorial.shownStorySizes(this.db, beforeRun);
  }

  storyArticleIds(storyId: string): string[] {
    return editorial.storyArticleIds(this.db, storyId);
  }

  setUsage(articleIds: string[], usage: Usage, at: string, note?: string): UsageEvent[] {
    return editorial.setUsage(this.db, articleIds, usage, at, note);
  }

  usageHistory(articleId: string): UsageEvent[] {
    return editorial.usageHistory(this.db, articleId);
  }

  latestRunId(): number | undefined {
    return this.latestRun()?.id;
  }

  loadRun(runId: number): RunResult {
    return editorial.loadRun(this.db, runId, (id) => this.getArticle(id));
  }

  countRows(table: 'articles' | 'stories' | 'summaries' | 'candidates' | 'runs'): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  listRuns(): RunRecord[] {
    const rows = this.db.prepare('SELECT * FROM runs ORDER BY id').all() as Array<Record<string, string | number | null>>;
    return rows.map(editor.runRecord);
  }

  latestRun(): RunRecord | undefined {
    return editor.latestRun(this.db);
  }

  listBoard(runId: number): BoardEntry[] {
    return editor.listBoard(this.db, runId);
  }

  getReview(articleId: string): ArticleReview | undefined {
    return editor.getReview(this.db, articleId, (id) => this.getArticle(id));
  }


  moveCandidate(runId: number, articleId: string, rank: number, at: string): number {
    return editor.moveCandidate(this.db, runId, articleId, rank, at);
  }

  getValidators(url: string): HttpValidators | undefined {
    return fetchState.getValidators(this.db, url);
  }

  saveValidators(url: string, validators: HttpValidators): void {
    fetchState.saveValidators(this.db, url, validators);
  }

  getFetchHealth(url: string): FetchHealth | undefined {
    return fetchState.getFetchHealth(this.db, url);
  }

  recordFetch(url: string, at: string, error?: string): void {
    fetchState.recordFetch(this.db, url, at, error);
  }

  close(): void {
    this.db.close();
  }
}
