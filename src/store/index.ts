// The one interface every storage backend implements. Stages never see it; pipeline.ts and the CLI do.
import type { Article, AuditReport, InputFailure, Candidate, ContinuedStory, DuplicateGroup, FetchHealth, HttpValidators, RunResult, Story, Summary, Usage } from '../model.js';

export interface RunRecord {
  id: number;
  startedAt: string;
  finishedAt?: string;
  inputs: string[];
  articleCount: number;
  failureCount: number;
  /** The command that recorded it: a full run, or a clustering (no summaries, no ranking). */
  command: RunCommand;
}

/** Commands that record runs in the store. Only 'run' ranks; the editorial "latest run" is the latest of those. */
export type RunCommand = 'run' | 'cluster';

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
  changes: UsageEvent[];
  /** Moves an editor made in rankings, oldest first. */
  rankChanges: RankEvent[];
}

/** An editor moving an article within a run's ranking, as the audit trail keeps it. */
export interface RankEvent {
  articleId: string;
  runId: number;
  rank: number;
  previous: number;
  /** UTC ISO time of the move. */
  at: string;
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
  /** Opens a run and returns its id; `command` defaults to 'run'. */
  beginRun(startedAt: string, inputs: string[], command?: RunCommand): number;
  /** Marks a run finished; its failures and notices are kept so that a rebuilt run still reports them. */
  finishRun(runId: number, finishedAt: string, articleCount: number, failures: InputFailure[], notices?: string[]): void;
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
  /** The id of the latest finished run of `newsdesk run` (clusterings are not ranked), if any. */
  latestRunId(): number | undefined;
  /**
   * A run rebuilt from what the store holds: its candidates in rank order with their current usage,
   * articles, stories, duplicates, summaries, audits, and the failures and notices it finished with.
   */
  loadRun(runId: number): RunResult;
  countRows(table: 'articles' | 'stories' | 'summaries' | 'candidates' | 'runs'): number;
  listRuns(): RunRecord[];
  /** The newest finished run of `newsdesk run`, or undefined before the first one. */
  latestRun(): RunRecord | undefined;
  /** The candidates of a run in rank order, with what the editor's board shows of each. */
  listBoard(runId: number): BoardEntry[];
  /** One article as the editor reviews it; undefined when the id is unknown. */
  getReview(articleId: string): ArticleReview | undefined;
  /**
   * Moves an article to `rank` within a run's ranking (1 = top; clamped to the list) and renumbers the others;
   * returns the rank it got. Throws when the article is not ranked in that run.
   */
  moveCandidate(runId: number, articleId: string, rank: number, at: string): number;
  /**
   * The articles last read from each of these sources (by `origin.path`, e.g. a feed URL): those saved by
   * the newest run that read the source. A feed that answers 304 Not Modified still holds them.
   */
  articlesFromSources(paths: string[]): Article[];
  /** ETag / Last-Modified last seen for a URL, for a conditional GET. */
  getValidators(url: string): HttpValidators | undefined;
  saveValidators(url: string, validators: HttpValidators): void;
  /** Failure streak of a URL; a success resets it. */
  getFetchHealth(url: string): FetchHealth | undefined;
  recordFetch(url: string, at: string, error?: string): void;
  close(): void;
}

export { openSqliteStore } from './sqlite/index.js';
