// Plain data types shared by every pipeline stage. No behaviour lives here.

/** Editorial state of an article or story. */
export type Usage = 'candidate' | 'selected' | 'background' | 'duplicate' | 'rejected';
export const USAGES: readonly Usage[] = ['candidate', 'selected', 'background', 'duplicate', 'rejected'];

/** What kind of document an input turned out to be, detected from its content. */
export type InputKind = 'text' | 'html' | 'rss' | 'atom' | 'jsonfeed' | 'opml';

/** One input the user named: a file on disk (a URL source comes with the fetch stage). */
export interface Source {
  /** Absolute path of the file. */
  path: string;
  /** URL given by the user for this source (`--url`), if any. */
  url?: string;
}

/** A raw document read from a source, before it becomes articles. */
export interface InputDocument {
  path: string;
  kind: InputKind;
  content: string;
  /** URL given by the user for this document, if any; for a fetched document, where it was fetched from. */
  url?: string;
  /** True when the document came over HTTP (its feed items' pages may be fetched too). */
  fetched?: boolean;
}

/** One entry of a parsed feed. */
export interface FeedItem {
  id: string;
  title: string;
  link: string;
  published?: string;
  author?: string;
  summary?: string;
  /** Full HTML or text of the item (content:encoded, Atom content, JSON Feed content_html/text). */
  content?: string;
  /** UTC ISO 8601 of the item's last update (Atom `updated`, JSON Feed `date_modified`). */
  updated?: string;
  enclosures?: FeedEnclosure[];
}

/** A file attached to a feed item (podcast audio, a photo). */
export interface FeedEnclosure {
  url: string;
  type?: string;
  length?: number;
}

/** The feed formats parse-feed reports. */
export type FeedFormat = 'rss090' | 'rss091' | 'rss091n' | 'rss092' | 'rss093' | 'rss094' | 'rss10' | 'rss20' | 'atom03' | 'atom10' | 'jsonfeed10' | 'jsonfeed11' | 'rss' | 'atom' | 'cdf';

export interface Feed {
  title: string;
  link: string;
  items: FeedItem[];
  format?: FeedFormat;
  /** What could not be read as written (bad dates, recovered markup); the feed is still usable. */
  warnings?: string[];
}

/** HTTP validators stored per URL so the next request can be conditional. */
export interface HttpValidators {
  etag?: string;
  lastModified?: string;
}

/** How fetching one URL has gone lately: a feed that keeps failing is backed off, and the user sees why. */
export interface FetchHealth {
  failures: number;
  lastError?: string;
  lastAttempt?: string;
  /** Not to be fetched again before this time (UTC ISO): the feed's own TTL or Cache-Control, or the desk's per-source interval. */
  freshUntil?: string;
}

/**
 * What a site's robots.txt said, as kept for other fetchers of the desk: its rules, or what its absence
 * means (RFC 9309 §2.3.1: a 4xx allows everything; an unreachable file allows nothing for now).
 */
export type RobotsRules = { kind: 'rules'; body: string } | { kind: 'allow-all' } | { kind: 'disallow-all' };

/**
 * Where a queued job stands: waiting to be taken, taken by a worker, waiting to be tried again after a failure
 * (or after its worker stopped answering), done, or failed for good once its attempts ran out.
 */
export type JobState = 'queued' | 'active' | 'retry' | 'done' | 'failed' | 'cancelled';
export const JOB_STATES: readonly JobState[] = ['queued', 'active', 'retry', 'done', 'failed', 'cancelled'];

/** One queued job as `newsdesk jobs` lists it. */
export interface JobRecord {
  id: string;
  /** The handler that runs it (`fetch`, `source`). */
  kind: string;
  /** What makes two requests the same job (a URL and a content hash, or any key the caller chose). */
  key: string;
  /** What it was asked to do, as enqueued (plain JSON): a source job's `input`, a fetch job's `url`. */
  data: { [key: string]: unknown };
  /** The run that asked for it first; other runs asking for the same key share it. */
  runId?: number;
  state: JobState;
  /** Times a worker took it. */
  attempts: number;
  maxAttempts: number;
  /**
   * Why its last attempt failed: kept while it waits to be retried, while a worker has it again, and once it
   * failed for good; a done job has none (both queues hold to this, src/queue/contract.ts).
   */
  lastError?: string;
  /** UTC ISO times. */
  createdAt: string;
  finishedAt?: string;
  /** What a done job produced (plain JSON), as its handler returned it. */
  output?: { [key: string]: unknown };
}

/**
 * What one input of a queued run left besides the articles it staged (plain JSON: it is kept with its job).
 * The run's commit takes the validators and freshness holds with the articles they vouch for.
 */
export interface SourceOutcome {
  /** Articles the input gave (staged for the run; a second doing of the job stages none again). */
  articles: number;
  failures: InputFailure[];
  notices: string[];
  /** URL → the ETag / Last-Modified its response brought. */
  validators: { [url: string]: HttpValidators };
  /** Feed URL → not to be fetched again before this time (UTC ISO). */
  freshness: { [url: string]: string };
  fetches: { total: number; done: number; notModified: number; failed: number };
}

/** A run's jobs by where they stand: it is over when none is pending. */
export interface JobProgress {
  total: number;
  done: number;
  /** Failed for good (or cancelled): they will not be tried again. */
  failed: number;
  /** Queued, taken, or waiting to be retried. */
  pending: number;
}

/** Where an article came from: enough to explain it to an editor and to re-read it. */
export interface ArticleOrigin {
  path: string;
  kind: InputKind;
  /** For feed items: the feed file and the item id. */
  feedItemId?: string;
  /** For feed items: 0-based position in the feed (0 = top of the feed, where the publisher puts its lead). */
  feedPosition?: number;
}

/** An article after extraction: body text plus the metadata editors need. */
export interface Article {
  /** Stable id: derived from the canonical URL, or from the content when there is no URL. */
  id: string;
  url: string;
  title: string;
  byline: string[];
  /** UTC ISO 8601, or undefined when the source does not say. */
  published?: string;
  /** Short publisher slug (registrable domain without suffix), e.g. `nytimes`. */
  publisher: string;
  /** Human publisher name as the source gives it, e.g. `New York Times`. */
  publisherName: string;
  lang?: string;
  /** Body text, paragraphs separated by blank lines. */
  text: string;
  /** Publisher named by a syndication footer ("appeared first on …"), when the article is a syndicated copy. */
  syndicatedFrom?: string;
  /** The URL the document declares as its canonical one (`rel=canonical`) when it differs from `url`. */
  canonicalUrl?: string;
  origin: ArticleOrigin;
  warnings: string[];
}

/** A sentence of an article with its character offsets into `Article.text`. */
export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

/** A group of copies of one article; the original is kept, the others are duplicates. */
export interface DuplicateGroup {
  originalId: string;
  duplicateIds: string[];
  /** Why these are copies and why the original was chosen. */
  reason: string;
}

/** Why one article belongs to its story. */
export interface StoryMember {
  articleId: string;
  /** Cosine to the story's centroid when the article joined (1 for the founder, the original's for a copy). */
  similarity: number;
  /** Plain-language reason: founded the story, copy of X, or the shared names/terms and the similarity. */
  reason: string;
  /** Names and terms the article shared with the story when it joined, strongest first. */
  shared: string[];
}

/** Articles from one or more publishers about the same event. */
export interface Story {
  id: string;
  label: string;
  articleIds: string[];
  publishers: string[];
  /** Earliest publication time among the story's articles (UTC ISO), when any is dated. */
  firstSeen?: string;
  /** Latest publication time among the story's articles; the story closes a window after it. */
  lastSeen?: string;
  /** Publisher slug of the article that reported the story first, when dates tell. */
  originalReporter?: string;
  /** One entry per article in `articleIds`, in the same order. */
  members?: StoryMember[];
}

/**
 * A story as ranking and the story digests read it: which articles it holds, and its name. A run stages its
 * whole stories as clustering finishes them and keeps only this of each.
 */
export type StoryLinks = Pick<Story, 'id' | 'label' | 'articleIds'>;

/** What a later run needs to continue a story: the sum of its members' term vectors and when it was last fed. */
export interface StoryCentroid {
  storyId: string;
  founderId: string;
  /** Strongest terms of the sum of the members' unit TF-IDF vectors, strongest first. */
  terms: string[];
  /**
   * The terms' summed weights, in the order of `terms`. Two flat lists rather than pairs: a pair per term
   * took some 100 bytes (63 MB for the 5,886 stories of 30,000 synthetic articles), the flat lists about 16.
   */
  weights: number[];
  size: number;
  /** Latest member publication time (UTC ISO); the story closes a window after it. */
  lastSeen?: string;
}

/** A story as saved, with the centroid that lets a new run add articles to it. */
export interface ContinuedStory {
  story: Story;
  centroid: StoryCentroid;
}

/** Where a summary sentence comes from in its source article. */
export interface SourceSpan {
  /** Index of the source sentence. */
  sentence: number;
  start: number;
  end: number;
}

/**
 * A change made to the source text on its way into a summary sentence. Only a pronoun replaced by the
 * full name it unambiguously refers to is made; `at` is the offset in the source sentence's text where
 * `from` stood, so applying the edits to the cited span reproduces the summary sentence exactly.
 */
export interface SummaryEdit {
  /** `pronoun`: an opening He/She replaced by the full name; `name`: a title and surname, or a surname, by the full name. */
  kind: 'pronoun' | 'name';
  from: string;
  to: string;
  at: number;
}

export interface SummarySentence {
  text: string;
  source: SourceSpan[];
  edits: SummaryEdit[];
  /** Id of the article the sentence comes from, in a summary drawn from several articles. */
  articleId?: string;
  /**
   * In a summary a language model wrote: the model's sentence as audited (`llm`), its repair after one
   * re-prompt with the audit's findings (`llm-repaired`), or the source sentence it paraphrased (`extractive`).
   * Absent in extractive summaries, where every sentence is source text.
   */
  method?: ModelSentenceMethod;
}

export type ModelSentenceMethod = 'llm' | 'llm-repaired' | 'extractive';

/** What the gate did with one sentence a language model wrote. */
export type GateOutcome = 'kept' | 'repaired' | 'replaced' | 'dropped';

export interface Summary {
  articleId: string;
  text: string;
  sentences: SummarySentence[];
  wordCount: number;
  method: string;
}

/**
 * A summary of one story drawn from several of its articles. Every sentence is faithful to one article
 * (its `articleId` says which) exactly as in an article summary.
 */
export interface StorySummary {
  /** The articles drawn from, in the order given (lead article first). */
  articleIds: string[];
  text: string;
  sentences: SummarySentence[];
  wordCount: number;
  method: string;
}

/**
 * A story's digest written by a language model (summarize.backend: llm), every sentence audited against the
 * article it cites before it is kept: `digest` holds what may be published (each sentence with its article
 * and source sentences), `audit` every draft with its verdict and what the gate did with it.
 */
export interface StoryDigest {
  storyId: string;
  digest: StorySummary;
  audit: AuditedSentence[];
}

export type AuditVerdict = 'supported' | 'unsupported' | 'misattributed' | 'contradicted';

export interface AuditFinding {
  kind: string;
  detail: string;
}

export interface AuditedSentence {
  text: string;
  verdict: AuditVerdict;
  score: number;
  evidence: SourceSpan[];
  findings: AuditFinding[];
  /** For a sentence a language model wrote: what the gate did with it (see audit/model-gate.ts). */
  gate?: GateOutcome;
  /** In a story digest's audit: the article the sentence was checked against. */
  articleId?: string;
}

export interface AuditReport {
  articleId: string;
  sentences: AuditedSentence[];
}

/** One named part of a candidate's score, so an editor can see why it ranks where it does. */
export interface ScoreComponent {
  name: string;
  /** Raw value of the signal, before weighting. */
  value: number;
  weight: number;
  /** value × weight: the components sum to the score. */
  contribution: number;
  detail: string;
  /** The `ranking.topics` phrases the article matches, as configured (the `topic` component only; absent when none). */
  topics?: string[];
}

/** An article as a ranked candidate in a run. */
export interface Candidate {
  articleId: string;
  storyId: string;
  score: number;
  components: ScoreComponent[];
  /** 1..N within the run that first ranked the article; fixed afterwards. */
  initialRank: number;
  /** Rank in this run, editors' decisions applied (pins, rejections). */
  rank: number;
  /** Rank by score and diversity alone, before editors' decisions; absent when equal to `rank`'s source. */
  baseRank?: number;
  /** Rank an editor pinned the article at, when pinned. */
  pinned?: number;
  usage: Usage;
  /** For duplicates: the id of the original. */
  duplicateOf?: string;
  /** Why a diversity cap moved the candidate below the top of the list, when one did. */
  capped?: string;
  /** Which mute rules moved the candidate below every article not muted, when any did. */
  muted?: string;
}

/** What a rule does to the articles it matches: ranked after every article not muted, or a lift in score. */
export type RuleAction = 'mute' | 'boost';
export const RULE_ACTIONS: readonly RuleAction[] = ['mute', 'boost'];

/**
 * What a rule matches: a word or phrase in the headline or text (`keyword`, stems compared as for topics),
 * the publisher (slug or name), a name in the byline (`author`), or one story the desk follows (`story`,
 * by id: it continues across runs while the story does).
 */
export type RuleField = 'keyword' | 'publisher' | 'author' | 'story';
export const RULE_FIELDS: readonly RuleField[] = ['keyword', 'publisher', 'author', 'story'];

/** A mute or boost rule, from the config file or kept by the store (an editor's, with its id). */
export interface Rule {
  /** The store's id; absent for a rule the config file holds. */
  id?: number;
  action: RuleAction;
  field: RuleField;
  value: string;
  note?: string;
  /** UTC ISO time an editor made it. */
  createdAt?: string;
}

/** Words an editor keeps looking for: the board flags the articles that match, and marks those not seen yet. */
export interface SavedSearch {
  /** The store's id; absent for a search the config file holds. */
  id?: number;
  query: string;
  createdAt?: string;
}

/** A problem with one input that did not stop the run. */
export interface InputFailure {
  path: string;
  reason: string;
  /**
   * Refused rather than tried: the path is missing or not a readable file, the file is over the size cap,
   * or the URL is a private address or not http(s). The command line exits 2 for these, 1 for the rest.
   */
  refused?: true;
}

/** Everything one run produced. */
export interface RunResult {
  articles: Article[];
  duplicates: DuplicateGroup[];
  stories: Story[];
  summaries: Summary[];
  audits: AuditReport[];
  candidates: Candidate[];
  failures: InputFailure[];
  notices: string[];
  /** Digests a language model wrote for the run's stories of two or more articles; absent without one. */
  digests?: StoryDigest[];
}

/**
 * An article without its text: what a run keeps of each article while dedupe, clustering and ranking work
 * on the whole run (each takes what it needs from the text when the article is read; see pipeline.ts).
 */
export type ArticleMeta = Omit<Article, 'text'>;

/** An article without its text: what lists, file names, story links and the briefing's entries need. */
export type ArticleHead = Pick<Article, 'id' | 'url' | 'title' | 'publisher' | 'publisherName' | 'published'>;

/**
 * A committed run without its articles' texts, summaries and audits: what publishing holds whole while it
 * reads the rest a page at a time (ArticleRecord). `heads` are the candidates' articles, in rank order.
 */
export interface RunOutline extends Omit<RunResult, 'articles' | 'summaries' | 'audits'> {
  heads: ArticleHead[];
}

/** A ranking with the heads of its articles: what tables and explanations of a run show. */
export interface RankedArticles {
  candidates: Candidate[];
  articles: readonly ArticleHead[];
}

/** One article with the summary and audit stored for it. */
export interface ArticleRecord {
  article: Article;
  summary?: Summary;
  audit?: AuditReport;
}
