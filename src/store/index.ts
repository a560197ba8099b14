// The one interface every storage backend implements. Stages never see it; pipeline.ts and the CLI do.
import type { Article, AuditReport, Candidate, DuplicateGroup, FetchHealth, HttpValidators, Story, Summary, Usage } from '../model.js';

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
  saveSummaries(summaries: Summary[]): void;
  saveAudits(reports: AuditReport[]): void;
  /** Stores this run's ranking; an article's initial rank is written only the first time. */
  saveCandidates(runId: number, candidates: Candidate[]): void;
  getArticle(id: string): Article | undefined;
  countRows(table: 'articles' | 'stories' | 'summaries' | 'candidates' | 'runs'): number;
  listRuns(): RunRecord[];
  /** ETag / Last-Modified last seen for a URL, for a conditional GET. */
  getValidators(url: string): HttpValidators | undefined;
  saveValidators(url: string, validators: HttpValidators): void;
  /** Failure streak of a URL; a success resets it. */
  getFetchHealth(url: string): FetchHealth | undefined;
  recordFetch(url: string, at: string, error?: string): void;
  close(): void;
}

export { openSqliteStore } from './sqlite/index.js';
