// The ingest stage: files, folders and OPML lists → Articles, with one failure per bad input.
//   1. read every source once (readSources): detect kinds, expand OPML, report unreadable inputs;
//   2. parse each document once into drafts (text article, HTML page, feed items);
//   3. give text articles without a URL the link of a feed item with the same title in this run;
//   4. derive publisher slug, publisher name and a stable id for each article.
import { articleLanguage } from '../text/language.js';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { comparableText, htmlToText, normalizeSpace, publisherSlug, slugifyPublisherName } from '../extract/index.js';
import type { Article, InputDocument, InputFailure } from '../model.js';
import { documentDrafts, type ArticleDraft } from './drafts.js';
import { NoUrlNotices } from './notices.js';
import { FeedError } from './feed.js';
import { hasExecutableMarkup } from './feed-common.js';
import { openSources, type LaterFile, type ReadOptions, type SourceReader } from './read.js';
import type { FetchCounts, RemoteSource } from './remote.js';
import { isWebUrl, schemeOf } from '../text/web-url.js';
import { stripControls } from '../text/control.js';
import { WaitingDrafts } from './waiting.js';

export { detectKind, isBinary } from './detect.js';
export { parseFeedDocument, FeedError, feedText } from './feed.js';
export { readSources, REMOTE_URL, type ReadOptions, type ReadResult } from './read.js';
export { decodeDocument, type DecodedDocument } from '../text/encoding.js';
export { DeskUnavailable, type FetchCounts, type RemoteDocument, type RemoteSource } from './remote.js';
export { parseTextArticle, type TextArticleDraft } from './text-article.js';
export { parseFooterLine, splitFooter, type SyndicationFooter } from './footer.js';

export interface IngestResult {
  articles: Article[];
  failures: InputFailure[];
  notices: string[];
  fetches: FetchCounts;
  /** Remote sources that answered 304 Not Modified; the caller may take their articles from its store. */
  unchanged: string[];
}

/** Publisher slug when neither a URL nor a publisher name says who published an article. */
export const UNKNOWN_PUBLISHER = 'unknown';
/** Hex characters of the sha256 kept for an article id: 64 bits, ample for one newsroom's archive. */
const ID_HEX_CHARS = 16;

/**
 * Stable id: from the URL when the article has its own, else from publisher, title and text. A copy that
 * borrowed its URL from a feed item is a second document of that article: it gets an id of its own, so that
 * dedupe can record it as a copy instead of one silently replacing the other.
 */
export function articleId(url: string, publisher: string, title: string, text: string, urlBorrowed = false): string {
  const basis = url && !urlBorrowed ? url : `${url}\n${publisher}\n${title}\n${text}`;
  // The first bytes as hex, not a slice of the whole digest's hex: a slice keeps the 64-character string it
  // came from alive, and a run keeps every article's id.
  return createHash('sha256').update(basis).digest().toString('hex', 0, ID_HEX_CHARS / 2);
}

/** Code-point order, so runs are identical across machines and locales. */
const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function finish(draft: ArticleDraft, knownSlugs: Map<string, string>, urlBorrowed: boolean): Article {
  // A declared language (page, feed) comes first; plain text and feed items without one are detected.
  const lang = draft.lang ?? articleLanguage(draft.text);
  const fromName = draft.publisherNames.map((name) => knownSlugs.get(comparableText(name)) ?? slugifyPublisherName(name)).find(Boolean);
  const publisher = (draft.url ? publisherSlug(draft.url) : undefined) ?? fromName ?? UNKNOWN_PUBLISHER;
  return {
    id: articleId(draft.url, publisher, draft.title, draft.text, urlBorrowed),
    url: draft.url,
    title: draft.title,
    byline: draft.byline,
    ...(draft.published ? { published: draft.published } : {}),
    publisher,
    publisherName: draft.publisherNames[0] ?? publisher,
    ...(lang ? { lang } : {}),
    text: draft.text,
    ...(draft.syndicatedFrom ? { syndicatedFrom: draft.syndicatedFrom } : {}),
    ...(draft.canonicalUrl ? { canonicalUrl: draft.canonicalUrl } : {}),
    origin: draft.origin,
    warnings: draft.warnings,
  };
}

/** Documents parsed together: enough that a batch's teaser pages share one polite fetch queue, few enough to stay small. */
export const INGEST_BATCH_DOCUMENTS = 200;

export interface IngestOptions extends ReadOptions {
  /** Documents read and parsed per batch (INGEST_BATCH_DOCUMENTS). */
  batchDocuments?: number;
  /** Called after each batch: documents read so far, and in all (once the sources are listed). */
  onDocuments?: (done: number, total: number) => void;
  /** Drafts waiting for the end of the reading held in memory before the rest go to a temporary file (WAITING_IN_MEMORY). */
  waitingInMemory?: number;
}

/** What ingesting leaves besides the articles, which went to the caller a batch at a time. */
export type IngestTotals = Omit<IngestResult, 'articles'>;

/** Turns every source into articles. Never throws for a bad input; see `failures` and `notices`. */
export async function ingest(paths: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const placed: Array<{ article: Article; position: number }> = [];
  const totals = await ingestInBatches(paths, opts, (batch, positions) => {
    batch.forEach((article, i) => placed.push({ article, position: positions[i]! }));
  });
  // Reading order: by path, then by item order in a feed, the articles that waited for the run included.
  return { articles: placed.sort((a, b) => a.position - b.position).map((p) => p.article), ...totals };
}

/**
 * Turns every source into articles and hands them to `onBatch` a batch at a time, in reading order, so a
 * run over 100,000 files never holds them all. Documents are read and parsed INGEST_BATCH_DOCUMENTS at a
 * time (folders lazily, see openSources). What depends on the whole run waits for its end: an article
 * without a URL may borrow the link of a feed item with the same title in any document, and one whose URL
 * names no publisher takes the slug the run's pages use for its publisher name; those articles come last.
 */
export async function ingestInBatches(
  paths: string[],
  opts: IngestOptions,
  /** `positions`: each article's place in reading order (by path, then item order in a feed). */
  onBatch: (articles: Article[], positions: number[]) => void | Promise<void>,
): Promise<IngestTotals> {
  const reader = await openSources(paths, opts, true);
  const run = new RunDrafts(opts.waitingInMemory);
  try {
    return await readDrafts(reader, run, opts, onBatch);
  } finally {
    await run.dispose();
  }
}

/** The reading itself (ingestInBatches): the documents a batch at a time, feeds first, then what waited. */
async function readDrafts(
  reader: SourceReader,
  run: RunDrafts,
  opts: IngestOptions,
  onBatch: (articles: Article[], positions: number[]) => void | Promise<void>,
): Promise<IngestTotals> {
  type Entry = { path: string; index: number; document?: InputDocument; later?: LaterFile };
  const entries: Entry[] = [
    ...reader.documents.splice(0).map((document) => ({ path: document.path, index: 0, document })),
    ...reader.later.splice(0).map((later) => ({ path: later.path, index: 0, later })),
  ].sort(byPath);
  entries.forEach((entry, index) => (entry.index = index));
  // Feeds first: an article without a URL borrows the link of a feed item with its title, so every feed's
  // items are known before the first such article is finished.
  const feeds = entries.filter(mayBeFeed);
  const size = Math.max(1, opts.batchDocuments ?? INGEST_BATCH_DOCUMENTS);
  const slices: Entry[][] = [];
  for (const part of [feeds, entries.filter((entry) => !mayBeFeed(entry))]) {
    for (let start = 0; start < part.length; start += size) slices.push(part.slice(start, start + size));
  }
  let done = 0;
  for (const slice of slices) {
    if (done >= feeds.length) run.feedsRead();
    await reader.readLater(slice.flatMap((entry) => (entry.later ? [entry.later] : [])));
    const index = new Map(slice.map((entry) => [entry.path, entry.index]));
    const documents = [...slice.flatMap((entry) => (entry.document ? [entry.document] : [])), ...reader.documents.splice(0)]
      .sort(byPath)
      .map((document) => ({ document, index: index.get(document.path) ?? entries.length }));
    const ready = await run.take(documents, opts.remote);
    if (ready.articles.length > 0) await onBatch(ready.articles, ready.positions);
    done += slice.length;
    opts.onDocuments?.(done, entries.length);
  }
  // The articles that waited for the whole run go in batches too: a tenth of a large run can wait.
  for await (const last of run.finish(size)) await onBatch(last.articles, last.positions);
  return {
    failures: [...reader.failures, ...run.failures].sort(byPath),
    notices: [...reader.notices, ...run.notices, ...run.withoutUrl.notices()],
    fetches: reader.fetches,
    unchanged: reader.unchanged,
  };
}

/** Extensions of article files in folders: read after the feeds. Any other file may be a feed. */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.html', '.htm', '.xhtml']);
const FEED_KINDS = new Set(['rss', 'atom', 'jsonfeed']);

/**
 * A document already read is a feed by its kind; a folder's file not read yet by its extension (a feed saved
 * as .txt is found a batch later, and articles finished before it cannot borrow its links).
 */
function mayBeFeed(entry: { path: string; document?: InputDocument }): boolean {
  if (entry.document) return FEED_KINDS.has(entry.document.kind);
  return !ARTICLE_EXTENSIONS.has(extname(entry.path).toLowerCase());
}

/** Drafts per document at most, for positions: a document's drafts take the positions index × this + k. */
const DRAFTS_PER_DOCUMENT = 1_000_000;

/** Articles with their places in reading order. */
interface Placed {
  articles: Article[];
  positions: number[];
}

/** A run's drafts as batches of documents arrive: what each article may need from the rest of the run. */
class RunDrafts {
  readonly failures: InputFailure[] = [];
  readonly notices: string[] = [];
  /** Plain-text files no URL was found for: one note for all of them once the run is read. */
  readonly withoutUrl = new NoUrlNotices();
  /** Title → link of the first feed item (in path order) with that title. */
  private readonly linkByTitle = new Map<string, string>();
  /**
   * Publisher slugs known from URLs in this run, by comparable publisher name: a footer that names
   * "Pinecrest Herald" then gets the slug `pinecrestherald` its own pages use, not a second spelling.
   */
  private readonly knownSlugs = new Map<string, string>();
  /** Drafts that need more of the run (a link to borrow, a publisher's slug), with their positions. */
  private readonly waiting: WaitingDrafts<{ draft: ArticleDraft; position: number }>;
  /** Once every feed is read, a draft without a URL has all the links it could borrow. */
  private linksKnown = false;

  constructor(waitingInMemory?: number) {
    this.waiting = new WaitingDrafts(waitingInMemory);
  }

  /** Lets go of the drafts still waiting (their temporary file too). */
  async dispose(): Promise<void> {
    await this.waiting.dispose();
  }

  /** Says every feed has been read: from now on drafts wait only for publisher slugs. */
  feedsRead(): void {
    this.linksKnown = true;
  }

  /** Parses a batch of documents; returns the articles that need nothing more from the run. */
  async take(batch: Array<{ document: InputDocument; index: number }>, remote: RemoteSource | undefined): Promise<Placed> {
    const documents = batch.map((entry) => entry.document);
    // Documents are parsed together so that teaser pages of all feeds are fetched in one polite queue;
    // results are then taken in path order, so the run does not depend on which fetch finished first.
    const parsed = await Promise.all(
      documents.map((document) =>
        documentDrafts(document, remote).then(
          (result) => ({ result, error: undefined }),
          (error: unknown) => ({ result: undefined, error }),
        ),
      ),
    );
    const drafts: Array<{ draft: ArticleDraft; position: number }> = [];
    for (const [index, document] of documents.entries()) {
      const { result, error } = parsed[index]!;
      if (result) {
        result.drafts.forEach((draft, k) => drafts.push({ draft, position: batch[index]!.index * DRAFTS_PER_DOCUMENT + k }));
        for (const notice of result.notices) this.notices.push(notice);
        for (const reason of result.problems) this.failures.push({ path: document.path, reason });
        for (const item of result.linkedItems) {
          const key = comparableText(item.title);
          if (key && !this.linkByTitle.has(key)) this.linkByTitle.set(key, item.link);
        }
      } else {
        const reason = error instanceof FeedError ? error.reason : `could not be read (${error instanceof Error ? error.message : String(error)})`;
        this.failures.push({ path: document.path, reason });
      }
    }
    const ready: Placed = { articles: [], positions: [] };
    const waiting: Array<{ draft: ArticleDraft; position: number }> = [];
    for (const { draft, position } of drafts) {
      this.clean(draft);
      const slug = draft.url ? publisherSlug(draft.url) : undefined;
      const name = draft.publisherNames[0];
      if (slug && name && !this.knownSlugs.has(comparableText(name))) this.knownSlugs.set(comparableText(name), slug);
    }
    for (const { draft, position } of drafts) {
      const article = this.finishNow(draft);
      if (article) {
        ready.articles.push(article);
        ready.positions.push(position);
      } else {
        waiting.push({ draft, position });
      }
    }
    await this.waiting.add(waiting);
    return ready;
  }

  /**
   * The article, when nothing later in the run can change it: its URL names its publisher; or, with every
   * feed read, it has found its link or never will, and its publisher is nameless or its slug known.
   */
  private finishNow(draft: ArticleDraft): Article | undefined {
    if (draft.url && publisherSlug(draft.url)) return finish(draft, this.knownSlugs, false);
    if (!this.linksKnown) return undefined;
    const name = draft.publisherNames[0];
    if (name && !this.knownSlugs.has(comparableText(name))) return undefined;
    return this.withLink(draft);
  }

  /** Finishes a draft, borrowing the link of a feed item with its title when it has no URL. */
  private withLink(draft: ArticleDraft): Article {
    if (draft.url) return finish(draft, this.knownSlugs, false);
    const borrowed = this.linkByTitle.get(comparableText(draft.title));
    if (borrowed) {
      draft.url = borrowed;
      return finish(draft, this.knownSlugs, true);
    }
    this.withoutUrl.add(draft.origin.path, draft.title);
    return finish(draft, this.knownSlugs, false);
  }

  /** The drafts that waited for the whole run, as articles. */
  async *finish(size: number): AsyncGenerator<Placed> {
    for await (const part of this.waiting.drain(size)) {
      yield { articles: part.map(({ draft }) => this.withLink(draft)), positions: part.map((w) => w.position) };
    }
  }

  /** Titles and URLs as an article may carry them. */
  private clean(draft: ArticleDraft): void {
    // Titles from text files and pages too: a control character makes feed.xml unreadable and may drive a
    // terminal, and a title is plain text: markup that would run (a JSON-LD headline "</script><script>…") goes.
    draft.title = stripControls(hasExecutableMarkup(draft.title) ? normalizeSpace(htmlToText(draft.title)) : draft.title);
    draft.publisherNames = draft.publisherNames.map(stripControls);
    // Pages and --url may name any scheme too; only http(s) addresses become article URLs.
    if (draft.url && !isWebUrl(draft.url)) {
      this.notices.push(`${draft.origin.path}: "${draft.title}": a ${schemeOf(draft.url)} URL is not an article address; left empty`);
      draft.url = '';
    }
    if (draft.canonicalUrl && !isWebUrl(draft.canonicalUrl)) delete draft.canonicalUrl;
  }
}
