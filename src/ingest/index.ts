// The ingest stage: files, folders and OPML lists → Articles, with one failure per bad input.
//   1. read every source once (readSources): detect kinds, expand OPML, report unreadable inputs;
//   2. parse each document once into drafts (text article, HTML page, feed items);
//   3. give text articles without a URL the link of a feed item with the same title in this run;
//   4. derive publisher slug, publisher name and a stable id for each article.
import { articleLanguage } from '../text/language.js';
import { createHash } from 'node:crypto';
import { comparableText, htmlToText, normalizeSpace, publisherSlug, slugifyPublisherName } from '../extract/index.js';
import type { Article, InputDocument, InputFailure } from '../model.js';
import { documentDrafts, type ArticleDraft } from './drafts.js';
import { FeedError } from './feed.js';
import { hasExecutableMarkup } from './feed-common.js';
import { openSources, type LaterFile, type ReadOptions } from './read.js';
import type { FetchCounts, RemoteSource } from './remote.js';
import { isWebUrl, schemeOf } from '../text/web-url.js';
import { stripControls } from '../text/control.js';

export { detectKind, isBinary } from './detect.js';
export { parseFeedDocument, FeedError, feedText } from './feed.js';
export { readSources, REMOTE_URL, type ReadOptions, type ReadResult } from './read.js';
export { decodeDocument, type DecodedDocument } from '../text/encoding.js';
export type { FetchCounts, RemoteDocument, RemoteSource } from './remote.js';
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
  return createHash('sha256').update(basis).digest('hex').slice(0, ID_HEX_CHARS);
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
  const run = new RunDrafts();
  type Entry = { path: string; document?: InputDocument; later?: LaterFile };
  const entries: Entry[] = [
    ...reader.documents.splice(0).map((document) => ({ path: document.path, document })),
    ...reader.later.splice(0).map((later) => ({ path: later.path, later })),
  ].sort(byPath);
  const size = Math.max(1, opts.batchDocuments ?? INGEST_BATCH_DOCUMENTS);
  for (let start = 0; start < entries.length; start += size) {
    const slice = entries.slice(start, start + size);
    await reader.readLater(slice.flatMap((entry) => (entry.later ? [entry.later] : [])));
    const documents = [...slice.flatMap((entry) => (entry.document ? [entry.document] : [])), ...reader.documents.splice(0)].sort(byPath);
    const ready = await run.take(documents, opts.remote);
    if (ready.articles.length > 0) await onBatch(ready.articles, ready.positions);
  }
  const last = run.finish();
  if (last.articles.length > 0) await onBatch(last.articles, last.positions);
  return {
    failures: [...reader.failures, ...run.failures].sort(byPath),
    notices: [...reader.notices, ...run.notices],
    fetches: reader.fetches,
    unchanged: reader.unchanged,
  };
}

/** Articles with their places in reading order. */
interface Placed {
  articles: Article[];
  positions: number[];
}

/** A run's drafts as batches of documents arrive: what each article may need from the rest of the run. */
class RunDrafts {
  readonly failures: InputFailure[] = [];
  readonly notices: string[] = [];
  /** Title → link of the first feed item (in path order) with that title. */
  private readonly linkByTitle = new Map<string, string>();
  /**
   * Publisher slugs known from URLs in this run, by comparable publisher name: a footer that names
   * "Pinecrest Herald" then gets the slug `pinecrestherald` its own pages use, not a second spelling.
   */
  private readonly knownSlugs = new Map<string, string>();
  /** Drafts that need the whole run (no URL yet, or a URL that names no publisher), with their positions. */
  private readonly waiting: Array<{ draft: ArticleDraft; position: number }> = [];
  /** Drafts met so far: the next one's place in reading order. */
  private drafts = 0;

  /** Parses a batch of documents; returns the articles that need nothing more from the run. */
  async take(documents: InputDocument[], remote: RemoteSource | undefined): Promise<Placed> {
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
    const drafts: ArticleDraft[] = [];
    for (const [index, document] of documents.entries()) {
      const { result, error } = parsed[index]!;
      if (result) {
        for (const draft of result.drafts) drafts.push(draft);
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
    for (const draft of drafts) {
      const position = this.drafts++;
      this.clean(draft);
      const slug = draft.url ? publisherSlug(draft.url) : undefined;
      const name = draft.publisherNames[0];
      if (slug && name && !this.knownSlugs.has(comparableText(name))) this.knownSlugs.set(comparableText(name), slug);
      if (slug) {
        ready.articles.push(finish(draft, this.knownSlugs, false));
        ready.positions.push(position);
      } else {
        this.waiting.push({ draft, position });
      }
    }
    return ready;
  }

  /** The drafts that waited for the whole run, as articles. */
  finish(): Placed {
    const waiting = this.waiting.splice(0);
    const articles = waiting.map(({ draft }) => {
      if (draft.url) return finish(draft, this.knownSlugs, false);
      const borrowed = this.linkByTitle.get(comparableText(draft.title));
      if (borrowed) {
        draft.url = borrowed;
        return finish(draft, this.knownSlugs, true);
      }
      this.notices.push(`${draft.origin.path}: no URL known for "${draft.title}"; pass --url when ingesting a single file`);
      return finish(draft, this.knownSlugs, false);
    });
    return { articles, positions: waiting.map((w) => w.position) };
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
