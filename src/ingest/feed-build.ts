// What the RSS, Atom and JSON Feed readers share once they have found the fields: item identity,
// dates with warnings instead of guesses, sanitized content and enclosures.
import { createHash } from 'node:crypto';
import type { FeedEnclosure, FeedItem } from '../model.js';
import { parseFeedDate } from './dates.js';
import { feedText, feedTitle, looksLikeHtml, nonEmpty, readAsHtml, resolveLink } from './feed-common.js';
import { sanitizeFeedHtml } from './sanitize.js';
import { fragmentText } from './xml.js';
import { isWebUrl, schemeOf } from '../text/web-url.js';

/** Hex characters of the content hash that identifies an item with neither id nor link. */
const HASH_ID_HEX_CHARS = 16;

/** A field's value and whether it is markup (Atom type="html"/"xhtml", RSS descriptions with tags). */
export interface FeedField {
  value: string;
  html: boolean;
}

export interface RawItem {
  id?: string | undefined;
  title?: FeedField | undefined;
  link?: string | undefined;
  published?: string | undefined;
  updated?: string | undefined;
  author?: string | undefined;
  summary?: FeedField | undefined;
  content?: FeedField | undefined;
  enclosures?: FeedEnclosure[];
  /** Base URL for the item's links and the relative URLs in its content. */
  base: string;
}

/** Collects warnings about one feed while its items are read. */
export class FeedReport {
  readonly warnings: string[] = [];

  date(value: string | undefined, where: string): string | undefined {
    const text = nonEmpty(value);
    if (!text) return undefined;
    const iso = parseFeedDate(text);
    if (!iso) this.warnings.push(`${where}: unparseable date "${text}"; left empty`);
    return iso;
  }
}

/**
 * Sanitized HTML for markup, trimmed text otherwise; undefined when empty. Plain text holding markup
 * that would run (a script inside a sentence, escaped or in CDATA) is sanitized too: whoever renders a
 * field as HTML must get nothing executable, whatever type the feed gave it.
 */
function fieldBody(field: FeedField | undefined, base: string): string | undefined {
  const value = nonEmpty(field?.value);
  if (!value || !field) return undefined;
  return field.html || readAsHtml(value) ? nonEmpty(sanitizeFeedHtml(value, base)) : value;
}

export function fieldTitle(field: FeedField | undefined): string {
  return feedTitle(field?.value);
}

/** Stable id when a feed gives neither id nor link: the same item hashes the same on every run. */
function contentHash(title: string, body: string): string {
  return `sha256:${createHash('sha256').update(`${title}\n${body}`).digest('hex').slice(0, HASH_ID_HEX_CHARS)}`;
}

export function buildItem(raw: RawItem, report?: FeedReport): FeedItem {
  const title = fieldTitle(raw.title);
  const written = resolveLink(nonEmpty(raw.link), raw.base);
  // Only http(s) links leave the desk: a javascript:, data:, file: or vbscript: link would be published as one.
  const link = isWebUrl(written) ? written : '';
  if (written && !link) report?.warnings.push(`item "${title || nonEmpty(raw.id) || '(untitled)'}": link with a ${schemeOf(written)} URL dropped; only http(s) links are kept`);
  const content = fieldBody(raw.content, raw.base);
  const summaryBody = fieldBody(raw.summary, raw.base);
  const body = content ?? summaryBody;
  // Converting the full content to text only to compare it is the costliest step; compare markup instead.
  let summary = '';
  if (content && summaryBody && summaryBody !== content) summary = looksLikeHtml(summaryBody) ? fragmentText(summaryBody) : feedText(summaryBody);
  const id = nonEmpty(raw.id) ?? (link || contentHash(title, body ?? ''));
  return {
    id,
    title,
    link,
    ...(raw.published ? { published: raw.published } : {}),
    ...(raw.updated ? { updated: raw.updated } : {}),
    // An author is plain text too: markup that would run is removed like a title's.
    ...(raw.author ? { author: feedTitle(raw.author) } : {}),
    // Without separate content, the summary is the body and is not repeated.
    ...(summary ? { summary } : {}),
    ...(body ? { content: body } : {}),
    ...(raw.enclosures && raw.enclosures.length > 0
      ? { enclosures: raw.enclosures.map((e) => ({ ...e, url: resolveLink(e.url, raw.base) })).filter((e) => isWebUrl(e.url)) }
      : {}),
  };
}

export function enclosure(url: string | undefined, type: string | undefined, length: string | number | undefined): FeedEnclosure | undefined {
  if (!url) return undefined;
  const size = Number(length);
  return { url, ...(type ? { type } : {}), ...(Number.isFinite(size) && size > 0 ? { length: size } : {}) };
}
