// Schema.org JSON-LD: the most reliable metadata a news page carries, when it is valid.
import type { DomNode } from './dom.js';

/** Schema.org types that describe the article itself (not the site, breadcrumbs or videos). */
const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'Report',
]);

export interface JsonLdArticle {
  headline?: string;
  /** `name` when it differs from `headline` (some sites put the SEO title in one of them). */
  name?: string;
  authors: string[];
  datePublished?: string;
  dateModified?: string;
  publisherName?: string;
  url?: string;
  description?: string;
  image?: string;
  section?: string;
  inLanguage?: string;
  /** The article's full text as the publisher states it; used when the page body cannot be found. */
  articleBody?: string;
}

export interface JsonLdResult {
  article?: JsonLdArticle;
  /** How many JSON-LD blocks failed to parse; pages ship broken JSON-LD often enough to only warn. */
  invalidBlocks: number;
}

type JsonObject = Record<string, unknown>;

/**
 * Pages served as XHTML, or written by CMSs that still guard inline scripts for old parsers, wrap the
 * JSON in `<![CDATA[ … ]]>` or `<!-- … -->`; the JSON inside is valid.
 */
const SCRIPT_GUARD = /^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** Flattens arrays and `@graph` containers into one list of nodes. */
function collectNodes(value: unknown, into: JsonObject[]): void {
  // An explicit stack: JSON-LD nested thousands of arrays deep must not overflow the call stack.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (Array.isArray(next)) {
      for (let i = next.length - 1; i >= 0; i--) pending.push(next[i]);
    } else if (isObject(next)) {
      into.push(next);
      if (next['@graph'] !== undefined) pending.push(next['@graph']);
    }
  }
}

function isArticle(node: JsonObject): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t));
}

/** `author` may be a string, a Person, or a list of either. */
function authorNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const names: string[] = [];
  for (const entry of list) {
    const name = isObject(entry) ? asString(entry['name']) : asString(entry);
    if (name) names.push(name);
  }
  return names;
}

/** `image` may be a URL, an ImageObject, or a list of either; the first wins. */
function imageUrl(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return isObject(first) ? asString(first['url']) ?? asString(first['contentUrl']) : asString(first);
}

/** `articleSection` may be a list; the first is the most specific on the pages that use lists. */
const firstString = (value: unknown): string | undefined => asString(Array.isArray(value) ? value[0] : value);

function toArticle(node: JsonObject): JsonLdArticle {
  const publisher = node['publisher'];
  const mainEntity = node['mainEntityOfPage'];
  const headline = asString(node['headline']) ?? asString(node['name']);
  const name = asString(node['name']);
  const publisherName = isObject(publisher) ? asString(publisher['name']) : asString(publisher);
  const url = asString(node['url']) ?? (isObject(mainEntity) ? asString(mainEntity['@id']) : asString(mainEntity));
  const language = node['inLanguage'];
  const fields: Omit<JsonLdArticle, 'authors'> = {
    headline,
    name: name !== headline ? name : undefined,
    datePublished: asString(node['datePublished']) ?? asString(node['dateCreated']),
    dateModified: asString(node['dateModified']),
    publisherName,
    url,
    description: asString(node['description']),
    image: imageUrl(node['image']),
    section: firstString(node['articleSection']),
    inLanguage: isObject(language) ? asString(language['alternateName']) ?? asString(language['name']) : asString(language),
    articleBody: asString(node['articleBody']),
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { authors: authorNames(node['author']), ...defined };
}

/** The first article node of the page's JSON-LD blocks (its `<script type=application/ld+json>`), if any. */
export function readJsonLd(scripts: readonly DomNode[]): JsonLdResult {
  const nodes: JsonObject[] = [];
  let invalidBlocks = 0;
  for (let i = 0; i < scripts.length; i++) {
    const source = scripts[i]?.textContent?.replace(SCRIPT_GUARD, '').trim();
    if (!source) continue;
    try {
      collectNodes(JSON.parse(source), nodes);
    } catch {
      invalidBlocks++;
    }
  }
  const article = nodes.find(isArticle);
  return article ? { article: toArticle(article), invalidBlocks } : { invalidBlocks };
}
