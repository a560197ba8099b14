// One document → article drafts: everything an Article needs except what depends on the whole run
// (a URL borrowed from a feed item in another file) and what derives from the rest (id, slug).
import { extractArticle, parseByline } from '../extract/index.js';
import type { ArticleOrigin, Feed, FeedItem, InputDocument } from '../model.js';
import { feedText, parseFeedDocument } from './feed.js';
import { splitFooter } from './footer.js';
import { parseTextArticle } from './text-article.js';

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
    url: page.canonicalUrl ?? document.url ?? '',
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

function itemDraft(item: FeedItem, feed: Feed, document: InputDocument, position: number): ArticleDraft | string {
  const { text, footer } = splitFooter(feedText(item.content));
  const title = item.title || footer?.title || '';
  if (!text) return emptyBody(EMPTY_BODY_NOUN.feed, title || item.id);
  const names = [footer?.publisherName, feed.title].filter((name): name is string => Boolean(name));
  return {
    url: item.link,
    title,
    byline: parseByline(item.author),
    ...(item.published ? { published: item.published } : {}),
    publisherNames: names,
    text,
    ...(footer ? { syndicatedFrom: footer.publisherName } : {}),
    origin: { path: document.path, kind: document.kind, feedItemId: item.id, feedPosition: position },
    warnings: title ? [] : ['feed item has no title'],
  };
}

async function feedDrafts(document: InputDocument): Promise<DocumentResult> {
  const feed = await parseFeedDocument(document.content, document.kind);
  const result: DocumentResult = { drafts: [], problems: [], notices: [], linkedItems: [] };
  if (feed.items.length === 0) result.notices.push(`${document.path}: feed "${feed.title}" has no items`);
  for (const [position, item] of feed.items.entries()) {
    const draft = itemDraft(item, feed, document, position);
    if (typeof draft === 'string') result.problems.push(draft);
    else result.drafts.push(draft);
    if (item.link) result.linkedItems.push(item);
  }
  return result;
}

/** Parses one document (once) into drafts. Throws FeedError for a feed that cannot be parsed. */
export async function documentDrafts(document: InputDocument): Promise<DocumentResult> {
  switch (document.kind) {
    case 'text':
      return textDrafts(document);
    case 'html':
      return htmlDrafts(document);
    case 'rss':
    case 'atom':
    case 'jsonfeed':
      return feedDrafts(document);
    case 'opml':
      // readSources expands OPML into its feeds; an OPML document here has nothing left to read.
      return { drafts: [], problems: [], notices: [], linkedItems: [] };
  }
}
