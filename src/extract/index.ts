// The extract stage: one HTML page → its article body and the metadata editors need.
// Steps, in order:
//   1. parse the page into a server-side DOM (linkedom);
//   2. read metadata (OpenGraph, meta, JSON-LD, <time>, canonical link, <html lang>) — before step 3,
//      because Readability rewrites the document it is given;
//   3. find the body with Readability, which drops navigation, footers and other boilerplate;
//   4. turn the body HTML into paragraphs of plain text and drop the headline, byline and dateline
//      lines Readability leaves at the top.
import { Readability } from '@mozilla/readability';
import { parseByline } from './byline.js';
import { toUtcIso } from './date.js';
import { parseDocument } from './dom.js';
import { dropLeadingMetadata } from './cleanup.js';
import { htmlToText, normalizeSpace } from './html-text.js';
import { readMetadata } from './metadata.js';

export { comparableText, htmlToText, normalizeSpace } from './html-text.js';
export { publisherSlug, slugifyPublisherName } from './publisher.js';
export { parseByline } from './byline.js';
export { toUtcIso } from './date.js';

export interface ExtractedArticle {
  title: string;
  byline: string[];
  /** UTC ISO 8601. */
  published?: string;
  /** `link[rel=canonical]`, else `og:url`, made absolute. */
  canonicalUrl?: string;
  /** `og:site_name` (or JSON-LD publisher name). */
  siteName?: string;
  /** `<html lang>` as written, e.g. `en-GB`. */
  lang?: string;
  /** Body text, paragraphs separated by blank lines; "" when no body was found. */
  text: string;
  warnings: string[];
}

export const WARNING_NO_BODY = 'no article body found';
export const WARNING_NO_TITLE = 'no title found';

/**
 * Readability loosens its rules (and lets more boilerplate in) while the body is shorter than this;
 * news briefs are short, so the default of 500 would loosen too often.
 */
const MIN_BODY_CHARS = 200;

/** Extracts the article of one HTML page. `url` is where the page came from, to resolve relative links. */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  const document = parseDocument(html);
  const metadata = readMetadata(document, url);
  const warnings = [...metadata.warnings];

  const readable = new Readability(document as never, { charThreshold: MIN_BODY_CHARS }).parse();
  const readabilityTitle = normalizeSpace(readable?.title ?? '');
  const title = metadata.ogTitle ?? (readabilityTitle || metadata.documentTitle) ?? '';
  if (!title) warnings.push(WARNING_NO_TITLE);

  const bodyHtml = readable?.content ?? '';
  const body = dropLeadingMetadata(bodyHtml ? htmlToText(bodyHtml) : '', title);
  const text = body.text;
  if (!text) warnings.push(WARNING_NO_BODY);

  const byline = [metadata.byline, parseByline(readable?.byline), body.byline].find((names) => names.length > 0) ?? [];
  const published = metadata.published ?? toUtcIso(readable?.publishedTime);
  const siteName = metadata.siteName ?? (normalizeSpace(readable?.siteName ?? '') || undefined);
  const lang = metadata.lang ?? (readable?.lang?.trim() || undefined);

  return {
    title,
    byline,
    text,
    warnings,
    ...(published ? { published } : {}),
    ...(metadata.canonicalUrl ? { canonicalUrl: metadata.canonicalUrl } : {}),
    ...(siteName ? { siteName } : {}),
    ...(lang ? { lang } : {}),
  };
}
