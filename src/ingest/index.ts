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
import { readSources, type ReadOptions } from './read.js';
import type { FetchCounts } from './remote.js';
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

/**
 * Publisher slugs known from URLs in this run, by comparable publisher name: a footer that names
 * "Pinecrest Herald" then gets the slug `pinecrestherald` its own pages use, not a second spelling.
 */
function slugsByName(drafts: ArticleDraft[]): Map<string, string> {
  const slugs = new Map<string, string>();
  for (const draft of drafts) {
    const slug = draft.url ? publisherSlug(draft.url) : undefined;
    const name = draft.publisherNames[0];
    if (slug && name && !slugs.has(comparableText(name))) slugs.set(comparableText(name), slug);
  }
  return slugs;
}

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

/** Turns every source into articles. Never throws for a bad input; see `failures` and `notices`. */
export async function ingest(paths: string[], opts: ReadOptions = {}): Promise<IngestResult> {
  const read = await readSources(paths, opts);
  const failures = [...read.failures];
  const notices = [...read.notices];
  const drafts: ArticleDraft[] = [];
  // Title → link of the first feed item (in path order) with that title.
  const linkByTitle = new Map<string, string>();

  const documents: InputDocument[] = [...read.documents].sort(byPath);
  // Documents are parsed together so that teaser pages of all feeds are fetched in one polite queue;
  // results are then taken in path order, so the run does not depend on which fetch finished first.
  const parsed = await Promise.all(
    documents.map((document) =>
      documentDrafts(document, opts.remote).then(
        (result) => ({ result, error: undefined }),
        (error: unknown) => ({ result: undefined, error }),
      ),
    ),
  );
  for (const [index, document] of documents.entries()) {
    const { result, error } = parsed[index]!;
    if (result) {
      // Loops, not push(...list): spreading 130,000 drafts as arguments overflows the call stack.
      for (const draft of result.drafts) drafts.push(draft);
      for (const notice of result.notices) notices.push(notice);
      for (const reason of result.problems) failures.push({ path: document.path, reason });
      for (const item of result.linkedItems) {
        const key = comparableText(item.title);
        if (key && !linkByTitle.has(key)) linkByTitle.set(key, item.link);
      }
    } else {
      const reason = error instanceof FeedError ? error.reason : `could not be read (${error instanceof Error ? error.message : String(error)})`;
      failures.push({ path: document.path, reason });
    }
  }

  // Pages and --url may name any scheme too; only http(s) addresses become article URLs.
  for (const draft of drafts) {
    // Titles from text files and pages too: a control character makes feed.xml unreadable and may drive a
    // terminal, and a title is plain text: markup that would run (a JSON-LD headline "</script><script>…") goes.
    draft.title = stripControls(hasExecutableMarkup(draft.title) ? normalizeSpace(htmlToText(draft.title)) : draft.title);
    draft.publisherNames = draft.publisherNames.map(stripControls);
    if (draft.url && !isWebUrl(draft.url)) {
      notices.push(`${draft.origin.path}: "${draft.title}": a ${schemeOf(draft.url)} URL is not an article address; left empty`);
      draft.url = '';
    }
    if (draft.canonicalUrl && !isWebUrl(draft.canonicalUrl)) delete draft.canonicalUrl;
  }
  const knownSlugs = slugsByName(drafts);
  const borrowedUrl = new Set<ArticleDraft>();
  for (const draft of drafts) {
    if (draft.url) continue;
    const borrowed = linkByTitle.get(comparableText(draft.title));
    if (borrowed) {
      draft.url = borrowed;
      borrowedUrl.add(draft);
    } else {
      notices.push(`${draft.origin.path}: no URL known for "${draft.title}"; pass --url when ingesting a single file`);
    }
  }

  const articles = drafts.map((draft) => finish(draft, knownSlugs, borrowedUrl.has(draft)));
  return { articles, failures: failures.sort(byPath), notices, fetches: read.fetches, unchanged: read.unchanged };
}
