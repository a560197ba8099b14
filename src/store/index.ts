// The one interface every storage backend implements. Stages never see it; pipeline.ts and the CLI do.
import type { Article, AuditReport, Candidate, DuplicateGroup, Story, Summary, Usage } from '../model.js';

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

/** One candidate on the editor's board: the ranked article with its story, summary and audit status. */
export interface BoardEntry {
  articleId: string;
  title: string;
  url: string;
  publisher: string;
  publisherName: string;
  published?: string;
  /** When a run first met the article (that run's start): the fallback time for articles with no date. */
  firstSeen?: string;
  storyId: string;
  storyLabel: string;
  rank: number;
  initialRank: number;
  score: number;
  /** Current usage: an editor's choice when there is one, else what the run decided. */
  usage: Usage;
  summary: string;
  /** Audited summary sentences that were not supported by their source. */
  flagged: number;
  audited: number;
}

/** Everything the article view shows. */
export interface ArticleReview {
  article: Article;
  summary?: Summary;
  audit?: AuditReport;
  /** The article's candidate row in the newest run that ranked it, with the current usage. */
  candidate?: Candidate;
  storyLabel?: string;
  changes: UsageChange[];
}

/** One entry of the usage audit trail. */
export interface UsageChange {
  id: number;
  articleId: string;
  from: Usage;
  to: Usage;
  note: string;
  changedAt: string;
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
  /** The newest finished run, or undefined before the first run. */
  latestRun(): RunRecord | undefined;
  /** The candidates of a run in rank order, with what the editor's board shows of each. */
  listBoard(runId: number): BoardEntry[];
  /** One article as the editor reviews it; undefined when the id is unknown. */
  getReview(articleId: string): ArticleReview | undefined;
  /** Sets an article's usage and records the change with its note; throws when the article was never ranked. */
  setUsage(articleId: string, usage: Usage, note: string, changedAt: string): UsageChange;
  /**
   * Moves an article to `rank` within a run's ranking (1 = top; clamped to the list) and renumbers the others;
   * returns the rank it got. Throws when the article is not ranked in that run.
   */
  moveCandidate(runId: number, articleId: string, rank: number): number;
  /** Usage changes of one article, oldest first. */
  listUsageChanges(articleId: string): UsageChange[];
  close(): void;
}

export { openSqliteStore } from './sqlite/index.js';
