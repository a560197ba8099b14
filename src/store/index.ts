// The one interface every storage backend implements. Stages never see it; pipeline.ts and the CLI do.
import type { Article, AuditReport, Candidate, ContinuedStory, DuplicateGroup, Story, Summary, Usage } from '../model.js';

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
  /** Saves stories with their centroids so that a later run can add articles to them (upsert by id). */
  saveStoryStates(entries: ContinuedStory[]): void;
  /**
   * Saved stories a run may continue: those holding any of `articleIds`, and those whose articles span
   * reaches into [from, to] (last seen at or after `from`, first seen at or before `to`).
   */
  loadStories(query: { articleIds: string[]; from?: string; to?: string }): ContinuedStory[];
  saveSummaries(summaries: Summary[]): void;
  saveAudits(reports: AuditReport[]): void;
  /** Stores this run's ranking; an article's initial rank is written only the first time. */
  saveCandidates(runId: number, candidates: Candidate[]): void;
  getArticle(id: string): Article | undefined;
  countRows(table: 'articles' | 'stories' | 'summaries' | 'candidates' | 'runs'): number;
  listRuns(): RunRecord[];
  close(): void;
}

export { openSqliteStore } from './sqlite/index.js';
