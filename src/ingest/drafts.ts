// One document → article drafts: everything an Article needs except what depends on the whole run
// (a URL borrowed from a feed item in another file) and what derives from the rest (id, slug).
import { extractArticle, parseByline, publisherNameOfFeed, publisherSlug, type ExtractedArticle } from '../extract/index.js';
import type { ArticleOrigin, Feed, FeedItem, InputDocument } from '../model.js';
import { decodeDocument } from '../text/encoding.js';
import { feedText, parseFeedDocument } from './feed.js';
import { splitFooter } from './footer.js';
import { reasonOf, rethrowDeskFailure, type RemoteSource } from './remote.js';
import { parseTextArticle } from './text-article.js';
import { isWebUrl, schemeOf } from '../text/web-url.js';

export interface ArticleDraft {
  /** "" when the document does not say; the run may still find one. */
  url: string;
  title: string;
  byline: string[];
  published?: string;
  /** Human publisher name candidates, most trusted first (footer, og:site_name, feed title). */
  publisherNames: string[];
  lang?: string;
  text: string;
  syndicatedFrom?: string;
  /** The canonical URL the page declares, when it differs from `url`. */
  canonicalUrl?: string;
  origin: ArticleOrigin;
  warnings: string[];
}

export interface DocumentResult {
  drafts: ArticleDraft[];
  /** Reasons (without the path) for parts of the document that did not become articles. */
  problems: string[];
  notices: string[];
  /** Feed items with a link, for other documents that lack a URL. */
  linkedItems: FeedItem[];
}

/**
 * Below this many words a fetched feed's item is a teaser and its page is fetched for the full text.
 * Teasers run one to three sentences (under 80 words); full items are rarely under 200.
 */
const TEASER_MAX_WORDS = 150;
const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** What a draft with no body is called in its failure, by document kind. */
const EMPTY_BODY_NOUN = { text: 'article', html: 'page', feed: 'item' } as const;

const emptyBody = (noun: string, title: string): string => `${noun} "${title}" has no body text`;

function textDrafts(document: InputDocument): DocumentResult {
  const draft = parseTextArticle(document.content);
  const result: DocumentResult = { drafts: [], problems: [], notices: [], linkedItems: [] };
  if (!draft.text) {
    result.problems.push(emptyBody(EMPTY_BODY_NOUN.text, draft.title));
    return result;
  }
  result.drafts.push({
    url: document.url ?? '',
    title: draft.title,
    byline: draft.byline,
    publisherNames: draft.publisherName ? [draft.publisherName] : [],
    text: draft.text,
    ...(draft.publisherName ? { syndicatedFrom: draft.publisherName } : {}),
    origin: { path: document.path, kind: document.kind },
    warnings: [],
  });
  return result;
}

function htmlDrafts(document: InputDocument): DocumentResult {
  const page = extractArticle(document.content, document.url);
  const result: DocumentResult = { drafts: [], problems: [], notices: [], linkedItems: [] };
  const { text, footer } = splitFooter(page.text);
  if (!text) {
    result.problems.push(emptyBody(EMPTY_BODY_NOUN.html, page.title));
    return result;
  }
  const names = [footer?.publisherName, page.siteName].filter((name): name is string => Boolean(name));
  result.drafts.push({
    ...pageAddress(page, document.url),
    title: page.title || footer?.title || '',
    byline: page.byline,
    ...(page.published ? { published: page.published } : {}),
    publisherNames: names,
    ...(page.lang ? { lang: page.lang } : {}),
    text,
    ...(footer ? { syndicatedFrom: footer.publisherName } : {}),
    origin: { path: document.path, kind: document.kind },
    warnings: page.warnings,
  });
  return result;
}

/**
 * A page's address and the canonical URL it declares. A fetched page (or one given --url) keeps the address
 * it was read from. A saved page has only the addresses it declares: its canonical link when that is on its
 * own site (the clean spelling of its own address, without tracking parameters), its og:url when the
 * canonical names another publisher (a syndicated copy pointing at its original). A declared canonical that
 * differs from the address is kept beside it, for dedupe to group copies and choose the original by.
 */
function pageAddress(page: ExtractedArticle, documentUrl: string | undefined): { url: string; canonicalUrl?: string } {
  const declared = page.canonicalUrl;
  const own = page.ownUrl;
  const elsewhere = own !== undefined && declared !== undefined && publisherSlug(own) !== publisherSlug(declared);
  const url = documentUrl ?? (elsewhere ? own : declared) ?? '';
  return { url, ...(declared && declared !== url ? { canonicalUrl: declared } : {}) };
}

interface FullText {
  text: string;
  byline: string[];
  published?: string;
}

/** The article page behind a teaser, extracted; undefined (with a notice) when it cannot be had. */
async function fetchFullText(link: string, remote: RemoteSource, notices: string[]): Promise<FullText | undefined> {
  try {
    const page = await remote.fetchPage(link);
    const html = decodeDocument(page.body, page.contentType).text;
    const article = extractArticle(html, page.finalUrl);
    return { text: splitFooter(article.text).text, byline: article.byline, ...(article.published ? { published: article.published } : {}) };
  } catch (error) {
    rethrowDeskFailure(error);
    notices.push(`${link}: full text not fetched (${reasonOf(error)}); used the feed's text`);
    return undefined;
  }
}

async function itemDraft(
  item: FeedItem,
  feed: Feed,
  document: InputDocument,
  position: number,
  remote: RemoteSource | undefined,
  notices: string[],
): Promise<ArticleDraft | string> {
  let { text, footer } = splitFooter(feedText(item.content ?? item.summary));
  let byline = parseByline(item.author);
  let published = item.published;
  const warnings: string[] = [];
  if (remote && document.fetched && /^https?:/i.test(item.link) && wordCount(text) < TEASER_MAX_WORDS) {
    const full = await fetchFullText(item.link, remote, notices);
    if (full && wordCount(full.text) > wordCount(text)) {
      text = full.text;
      if (byline.length === 0) byline = full.byline;
      published ??= full.published;
      warnings.push('feed item was a teaser; text extracted from the article page');
    }
  }
  const title = item.title || footer?.title || '';
  if (!text) return emptyBody(EMPTY_BODY_NOUN.feed, title || item.id);
  // A javascript:, data:, file: or vbscript: link would be published as a clickable link: never kept.
  const url = isWebUrl(item.link) ? item.link : '';
  if (item.link && !url) {
    const warning = `item "${title || item.id}": link with a ${schemeOf(item.link)} URL dropped; only http(s) links are kept`;
    warnings.push(warning);
    notices.push(`${document.path}: ${warning}`);
  }
  const names = [footer?.publisherName, feed.title && publisherNameOfFeed(feed.title)].filter((name): name is string => Boolean(name));
  return {
    url,
    title,
    byline,
    ...(published ? { published } : {}),
    publisherNames: names,
    text,
    ...(footer ? { syndicatedFrom: footer.publisherName } : {}),
    origin: { path: document.path, kind: document.kind, feedItemId: item.id, feedPosition: position },
    warnings: title ? warnings : [...warnings, 'feed item has no title'],
  };
}

async function feedDrafts(document: InputDocument, remote: RemoteSource | undefined): Promise<DocumentResult> {
  const feed = await parseFeedDocument(document.content, document.kind, document.url ? { url: document.url } : {});
  const result: DocumentResult = { drafts: [], problems: [], notices: [], linkedItems: [] };
  if (feed.items.length === 0) result.notices.push(`${document.path}: feed "${feed.title}" has no items`);
  const warnings = feed.warnings ?? [];
  for (const warning of warnings) result.notices.push(`${document.path}: ${warning}`);
  const recovered = warnings.find((w) => w.startsWith('recovered: '));
  const drafts = await Promise.all(feed.items.map((item, position) => itemDraft(item, feed, document, position, remote, result.notices)));
  feed.items.forEach((item, i) => {
    const draft = drafts[i]!;
    if (typeof draft === 'string') result.problems.push(recovered ? `${draft} (feed ${recovered})` : draft);
    else result.drafts.push(draft);
    if (isWebUrl(item.link)) result.linkedItems.push(item);
  });
  return result;
}

/** Parses one document (once) into drafts. Throws FeedError for a feed that cannot be parsed. */
export async function documentDrafts(document: InputDocument, remote?: RemoteSource): Promise<DocumentResult> {
  switch (document.kind) {
    case 'text':
      return textDrafts(document);
    case 'html':
      return htmlDrafts(document);
    case 'rss':
    case 'atom':
    case 'jsonfeed':
      return feedDrafts(document, remote);
    case 'opml':
      // readSources expands OPML into its feeds; an OPML document here has nothing left to read.
      return { drafts: [], problems: [], notices: [], linkedItems: [] };
  }
}
