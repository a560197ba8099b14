// Schema.org JSON-LD: the most reliable metadata a news page carries, when it is valid.
import type { DomDocument } from './dom.js';

/** Schema.org types that describe the article itself (not the site, breadcrumbs or videos). */
const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'Report',
]);

export interface JsonLdArticle {
  headline?: string;
  authors: string[];
  datePublished?: string;
  publisherName?: string;
  url?: string;
}

export interface JsonLdResult {
  article?: JsonLdArticle;
  /** How many JSON-LD blocks failed to parse; pages ship broken JSON-LD often enough to only warn. */
  invalidBlocks: number;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** Flattens arrays and `@graph` containers into one list of nodes. */
function collectNodes(value: unknown, into: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const entry of value) collectNodes(entry, into);
  } else if (isObject(value)) {
    into.push(value);
    if (value['@graph'] !== undefined) collectNodes(value['@graph'], into);
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

function toArticle(node: JsonObject): JsonLdArticle {
  const publisher = node['publisher'];
  const mainEntity = node['mainEntityOfPage'];
  const headline = asString(node['headline']) ?? asString(node['name']);
  const datePublished = asString(node['datePublished']);
  const publisherName = isObject(publisher) ? asString(publisher['name']) : asString(publisher);
  const url = asString(node['url']) ?? (isObject(mainEntity) ? asString(mainEntity['@id']) : asString(mainEntity));
  return {
    authors: authorNames(node['author']),
    ...(headline ? { headline } : {}),
    ...(datePublished ? { datePublished } : {}),
    ...(publisherName ? { publisherName } : {}),
    ...(url ? { url } : {}),
  };
}

/** The first article node of the page's JSON-LD blocks, if any. */
export function readJsonLd(document: DomDocument): JsonLdResult {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  const nodes: JsonObject[] = [];
  let invalidBlocks = 0;
  for (let i = 0; i < scripts.length; i++) {
    const source = scripts[i]?.textContent?.trim();
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
