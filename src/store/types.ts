// The desk's storage seam: a few narrow async interfaces grouped by who uses them. Every backend implements
// all of them and passes the one contract suite in contract.ts. Stages never see any of this; pipeline.ts,
// desk.ts, the CLI and the editor do.
import type { Article, ArticleRecord, RunOutline, AuditReport, Candidate, ContinuedStory, DuplicateGroup, HttpValidators, InputFailure, Rule, RunResult, SavedSearch, Story, StoryDigest, Summary, Usage } from '../model.js';
import type { FetchStateStore } from '../fetch/remote.js';
import type { PolitenessStore } from '../fetch/shared-politeness.js';

export type { FetchStateStore, PolitenessStore };

/** Commands that record runs in the store. Only 'run' ranks; the editorial "latest run" is the latest of those. */
export type RunCommand = 'run' | 'cluster';

/**
 * Where a run stands. Only a committed run is part of the desk's state; a failed or cancelled one changed
 * nothing; an abandoned one was still running when its process died (found and closed by the next writer).
 */
export type RunStatus = 'running' | 'committed' | 'failed' | 'cancelled' | 'abandoned';

export interface RunRecord {
  id: number;
  startedAt: string;
  finishedAt?: string;
  inputs: string[];
  articleCount: number;
  failureCount: number;
  /** The command that recorded it: a full run, or a clustering (no summaries, no ranking). */
  command: RunCommand;
  status: RunStatus;
  /** Process that ran it (shown while another run waits for it). */
  pid?: number;
  /** Why a failed or cancelled run ended. */
  reason?: string;
}

/** What the store remembers about an article across runs. */
export interface ArticleMemory {
  initialRank?: number;
  usage?: Usage;
  /** Rank an editor pinned the article at; it keeps that place in later runs until unpinned. */
  pinnedRank?: number;
  firstSeenRun: number;
}

/** An editor moving an article within the ranking, as the audit trail keeps it; `rank` undefined: unpinned. */
export interface RankEvent {
  articleId: string;
  runId: number;
  rank?: number;
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

/** Everything a run changes, written in one transaction together with the run's end. */
export interface RunCommit {
  finishedAt: string;
  articles: Article[];
  duplicates: DuplicateGroup[];
  stories: Story[];
  /** Stories with their centroids, so that a later run can continue them. */
  storyStates: ContinuedStory[];
  summaries: Summary[];
  audits: AuditReport[];
  /** Article id → the key its summary was made under (audit/gate.ts), so a later run can reuse it. */
  summaryKeys?: Map<string, string>;
  /** The run's ranking (none for a clustering). */
  candidates: Candidate[];
  /** Story digests a language model wrote for this run's stories, read back with the run (loadOutline). */
  digests?: StoryDigest[];
  /** Story id → its size (originals) as this run showed it, for novelty in later runs. */
  storySizes: Map<string, number>;
  /** ETag / Last-Modified the run's responses brought, saved only now that their articles are stored. */
  validators: Map<string, HttpValidators>;
  /** Feed URL → not to be fetched again before this time (UTC ISO); saved with the articles it vouches for. */
  freshness?: Map<string, string>;
  failures: InputFailure[];
  notices: string[];
}

/** A commit of what a run made, every part it did not make left empty (a clustering makes no summaries). */
export function runCommit(finishedAt: string, parts: Partial<Omit<RunCommit, 'finishedAt'>> = {}): RunCommit {
  return {
    finishedAt,
    articles: [],
    duplicates: [],
    stories: [],
    storyStates: [],
    summaries: [],
    audits: [],
    candidates: [],
    storySizes: new Map(),
    validators: new Map(),
    failures: [],
    notices: [],
    ...parts,
  };
}

/** One article a running run has read, with the summary and audit it made, saved before the run commits. */
export interface StagedArticle {
  article: Article;
  summary?: Summary;
  audit?: AuditReport;
  /** The key the summary was made under (audit/gate.ts), so a later run can reuse it. */
  summaryKey?: string;
}

export interface RunStart {
  startedAt: string;
  inputs: string[];
  command?: RunCommand;
  pid?: number;
}

/** Counted for tests and benchmarks. */
export type CountedTable = 'articles' | 'stories' | 'summaries' | 'candidates' | 'runs';

/** What runs read and write: their own record, articles, stories and what they commit. */
export interface RunStore {
  /** Opens a run (status running) and returns its id. Nothing else changes until commitRun. */
  beginRun(start: RunStart): Promise<number>;
  /**
   * Saves a batch of what a running run read (articles with their summaries and audits) apart from the
   * desk: nothing of it is part of the desk's state until commitRun, which takes every staged article of the
   * run into the same transaction as the rest. An article staged twice in one run keeps its first staging.
   * A run that ends without committing leaves nothing staged behind: a batch for a run that is not running
   * (committed, ended, or abandoned while a worker was still reading for it) is refused with an error.
   */
  stageArticles(runId: number, batch: StagedArticle[]): Promise<void>;
  /** The staged articles of a running run with these ids (unknown ids are left out), in the order asked. */
  stagedArticles(runId: number, ids: string[]): Promise<Article[]>;
  /**
   * The ids of a running run's staged articles, in byte order: a queued run reads what its workers staged
   * (stagedArticles) as they stage it, asking for the ids it has not read yet.
   */
  stagedIds(runId: number): Promise<string[]>;
  /**
   * Saves a batch of a running run's stories, as clustering finishes them, with the centroids the next run
   * continues them from: like its articles, they become the desk's with the commit (in story id order, after
   * the commit's own), and go when the run ends otherwise. A story staged twice keeps its last staging; a
   * batch for a run that is not running is refused.
   */
  stageStories(runId: number, entries: ContinuedStory[]): Promise<void>;
  /** Writes everything the run produced (its staged articles included) and marks it committed, all in one transaction. */
  commitRun(runId: number, commit: RunCommit): Promise<void>;
  /** Ends a run that commits nothing (failed or cancelled), with the reason; what it staged is dropped. */
  endRun(runId: number, status: 'failed' | 'cancelled', at: string, reason: string): Promise<void>;
  /** What earlier runs and editors fixed for these articles. */
  recall(articleIds: string[]): Promise<Map<string, ArticleMemory>>;
  /**
   * Saved stories a run may continue: those holding any of `articleIds`, and those whose articles span
   * reaches into [from, to] (last seen at or after `from`, first seen at or before `to`).
   */
  loadStories(query: { articleIds: string[]; from?: string; to?: string }): Promise<ContinuedStory[]>;
  /**
   * Stored summaries and audits made under the same key (article id → key), for articles unchanged since:
   * a run reuses them instead of summarizing again. Articles whose key differs are left out.
   */
  reusableSummaries(keys: Map<string, string>): Promise<Map<string, { summary: Summary; audit: AuditReport }>>;
  /** The stored articles with these ids (unknown ids are left out), in the order asked. */
  getArticles(ids: string[]): Promise<Article[]>;
  /**
   * The articles last read from each of these sources (by `origin.path`, e.g. a feed URL): those saved by
   * the newest committed run that read the source. A feed that answers 304 Not Modified still holds them.
   */
  articlesFromSources(paths: string[]): Promise<Article[]>;
  /** Story id → size in the latest run before `beforeRun` that showed it. */
  shownStorySizes(beforeRun: number): Promise<Map<string, number>>;
  /** The newest committed run of `newsdesk run` (clusterings are not ranked), or undefined before the first. */
  latestRun(): Promise<RunRecord | undefined>;
  /** Every run, oldest first. */
  listRuns(): Promise<RunRecord[]>;
  /**
   * A committed run rebuilt from what the store holds: its candidates in rank order with their current usage,
   * articles, stories, duplicates, summaries, audits, the story digests it committed (when any), and the
   * failures and notices it finished with.
   */
  loadRun(runId: number): Promise<RunResult>;
  /** A committed run as loadRun gives it, without its articles' texts, summaries and audits: what fits in memory. */
  loadOutline(runId: number): Promise<RunOutline>;
  /** These articles with their stored summaries and audits (unknown ids are left out). */
  loadRecords(articleIds: string[]): Promise<Map<string, ArticleRecord>>;
  countRows(table: CountedTable): Promise<number>;
}

/** What editors change: usages, pinned ranks, and the latest run's arrangement that follows from them. */
export interface EditorialStore {
  /** Sets the usage of ranked articles and appends each change to the audit trail (one transaction). */
  setUsage(articleIds: string[], usage: Usage, at: string, note?: string): Promise<UsageEvent[]>;
  /** The audit trail of one article, oldest first. */
  usageHistory(articleId: string): Promise<UsageEvent[]>;
  /** Pins an article at `rank`, or unpins it (undefined); records the change against `runId`'s ranking. */
  pinRank(runId: number, articleId: string, rank: number | undefined, previous: number, at: string): Promise<RankEvent>;
  /** Rank moves of one article, oldest first. */
  rankHistory(articleId: string): Promise<RankEvent[]>;
  /** Ids of the articles of a story (any run), sorted. */
  storyArticleIds(storyId: string): Promise<string[]>;
  /** Replaces a run's ranks after an editorial change (same candidates, new order): one transaction. */
  saveArrangement(runId: number, ranks: Array<{ articleId: string; rank: number }>): Promise<void>;
  /**
   * Replaces a run's ranking after its articles were ranked again (a rule changed): each candidate's score,
   * components, rank, base rank, cap and mute, in one transaction. Candidates the run does not hold are ignored.
   */
  saveRanking(runId: number, candidates: Candidate[]): Promise<void>;
  /** The article's summary and audit as last stored. */
  articleRecords(articleId: string): Promise<{ summary?: Summary; audit?: AuditReport }>;
}

/** One article found by a full-text search. */
export interface SearchHit {
  articleId: string;
  title: string;
  publisher: string;
  /** A few words of the article around the match, as plain text. */
  snippet: string;
}

/**
 * Full-text search over every stored article, whatever run stored it. A query is words, not a query
 * language: an article matches when its title or text holds every word (in any inflection the backend's
 * stemmer knows), best match first; a title match weighs more than one in the text.
 */
export interface SearchStore {
  /** `among`: only these articles (a saved search's matches on the board); absent: every stored article. */
  searchArticles(query: string, limit: number, among?: string[]): Promise<SearchHit[]>;
}

/** A rule or saved search to keep: what the editor gave, and when. */
export type NewRule = Omit<Rule, 'id' | 'createdAt'>;

/**
 * The rules and saved searches editors keep (the config file holds its own beside them). A rule is one
 * action on one value of one field; keeping the same rule again changes nothing and gives back the one kept.
 */
export interface RuleStore {
  /** Every kept rule, oldest first, with its id and time. */
  listRules(): Promise<Rule[]>;
  addRule(rule: NewRule, at: string): Promise<Rule>;
  /** The rule removed, or undefined when no rule has this id. */
  removeRule(id: number): Promise<Rule | undefined>;
  /** Every kept search, oldest first. */
  listSavedSearches(): Promise<SavedSearch[]>;
  saveSearch(query: string, at: string): Promise<SavedSearch>;
  removeSavedSearch(id: number): Promise<SavedSearch | undefined>;
}

/** What each editor has seen: read state for "new" marks and unread counts. An editor is an opaque id. */
export interface ReadStateStore {
  /** Marks articles as seen by an editor; seen stays seen, unknown article ids are ignored. */
  markSeen(editor: string, articleIds: string[], at: string): Promise<void>;
  /** Which of these articles the editor has seen. */
  seenBy(editor: string, articleIds: string[]): Promise<Set<string>>;
}

/** Who holds the writer lock, as far as the store can tell. */
export interface LockHolder {
  runId?: number;
  pid?: number;
  startedAt?: string;
  command?: RunCommand;
}

export interface LockOptions {
  /** Wait for the holder (true) or fail at once with DeskBusy (false). */
  wait: boolean;
  /** Called when the lock is found held, and again whenever the holder changes while waiting. */
  onWait?: (holder: LockHolder) => void;
  /** Stops waiting (rejects with the signal's reason). */
  signal?: AbortSignal;
}

/**
 * The desk's locks, each dying with the process that holds it. `run`: one writing run at a time per store.
 * `publish`: one rendering of the outputs at a time, so the last one written shows the newest state.
 */
export type LockName = 'run' | 'publish';

/** A lock held; released by the holder, or by its process ending. */
export interface DeskLease {
  release(): Promise<void>;
  /**
   * For the run lock: runs found still marked running when it was taken, closed now as abandoned (their
   * processes died). Whoever queued work for them cancels it (pipeline-queued.ts). Empty for other locks.
   */
  abandoned: number[];
}

export interface DeskLocks {
  acquireLock(name: LockName, options: LockOptions): Promise<DeskLease>;
}

/** Thrown by acquireLock(…, { wait: false }) while another run holds the lock. */
export class DeskBusy extends Error {
  constructor(readonly holder: LockHolder) {
    super(`store: another run holds the desk (${describeHolder(holder)})`);
    this.name = 'DeskBusy';
  }
}

export function describeHolder(holder: LockHolder): string {
  const parts = [
    holder.runId !== undefined ? `run ${holder.runId}` : 'a run',
    holder.pid !== undefined ? `pid ${holder.pid}` : undefined,
    holder.startedAt ? `started ${holder.startedAt}` : undefined,
  ];
  return parts.filter(Boolean).join(', ');
}

/** Which model answer: the article's content, the prompt's version, the model, and which request about it. */
export interface ModelAnswerKey {
  /** sha256 of the article's title and text. */
  contentHash: string;
  promptVersion: number;
  model: string;
  /** `summary`, or `repair:<hash of the rejected sentences>`: the requests made about one article. */
  request: string;
}

export interface ModelAnswer {
  /** The answer's text as the server gave it (parsed again on reuse, so a better parser helps old answers). */
  content: string;
  promptTokens?: number;
  completionTokens?: number;
  /** UTC ISO time it was received. */
  at: string;
}

/**
 * Answers a language model gave, so that a re-run on unchanged articles makes no request and costs nothing.
 * Written as answers arrive, outside any run's commit: an answer paid for is kept even if its run is cancelled.
 */
export interface ModelAnswerCache {
  modelAnswer(key: ModelAnswerKey): Promise<ModelAnswer | undefined>;
  saveModelAnswer(key: ModelAnswerKey, answer: ModelAnswer): Promise<void>;
}

/**
 * A backend: every interface above, and closing it. Its PolitenessStore holds for every process on the desk:
 * in PostgreSQL for a fleet of workers; a SQLite desk keeps it in the process (one fetching process at a time).
 */
export interface Store extends RunStore, EditorialStore, FetchStateStore, PolitenessStore, SearchStore, ReadStateStore, RuleStore, DeskLocks, ModelAnswerCache {
  close(): Promise<void>;
}

/** A run rebuilt whole from its outline and its articles' records (loadRun, for both backends). */
export function runFromOutline({ heads, ...outline }: RunOutline, records: Map<string, ArticleRecord>): RunResult {
  const articles: Article[] = [];
  const summaries: Summary[] = [];
  const audits: AuditReport[] = [];
  for (const { id } of heads) {
    const record = records.get(id);
    if (!record) continue;
    articles.push(record.article);
    if (record.summary) summaries.push(record.summary);
    if (record.audit) audits.push(record.audit);
  }
  return { ...outline, articles, summaries, audits };
}
