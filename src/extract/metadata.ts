// Page metadata read before Readability runs (Readability rewrites the document it is given).
// Sources in order of trust: OpenGraph/meta tags, JSON-LD, then the markup itself.
import { parseByline, uniqueNames } from './byline.js';
import { toUtcIso } from './date.js';
import { attributeOf, type DomDocument } from './dom.js';
import { normalizeSpace } from './html-text.js';
import { readJsonLd } from './json-ld.js';

export interface PageMetadata {
  ogTitle?: string;
  /** The document's <title>, with a trailing ` | Site` / ` - Site` removed. */
  documentTitle?: string;
  byline: string[];
  published?: string;
  canonicalUrl?: string;
  siteName?: string;
  lang?: string;
  warnings: string[];
}

/** `Headline | Site`: greedy head, so only the last separator splits (a headline may contain " - "). */
const TITLE_WITH_SUFFIX = /^(.*\S)\s+[|\-–—·»]\s+(.+)$/;
/** A trailing segment longer than this is part of the headline, not a site name. */
const MAX_SITE_SUFFIX_WORDS = 4;

const PUBLISHED_META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
];

/** Removes ` | Site` or ` - Site` from a <title>, when the trailing part looks like a site name. */
export function stripSiteSuffix(title: string, siteName?: string): string {
  const match = TITLE_WITH_SUFFIX.exec(title);
  const head = match?.[1];
  const suffix = match?.[2];
  if (!head || !suffix) return title;
  const isSite =
    (siteName !== undefined && suffix.toLowerCase() === siteName.toLowerCase()) ||
    suffix.split(/\s+/).length <= MAX_SITE_SUFFIX_WORDS;
  return isSite ? head : title;
}

/** Resolves `href` against `base` when it is relative; undefined when neither gives an absolute URL. */
export function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    // An article's address is a web address: javascript:, data: or file: from a hostile page is not one.
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function metaContent(document: DomDocument, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = attributeOf(document, selector, 'content');
    if (value) return normalizeSpace(value);
  }
  return undefined;
}

/** Everything the page says about itself outside its body text. */
export function readMetadata(document: DomDocument, pageUrl?: string): PageMetadata {
  const warnings: string[] = [];
  const jsonLd = readJsonLd(document);
  if (jsonLd.invalidBlocks > 0) warnings.push(`ignored ${jsonLd.invalidBlocks} JSON-LD block(s) that are not valid JSON`);
  const article = jsonLd.article;

  const ogTitle = metaContent(document, 'meta[property="og:title"]', 'meta[name="og:title"]');
  const siteName = metaContent(document, 'meta[property="og:site_name"]', 'meta[name="og:site_name"]') ?? article?.publisherName;
  const rawTitle = normalizeSpace(document.querySelector('title')?.textContent ?? '');
  const documentTitle = rawTitle ? stripSiteSuffix(rawTitle, siteName) : undefined;

  const metaAuthor = metaContent(document, 'meta[name="author"]', 'meta[name="byl"]', 'meta[name="sailthru.author"]');
  const byline = metaAuthor ? parseByline(metaAuthor) : uniqueNames((article?.authors ?? []).flatMap(parseByline));

  const timeElement = attributeOf(document, 'article time[datetime]', 'datetime') ?? attributeOf(document, 'time[datetime]', 'datetime');
  const published =
    toUtcIso(metaContent(document, ...PUBLISHED_META_SELECTORS)) ?? toUtcIso(article?.datePublished) ?? toUtcIso(timeElement);

  const ogUrl = metaContent(document, 'meta[property="og:url"]', 'meta[name="og:url"]');
  const base = absoluteUrl(ogUrl, pageUrl) ?? pageUrl;
  const canonicalUrl = absoluteUrl(attributeOf(document, 'link[rel="canonical"]', 'href'), base) ?? absoluteUrl(ogUrl, pageUrl);

  const lang = document.documentElement?.getAttribute('lang')?.trim() || undefined;

  return {
    byline,
    warnings,
    ...(ogTitle ? { ogTitle } : {}),
    ...(documentTitle ? { documentTitle } : {}),
    ...(published ? { published } : {}),
    ...(canonicalUrl ? { canonicalUrl } : {}),
    ...(siteName ? { siteName } : {}),
    ...(lang ? { lang } : {}),
  };
}
