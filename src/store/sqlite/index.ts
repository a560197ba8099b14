// SQLite backend (better-sqlite3): the embedded default. WAL mode so readers (the web editor) never block a
// run; a run's results are one transaction; one writer at a time through lock.ts. better-sqlite3 is
// synchronous: the async interface is kept so that every backend looks the same to its callers.
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeDirectory } from '../../directories.js';
import { memoryPoliteness } from '../../fetch/shared-politeness.js';
import type { Article, ArticleRecord, RunOutline, AuditReport, Candidate, ContinuedStory, FetchHealth, HttpValidators, Rule, RunResult, SavedSearch, Summary, Usage } from '../../model.js';
import type { ArticleMemory, CountedTable, DeskLease, LockHolder, LockName, LockOptions, ModelAnswer, ModelAnswerKey, NewRule, RankEvent, RunCommit, RunRecord, RunStart, SearchHit, StagedArticle, Store, UsageEvent } from '../types.js';
import * as editorial from './editorial.js';
import * as fetchState from './fetch-state.js';
import * as modelAnswers from './model-answers.js';
import * as load from './load.js';
import * as runs from './runs.js';
import * as search from './search.js';
import * as readState from './read-state.js';
import * as staging from './staging.js';
import * as rules from './rules.js';
import { fileLock, type Lease } from './lock.js';
import { MIGRATIONS } from './migrations.js';

/** How long a write waits for another connection's transaction (an editor's click during a commit) before failing. */
const BUSY_TIMEOUT_MS = 15_000;

export const MEMORY = ':memory:';

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
      // A reader writes nothing, so it needs no writer lock of its own.
      return new SqliteStore(openReadOnly(file), undefined);
    } catch (error) {
      throw new Error(`store: cannot open database ${file} for reading: ${(error as Error).message}; check the path or pass --db`);
    }
  }
  let db: Database.Database;
  try {
    if (file !== MEMORY) makeDirectory(dirname(file));
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    useWal(db);
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    throw new Error(`store: cannot open database ${file}: ${(error as Error).message}; check the path or pass --db`);
  }
  return new SqliteStore(db, file === MEMORY ? undefined : file);
}

/** Pause between attempts to switch a new database to WAL while another process is doing it. */
const WAL_RETRY_PAUSE_MS = 25;

/**
 * Switches the database to WAL mode, which stays with the file. SQLite does not run the busy handler for
 * that switch: two processes opening a new database at once (two runs started together) made one fail
 * with "database is locked". It is tried again here, within BUSY_TIMEOUT_MS, and not at all once the
 * file is in WAL mode already.
 */
function useWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY') || Date.now() > deadline) throw error;
      // Opening a store is synchronous (better-sqlite3), so the pause blocks too: it is short and rare.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAL_RETRY_PAUSE_MS);
    }
  }
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
  const version = (): number => db.pragma('user_version', { simple: true }) as number;
  const newer = (current: number): Error => new Error(`schema version ${current} is newer than this newsdesk (${MIGRATIONS.length}); upgrade newsdesk`);
  if (version() === MIGRATIONS.length) return;
  if (version() > MIGRATIONS.length) throw newer(version());
  // Two processes opening a new database at once: the version is read again under the write lock, so the
  // second finds the first's migrations done instead of running them twice.
  db.transaction(() => {
    const current = version();
    if (current > MIGRATIONS.length) throw newer(current);
    for (let step = current; step < MIGRATIONS.length; step++) {
      db.exec(MIGRATIONS[step]!);
      db.pragma(`user_version = ${step + 1}`);
    }
  }).immediate();
}

class SqliteStore implements Store {
  private readonly locks: Record<LockName, (options: LockOptions, holder: () => LockHolder) => Promise<Lease>>;
  // A SQLite desk runs in one process at a time (its run lock), so its politeness lives in that process.
  private readonly politeness = memoryPoliteness();
  readonly tryHostSlot = this.politeness.tryHostSlot;
  readonly releaseHostSlot = this.politeness.releaseHostSlot;
  readonly holdHost = this.politeness.holdHost;
  readonly robotsRules = this.politeness.robotsRules;
  readonly saveRobotsRules = this.politeness.saveRobotsRules;

  constructor(
    private readonly db: Database.Database,
    file: string | undefined,
  ) {
    this.locks = { run: fileLock(file, 'lock'), publish: fileLock(file, 'publish.lock') };
  }

  async acquireLock(name: LockName, options: LockOptions): Promise<DeskLease> {
    const lease = await this.locks[name](options, () => {
      const run = runs.runningRun(this.db);
      return run ? { runId: run.id, startedAt: run.startedAt, command: run.command, ...(run.pid !== undefined ? { pid: run.pid } : {}) } : {};
    });
    // With the run lock free, a run still marked running belongs to a process that died before committing.
    const abandoned = name === 'run' ? runs.abandonRunning(this.db, new Date().toISOString()) : [];
    return { release: () => lease.release(), abandoned };
  }

  async searchArticles(query: string, limit: number, among?: string[]): Promise<SearchHit[]> {
    return search.searchArticles(this.db, query, limit, among);
  }

  async listRules(): Promise<Rule[]> {
    return rules.listRules(this.db);
  }

  async addRule(rule: NewRule, at: string): Promise<Rule> {
    return rules.addRule(this.db, rule, at);
  }

  async removeRule(id: number): Promise<Rule | undefined> {
    return rules.removeRule(this.db, id);
  }

  async listSavedSearches(): Promise<SavedSearch[]> {
    return rules.listSavedSearches(this.db);
  }

  async saveSearch(query: string, at: string): Promise<SavedSearch> {
    return rules.saveSearch(this.db, query, at);
  }

  async removeSavedSearch(id: number): Promise<SavedSearch | undefined> {
    return rules.removeSavedSearch(this.db, id);
  }

  async markSeen(editor: string, articleIds: string[], at: string): Promise<void> {
    readState.markSeen(this.db, editor, articleIds, at);
  }

  async seenBy(editor: string, articleIds: string[]): Promise<Set<string>> {
    return readState.seenBy(this.db, editor, articleIds);
  }

  async beginRun(start: RunStart): Promise<number> {
    return runs.beginRun(this.db, start);
  }

  async stageArticles(runId: number, batch: StagedArticle[]): Promise<void> {
    staging.stageArticles(this.db, runId, batch);
  }

  async stagedArticles(runId: number, ids: string[]): Promise<Article[]> {
    return staging.stagedArticles(this.db, runId, ids);
  }

  async stagedIds(runId: number): Promise<string[]> {
    return staging.stagedIds(this.db, runId);
  }

  async stageStories(runId: number, entries: ContinuedStory[]): Promise<void> {
    staging.stageStories(this.db, runId, entries);
  }

  async commitRun(runId: number, commit: RunCommit): Promise<void> {
    runs.commitRun(this.db, runId, commit);
  }

  async endRun(runId: number, status: 'failed' | 'cancelled', at: string, reason: string): Promise<void> {
    runs.endRun(this.db, runId, status, at, reason);
  }

  async recall(articleIds: string[]): Promise<Map<string, ArticleMemory>> {
    return load.recall(this.db, articleIds);
  }

  async loadStories(query: { articleIds: string[]; from?: string; to?: string }): Promise<ContinuedStory[]> {
    return load.loadStories(this.db, query);
  }

  async reusableSummaries(keys: Map<string, string>): Promise<Map<string, { summary: Summary; audit: AuditReport }>> {
    return load.reusableSummaries(this.db, keys);
  }

  async getArticles(ids: string[]): Promise<Article[]> {
    return load.getArticles(this.db, ids);
  }

  async articlesFromSources(paths: string[]): Promise<Article[]> {
    return load.articlesFromSources(this.db, paths);
  }

  async shownStorySizes(beforeRun: number): Promise<Map<string, number>> {
    return editorial.shownStorySizes(this.db, beforeRun);
  }

  async latestRun(): Promise<RunRecord | undefined> {
    return runs.latestRun(this.db);
  }

  async listRuns(): Promise<RunRecord[]> {
    return (this.db.prepare('SELECT * FROM runs ORDER BY id').all() as Array<Record<string, string | number | null>>).map(runs.runRecord);
  }

  async loadRun(runId: number): Promise<RunResult> {
    return load.loadRun(this.db, runId);
  }

  async loadOutline(runId: number): Promise<RunOutline> {
    return load.loadOutline(this.db, runId);
  }

  async loadRecords(articleIds: string[]): Promise<Map<string, ArticleRecord>> {
    return load.loadRecords(this.db, articleIds);
  }

  async countRows(table: CountedTable): Promise<number> {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  async setUsage(articleIds: string[], usage: Usage, at: string, note?: string): Promise<UsageEvent[]> {
    return editorial.setUsage(this.db, articleIds, usage, at, note);
  }

  async usageHistory(articleId: string): Promise<UsageEvent[]> {
    return editorial.usageHistory(this.db, articleId);
  }

  async pinRank(runId: number, articleId: string, rank: number | undefined, previous: number, at: string): Promise<RankEvent> {
    return editorial.pinRank(this.db, runId, articleId, rank, previous, at);
  }

  async rankHistory(articleId: string): Promise<RankEvent[]> {
    return editorial.rankHistory(this.db, articleId);
  }

  async storyArticleIds(storyId: string): Promise<string[]> {
    return editorial.storyArticleIds(this.db, storyId);
  }

  async saveArrangement(runId: number, ranks: Array<{ articleId: string; rank: number }>): Promise<void> {
    editorial.saveArrangement(this.db, runId, ranks);
  }

  async saveRanking(runId: number, candidates: Candidate[]): Promise<void> {
    editorial.saveRanking(this.db, runId, candidates);
  }

  async articleRecords(articleId: string): Promise<{ summary?: Summary; audit?: AuditReport }> {
    return editorial.articleRecords(this.db, articleId);
  }

  async getValidators(url: string): Promise<HttpValidators | undefined> {
    return fetchState.getValidators(this.db, url);
  }

  async saveValidators(url: string, validators: HttpValidators): Promise<void> {
    fetchState.saveValidators(this.db, url, validators);
  }

  async getFetchHealth(url: string): Promise<FetchHealth | undefined> {
    return fetchState.getFetchHealth(this.db, url);
  }

  async recordFetch(url: string, at: string, error?: string, freshUntil?: string): Promise<void> {
    fetchState.recordFetch(this.db, url, at, error, freshUntil);
  }

  async modelAnswer(key: ModelAnswerKey): Promise<ModelAnswer | undefined> {
    return modelAnswers.modelAnswer(this.db, key);
  }

  async saveModelAnswer(key: ModelAnswerKey, answer: ModelAnswer): Promise<void> {
    modelAnswers.saveModelAnswer(this.db, key, answer);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
