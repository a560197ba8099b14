// The one interface every storage backend implements. Stages never see it; pipeline.ts and the CLI do.
import type { Article, AuditReport, Candidate, DuplicateGroup, RunResult, Story, Summary, Usage } from '../model.js';

export interface RunRecord {
  id: number;
  startedAt: string;
  finishedAt?: string;
  inputs: string[];
  articleCount: number;
  failureCount: number;
}

/** What the store remembers about an article across runs. */
export interface ArticleMemory {
  initialRank?: number;
  usage?: Usage;
  firstSeenRun: number;
}

/** One editorial decision, as the audit trail keeps it. */
export interface UsageEvent {
  articleId: string;
  usage: Usage;
  /** Usage before the change; undefined when the article had never been ranked. */
  previous?: Usage;
  note?: string;
  /** UTC ISO time of the change. */
  at: string;
}

export interface Store {
  /** Opens a run and returns its id. */
  beginRun(startedAt: string, inputs: string[]): number;
  finishRun(runId: number, finishedAt: string, articleCount: number, failureCount: number): void;
  /** Inserts or updates articles (one transaction per call). Records the run that first saw each. */
  saveArticles(runId: number, articles: Article[]): void;
  /** What earlier runs fixed for these articles: first initial rank, usage chosen by an editor. */
  recall(articleIds: string[]): Map<string, ArticleMemory>;
  saveDuplicates(groups: DuplicateGroup[]): void;
  saveStories(stories: Story[]): void;
  saveSummaries(summaries: Summary[]): void;
  saveAudits(reports: AuditReport[]): void;
  /** Stores this run's ranking; an article's initial rank is written only the first time. */
  saveCandidates(runId: number, candidates: Candidate[]): void;
  getArticle(id: string): Article | undefined;
  /** Records each story's size (articles, originals only) as this run showed it. */
  saveStorySizes(runId: number, sizes: Map<string, number>): void;
  /** Story id → size in the latest run before `beforeRun` that showed it. */
  shownStorySizes(beforeRun: number): Map<string, number>;
  /** Ids of the articles of a story (any run), sorted. */
  storyArticleIds(storyId: string): string[];
  /** Sets the usage of ranked articles and appends each change to the audit trail (one transaction). */
  setUsage(articleIds: string[], usage: Usage, at: string, note?: string): UsageEvent[];
  /** The audit trail of one article, oldest first. */
  usageHistory(articleId: string): UsageEvent[];
  /** The id of the latest finished run, if any. */
  latestRunId(): number | undefined;
  /**
   * A run rebuilt from what the store holds: its candidates in rank order with their current usage,
   * articles, stories, duplicates, summaries and audits. Failures and notices are not stored.
   */
  loadRun(runId: number): RunResult;
  countRows(table: 'articles' | 'stories' | 'summaries' | 'candidates' | 'runs'): number;
  listRuns(): RunRecord[];
  close(): void;
}

export { openSqliteStore } from './sqlite/index.js';
