// Page metadata read before Readability runs (Readability rewrites the document it is given).
//
// Sources, per field, first non-empty wins (the documented order):
//   title       JSON-LD headline (name when it matches <title> better) → dc:title (property before
//               name) → og:title → twitter:title → meta title → (index.ts: Readability's title, unless it is just the <title>
//               → then <title> without " | Site", unless that leaves one word)
//   byline      JSON-LD author → dc:creator / meta author / parsely-author / byl (never a URL) → (index.ts: Readability's in-page byline → a leading "By A and B" line)
//   published   JSON-LD datePublished → article:published_time → og/meta date variants →
//               itemprop=datePublished → <time datetime> (inside <article> first)
//   modified    JSON-LD dateModified → article:modified_time → og:updated_time → itemprop=dateModified
//   canonical   rel=canonical → og:url → JSON-LD url, resolved against the page URL
//   site name   JSON-LD publisher.name → og:site_name → application-name
//   lang        <html lang> → meta content-language → JSON-LD inLanguage → og:locale → (index.ts: detected)
//   description JSON-LD description → og:description → twitter:description → meta description
//   image       JSON-LD image → og:image → twitter:image
//   section     JSON-LD articleSection → article:section
// JSON-LD comes first because it is written for machines and names one article; OpenGraph and Twitter
// cards come next because they are written for sharing and are usually the headline as published.
import { parseByline, uniqueNames } from './byline.js';
import { toUtcIso } from './date.js';
import { ELEMENT_NODE, tagName, walk, type DomDocument, type DomElement } from './dom.js';
import { comparableText, normalizeSpace } from './html-text.js';
import { readJsonLd } from './json-ld.js';

export interface PageMetadata {
  /** Title from JSON-LD or social/meta tags; undefined when only <title> has one. */
  metaTitle?: string;
  /** The document's <title>, with a trailing ` | Site` / ` - Site` removed. */
  documentTitle?: string;
  /** The document's <title> as written. */
  rawTitle?: string;
  byline: string[];
  published?: string;
  modified?: string;
  canonicalUrl?: string;
  /** The page's own address as it declares it: og:url, else JSON-LD url (made absolute). */
  ownUrl?: string;
  siteName?: string;
  lang?: string;
  description?: string;
  image?: string;
  section?: string;
  articleBody?: string;
  /**
   * What relative links and image sources in the page resolve against: its <base href>, resolved
   * against the page URL; else the page URL; else, for a saved page given without one, its canonical URL.
   */
  linkBase?: string;
  /** The page URL, else its canonical URL: what `#fragment` links belong to. */
  documentUrl?: string;
  warnings: string[];
}

/** `Headline | Site`: greedy head, so only the last separator splits (a headline may contain " - "). */
const TITLE_WITH_SUFFIX = /^(.*\S)\s+[|\-–—·»]\s+(.+)$/;
/** A trailing segment longer than this is part of the headline, not a site name. */
const MAX_SITE_SUFFIX_WORDS = 4;
/**
 * A head shorter than this is not a headline: `Brand - Section Name` titles a landing or book page, and
 * cutting it leaves only the brand, so the whole <title> says more. Two-word headlines do occur in news.
 */
const MIN_HEADLINE_WORDS = 2;

/** Dublin Core first: pages that set it set it deliberately; OpenGraph titles are often rewritten for sharing. */
const TITLE_KEYS = ['dc:title', 'dcterm:title', 'og:title', 'twitter:title', 'title', 'parsely-title'];
/** Not `article:author`: in OpenGraph it is a profile URL, and where sites put a name there it is often the desk's. */
const AUTHOR_KEYS = ['dc:creator', 'dcterm:creator', 'author', 'parsely-author', 'byl', 'sailthru:author'];
const PUBLISHED_KEYS = ['article:published_time', 'og:article:published_time', 'parsely-pub-date', 'pubdate', 'publishdate', 'date', 'dc:date', 'dc:date:issued', 'sailthru:date', 'datepublished'];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified'];
const SITE_KEYS = ['og:site_name', 'application-name'];
const DESCRIPTION_KEYS = ['og:description', 'twitter:description', 'description', 'dc:description'];
const MARKUP = /<\/?[a-z][^>]*>/i;
const TAG = /<\/?[a-z][^>]*>/gi;
const IMAGE_KEYS = ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'];
const SECTION_KEYS = ['article:section', 'parsely-section'];
/** An author "name" that is a link is a profile page, not a name (Facebook's article:author). */
const URL_LIKE = /^https?:\/\//i;

/** Removes ` | Site` or ` - Site` from a <title>, when the trailing part looks like a site name. */
export function stripSiteSuffix(title: string, siteName?: string): string {
  const match = TITLE_WITH_SUFFIX.exec(title);
  const head = match?.[1];
  const suffix = match?.[2];
  if (!head || !suffix || head.split(/\s+/).length < MIN_HEADLINE_WORDS) return title;
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

/**
 * Every <meta> of the page by key: lowercase, "." read as ":" (`DC.title` and `dc:title` are one key).
 * `property` (RDFa, OpenGraph) wins over `name`, which wins over `itemprop` and `http-equiv`: pages that
 * set both usually set the property for machines and the name by hand. Within one attribute, the
 * first in the page wins.
 */
function metaMap(metas: readonly DomElement[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
    for (const meta of metas) {
      const content = normalizeSpace(meta.getAttribute('content') ?? '');
      if (!content) continue;
      for (const raw of (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
        const key = raw.replace(/\./g, ':');
        if (key && !map.has(key)) map.set(key, content);
      }
    }
  }
  return map;
}

const first = (meta: Map<string, string>, keys: readonly string[]): string | undefined => {
  for (const key of keys) {
    const value = meta.get(key);
    if (value) return value;
  }
  return undefined;
};

/** Between JSON-LD `headline` and `name`, the one closer to the page's <title> (sites swap them). */
function jsonLdTitle(headline: string | undefined, name: string | undefined, rawTitle: string): string | undefined {
  if (!headline || !name) return headline ?? name;
  const title = comparableText(rawTitle);
  const nameFits = title.includes(comparableText(name));
  return !title.includes(comparableText(headline)) && nameFits ? name : headline;
}

/** The elements metadata is read from, collected in one walk over the page (see `walk` for why). */
interface MetadataElements {
  /** <meta> with a content attribute. */
  metas: DomElement[];
  /** <script type=application/ld+json>. */
  jsonLd: DomElement[];
  title?: DomElement;
  /** The first <time datetime> inside an <article>, and the first anywhere. */
  articleTime?: DomElement;
  time?: DomElement;
  /** The first <link rel=canonical>. */
  canonical?: DomElement;
  /** The first <base href>; browsers ignore the others. */
  base?: DomElement;
}

/** `rel` and `type` compare without case, as CSS attribute selectors do in HTML. */
const sameText = (value: string | null, expected: string): boolean => value !== null && value.toLowerCase() === expected;

function collectElements(document: DomDocument): MetadataElements {
  const found: MetadataElements = { metas: [], jsonLd: [] };
  const root = document.documentElement;
  if (!root) return found;
  let articleDepth = 0;
  walk(
    root,
    (node) => {
      if (node.nodeType !== ELEMENT_NODE) return false;
      const element = node as DomElement;
      const name = tagName(element);
      if (name === 'meta') {
        if (element.getAttribute('content') !== null) found.metas.push(element);
      } else if (name === 'script') {
        if (sameText(element.getAttribute('type'), 'application/ld+json')) found.jsonLd.push(element);
      } else if (name === 'title') found.title ??= element;
      else if (name === 'link') {
        if (!found.canonical && sameText(element.getAttribute('rel'), 'canonical')) found.canonical = element;
      } else if (name === 'time') {
        if (element.getAttribute('datetime') !== null) {
          found.time ??= element;
          if (articleDepth > 0) found.articleTime ??= element;
        }
      } else if (name === 'article') articleDepth++;
      else if (name === 'base' && !found.base && element.getAttribute('href') !== null) found.base = element;
    },
    (element) => {
      if (tagName(element) === 'article') articleDepth--;
    },
  );
  return found;
}

/** The trimmed value of an attribute, if non-empty. */
const attributeValue = (element: DomElement | undefined, attribute: string): string | undefined => element?.getAttribute(attribute)?.trim() || undefined;

/** Everything the page says about itself outside its body text. */
export function readMetadata(document: DomDocument, pageUrl?: string): PageMetadata {
  const warnings: string[] = [];
  const elements = collectElements(document);
  const jsonLd = readJsonLd(elements.jsonLd);
  if (jsonLd.invalidBlocks > 0) warnings.push(`ignored ${jsonLd.invalidBlocks} JSON-LD block(s) that are not valid JSON`);
  const article = jsonLd.article;
  const meta = metaMap(elements.metas);

  const rawTitle = normalizeSpace(elements.title?.textContent ?? '');
  const metaTitle = jsonLdTitle(article?.headline, article?.name, rawTitle) ?? first(meta, TITLE_KEYS);
  const siteName = article?.publisherName ?? first(meta, SITE_KEYS);
  const documentTitle = rawTitle ? stripSiteSuffix(rawTitle, siteName) : undefined;

  const metaAuthor = AUTHOR_KEYS.map((key) => meta.get(key)).find((value) => value && !URL_LIKE.test(value));
  const jsonLdAuthors = uniqueNames((article?.authors ?? []).flatMap(parseByline));
  const byline = jsonLdAuthors.length > 0 ? jsonLdAuthors : parseByline(metaAuthor);

  const timeElement = attributeValue(elements.articleTime, 'datetime') ?? attributeValue(elements.time, 'datetime');
  const published = toUtcIso(article?.datePublished) ?? toUtcIso(first(meta, PUBLISHED_KEYS)) ?? toUtcIso(timeElement);
  const modified = toUtcIso(article?.dateModified) ?? toUtcIso(first(meta, MODIFIED_KEYS));

  const ogUrl = meta.get('og:url');
  const base = absoluteUrl(ogUrl, pageUrl) ?? pageUrl;
  const canonicalUrl =
    absoluteUrl(attributeValue(elements.canonical, 'href'), base) ?? absoluteUrl(ogUrl, pageUrl) ?? absoluteUrl(article?.url, pageUrl);
  const ownUrl = absoluteUrl(ogUrl, pageUrl) ?? absoluteUrl(article?.url, pageUrl);

  const lang = document.documentElement?.getAttribute('lang')?.trim() || first(meta, ['content-language', 'dc:language']) || article?.inLanguage || meta.get('og:locale')?.replace('_', '-');
  const described = article?.description ?? first(meta, DESCRIPTION_KEYS);
  // Some CMSs put the lead's markup in the description ("<p>Vom Industrieunternehmen …</p>"): text only.
  const description = described && MARKUP.test(described) ? normalizeSpace(described.replace(TAG, ' ')) || undefined : described;
  const image = absoluteUrl(article?.image ?? first(meta, IMAGE_KEYS), base);
  const section = article?.section ?? first(meta, SECTION_KEYS);

  const documentUrl = pageUrl ?? canonicalUrl;
  const linkBase = absoluteUrl(attributeValue(elements.base, 'href'), documentUrl) ?? documentUrl;

  const fields = { linkBase, documentUrl, metaTitle, documentTitle, rawTitle, published, modified, canonicalUrl, ownUrl, siteName, lang, description, image, section, articleBody: article?.articleBody };
  return { byline, warnings, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) } as PageMetadata;
}
