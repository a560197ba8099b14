// The JSON shape of `newsdesk extract`: one article with everything editors need, snake_case as every
// JSON output of newsdesk. Built from an HTML extraction, or from an ingested article (text and feeds).
import type { ExtractedArticle } from '../extract/index.js';
import type { Article } from '../model.js';

export type BodyFormat = 'text' | 'markdown' | 'html';
export const BODY_FORMATS: readonly BodyFormat[] = ['text', 'markdown', 'html'];

export interface PageJson {
  url: string;
  canonical_url: string | null;
  title: string;
  byline: string[];
  published: string | null;
  modified: string | null;
  publisher: string;
  site_name: string | null;
  lang: string | null;
  description: string | null;
  image: string | null;
  section: string | null;
  text: string;
  html: string;
  markdown?: string;
  word_count: number;
  warnings: string[];
}

const wordCount = (text: string): number => (text.match(/\S+/g) ?? []).length;

export function extractedJson(page: ExtractedArticle, url: string, publisher: string, format: BodyFormat): PageJson {
  return {
    url,
    canonical_url: page.canonicalUrl ?? null,
    title: page.title,
    byline: page.byline,
    published: page.published ?? null,
    modified: page.modified ?? null,
    publisher,
    site_name: page.siteName ?? null,
    lang: page.lang ?? null,
    description: page.description ?? null,
    image: page.image ?? null,
    section: page.section ?? null,
    text: page.text,
    html: page.html,
    ...(format === 'markdown' ? { markdown: page.markdown } : {}),
    word_count: wordCount(page.text),
    warnings: page.warnings,
  };
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text and feed articles have no page metadata beyond what ingest found; the rest is null. */
export function ingestedJson(article: Article, format: BodyFormat): PageJson {
  const paragraphs = article.text ? article.text.split('\n\n') : [];
  return {
    url: article.url,
    canonical_url: null,
    title: article.title,
    byline: article.byline,
    published: article.published ?? null,
    modified: null,
    publisher: article.publisher,
    site_name: article.publisherName || null,
    lang: article.lang ?? null,
    description: null,
    image: null,
    section: null,
    text: article.text,
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    ...(format === 'markdown' ? { markdown: article.text } : {}),
    word_count: wordCount(article.text),
    warnings: article.warnings,
  };
}

/** The body in the requested format, for the non-JSON output. */
export function bodyIn(page: PageJson, markdown: string, format: BodyFormat): string {
  return format === 'html' ? page.html : format === 'markdown' ? markdown : page.text;
}
