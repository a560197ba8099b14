// PostgreSQL backend (`pg`): for a desk shared by several processes or machines. A pool of connections for
// queries; a run's results are one transaction; one writer at a time through advisory locks (lock.ts) that
// die with their connection; schema migrations applied on open under an advisory lock (migrations.ts).
import type pg from 'pg';
import type { HostLimits, SlotAnswer } from '../../fetch/shared-politeness.js';
import type { Article, ArticleRecord, RunOutline, AuditReport, Candidate, ContinuedStory, FetchHealth, HttpValidators, RobotsRules, Rule, RunResult, SavedSearch, Summary, Usage } from '../../model.js';
import type { ArticleMemory, CountedTable, DeskLease, LockHolder, LockName, LockOptions, ModelAnswer, ModelAnswerKey, NewRule, RankEvent, RunCommit, RunRecord, RunStart, SearchHit, StagedArticle, Store, UsageEvent } from '../types.js';
import * as modelAnswers from './model-answers.js';
import * as search from './search.js';
import { openClient, openPool, redactError, redactUrl } from './connection.js';
import * as editorial from './editorial.js';
import * as fetchState from './fetch-state.js';
import * as politeness from './politeness.js';
import * as load from './load.js';
import { advisoryLock } from './lock.js';
import { migrate, SchemaTooNew } from './migrations.js';
import * as runs from './runs.js';
import * as staging from './staging.js';
import * as rules from './rules.js';

/** Tables countRows may name: never interpolate anything else into SQL. */
const COUNTED: ReadonlySet<CountedTable> = new Set(['articles', 'stories', 'summaries', 'candidates', 'runs']);

export async function openPostgresStore(url: string): Promise<Store> {
  const where = redactUrl(url);
  let client: pg.Client | undefined;
  try {
    client = await openClient(url);
    await migrate(client, where);
  } catch (error) {
    if (error instanceof SchemaTooNew) throw error;
    throw new Error(`store: cannot open database ${where}: ${redactError(url, error)}; check the URL, that the server runs and that the database exists, or pass --db`);
  } finally {
    await client?.end().catch(() => {});
  }
  return new PostgresStore(url, openPool(url));
}

class PostgresStore implements Store {
  constructor(
    private readonly url: string,
    private readonly pool: pg.Pool,
  ) {}

  async acquireLock(name: LockName, options: LockOptions): Promise<DeskLease> {
    const lease = await advisoryLock(this.url, name, options, async (): Promise<LockHolder> => {
      const run = await runs.runningRun(this.pool);
      return run ? { runId: run.id, startedAt: run.startedAt, command: run.command, ...(run.pid !== undefined ? { pid: run.pid } : {}) } : {};
    });
    // With the run lock free, a run still marked running belongs to a process that died before committing.
    let abandoned: number[] = [];
    if (name === 'run') {
      try {
        abandoned = await runs.abandonRunning(this.pool, new Date().toISOString());
      } catch (error) {
        await lease.release();
        throw error;
      }
    }
    return { release: () => lease.release(), abandoned };
  }

  async beginRun(start: RunStart): Promise<number> {
    return runs.beginRun(this.pool, start);
  }

  async stageArticles(runId: number, batch: StagedArticle[]): Promise<void> {
    await staging.stageArticles(this.pool, runId, batch);
  }

  async stagedArticles(runId: number, ids: string[]): Promise<Article[]> {
    return staging.stagedArticles(this.pool, runId, ids);
  }

  async stagedIds(runId: number): Promise<string[]> {
    return staging.stagedIds(this.pool, runId);
  }

  async stageStories(runId: number, entries: ContinuedStory[]): Promise<void> {
    await staging.stageStories(this.pool, runId, entries);
  }

  async commitRun(runId: number, commit: RunCommit): Promise<void> {
    await runs.commitRun(this.pool, runId, commit);
  }

  async endRun(runId: number, status: 'failed' | 'cancelled', at: string, reason: string): Promise<void> {
    await runs.endRun(this.pool, runId, status, at, reason);
  }

  async recall(articleIds: string[]): Promise<Map<string, ArticleMemory>> {
    return load.recall(this.pool, articleIds);
  }

  async loadStories(query: { articleIds: string[]; from?: string; to?: string }): Promise<ContinuedStory[]> {
    return load.loadStories(this.pool, query);
  }

  async reusableSummaries(keys: Map<string, string>): Promise<Map<string, { summary: Summary; audit: AuditReport }>> {
    return load.reusableSummaries(this.pool, keys);
  }

  async getArticles(ids: string[]): Promise<Article[]> {
    return load.getArticles(this.pool, ids);
  }

  async articlesFromSources(paths: string[]): Promise<Article[]> {
    return load.articlesFromSources(this.pool, paths);
  }

  async shownStorySizes(beforeRun: number): Promise<Map<string, number>> {
    return editorial.shownStorySizes(this.pool, beforeRun);
  }

  async latestRun(): Promise<RunRecord | undefined> {
    return runs.latestRun(this.pool);
  }

  async listRuns(): Promise<RunRecord[]> {
    return runs.listRuns(this.pool);
  }

  async loadRun(runId: number): Promise<RunResult> {
    return load.loadRun(this.pool, runId);
  }

  async loadOutline(runId: number): Promise<RunOutline> {
    return load.loadOutline(this.pool, runId);
  }

  async loadRecords(articleIds: string[]): Promise<Map<string, ArticleRecord>> {
    return load.loadRecords(this.pool, articleIds);
  }

  async countRows(table: CountedTable): Promise<number> {
    if (!COUNTED.has(table)) throw new Error(`store: cannot count ${String(table)}; countable tables are ${[...COUNTED].join(', ')}`);
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
    return rows[0]!.n;
  }

  async setUsage(articleIds: string[], usage: Usage, at: string, note?: string): Promise<UsageEvent[]> {
    return editorial.setUsage(this.pool, articleIds, usage, at, note);
  }

  async usageHistory(articleId: string): Promise<UsageEvent[]> {
    return editorial.usageHistory(this.pool, articleId);
  }

  async pinRank(runId: number, articleId: string, rank: number | undefined, previous: number, at: string): Promise<RankEvent> {
    return editorial.pinRank(this.pool, runId, articleId, rank, previous, at);
  }

  async rankHistory(articleId: string): Promise<RankEvent[]> {
    return editorial.rankHistory(this.pool, articleId);
  }

  async storyArticleIds(storyId: string): Promise<string[]> {
    return editorial.storyArticleIds(this.pool, storyId);
  }

  async saveArrangement(runId: number, ranks: Array<{ articleId: string; rank: number }>): Promise<void> {
    await editorial.saveArrangement(this.pool, runId, ranks);
  }

  async saveRanking(runId: number, candidates: Candidate[]): Promise<void> {
    await editorial.saveRanking(this.pool, runId, candidates);
  }

  async articleRecords(articleId: string): Promise<{ summary?: Summary; audit?: AuditReport }> {
    return editorial.articleRecords(this.pool, articleId);
  }

  async getValidators(url: string): Promise<HttpValidators | undefined> {
    return fetchState.getValidators(this.pool, url);
  }

  async saveValidators(url: string, validators: HttpValidators): Promise<void> {
    await fetchState.saveValidators(this.pool, url, validators);
  }

  async getFetchHealth(url: string): Promise<FetchHealth | undefined> {
    return fetchState.getFetchHealth(this.pool, url);
  }

  async recordFetch(url: string, at: string, error?: string, freshUntil?: string): Promise<void> {
    await fetchState.recordFetch(this.pool, url, at, error, freshUntil);
  }

  async tryHostSlot(host: string, limits: HostLimits, leaseMs: number): Promise<SlotAnswer> {
    return politeness.tryHostSlot(this.pool, host, limits, leaseMs);
  }

  async releaseHostSlot(slot: string): Promise<void> {
    await politeness.releaseHostSlot(this.pool, slot);
  }

  async holdHost(host: string, forMs: number): Promise<void> {
    await politeness.holdHost(this.pool, host, forMs);
  }

  async robotsRules(origin: string): Promise<RobotsRules | undefined> {
    return politeness.robotsRules(this.pool, origin);
  }

  async saveRobotsRules(origin: string, rules: RobotsRules, forMs: number): Promise<void> {
    await politeness.saveRobotsRules(this.pool, origin, rules, forMs);
  }

  async modelAnswer(key: ModelAnswerKey): Promise<ModelAnswer | undefined> {
    return modelAnswers.modelAnswer(this.pool, key);
  }

  async saveModelAnswer(key: ModelAnswerKey, answer: ModelAnswer): Promise<void> {
    await modelAnswers.saveModelAnswer(this.pool, key, answer);
  }

  async searchArticles(query: string, limit: number, among?: string[]): Promise<SearchHit[]> {
    return search.searchArticles(this.pool, query, limit, among);
  }

  async listRules(): Promise<Rule[]> {
    return rules.listRules(this.pool);
  }

  async addRule(rule: NewRule, at: string): Promise<Rule> {
    return rules.addRule(this.pool, rule, at);
  }

  async removeRule(id: number): Promise<Rule | undefined> {
    return rules.removeRule(this.pool, id);
  }

  async listSavedSearches(): Promise<SavedSearch[]> {
    return rules.listSavedSearches(this.pool);
  }

  async saveSearch(query: string, at: string): Promise<SavedSearch> {
    return rules.saveSearch(this.pool, query, at);
  }

  async removeSavedSearch(id: number): Promise<SavedSearch | undefined> {
    return rules.removeSavedSearch(this.pool, id);
  }

  async markSeen(editor: string, articleIds: string[], at: string): Promise<void> {
    await search.markSeen(this.pool, editor, articleIds, at);
  }

  async seenBy(editor: string, articleIds: string[]): Promise<Set<string>> {
    return search.seenBy(this.pool, editor, articleIds);
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
