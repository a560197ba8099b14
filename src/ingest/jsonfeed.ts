// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1), read by hand: it is plain JSON.
import type { Feed, FeedEnclosure } from '../model.js';
import { buildItem, enclosure, FeedReport, type RawItem } from './feed-build.js';
import { FeedError, feedTitle, firstLine, nonEmpty, resolveLink } from './feed-common.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 1.1 has `authors: [{name}]`; 1.0 had `author: {name}`; items inherit the feed's authors. */
function authorName(item: JsonObject, feed: JsonObject): string | undefined {
  for (const source of [item, feed]) {
    const authors = source['authors'];
    const first: unknown = Array.isArray(authors) ? authors[0] : undefined;
    const name = (isObject(first) ? nonEmpty(first['name']) : undefined) ??
      (isObject(source['author']) ? nonEmpty(source['author']['name']) : undefined);
    if (name) return name;
  }
  return undefined;
}

function attachments(item: JsonObject): FeedEnclosure[] {
  const list = item['attachments'];
  if (!Array.isArray(list)) return [];
  return list
    .filter(isObject)
    .map((a) => enclosure(nonEmpty(a['url']), nonEmpty(a['mime_type']), nonEmpty(a['size_in_bytes'])))
    .filter((e): e is FeedEnclosure => e !== undefined);
}

function rawItem(value: JsonObject, index: number, feed: JsonObject, base: string, report: FeedReport): RawItem {
  const title = nonEmpty(value['title']);
  const where = `item ${index + 1}${title ? ` "${title}"` : ''}`;
  const html = nonEmpty(value['content_html']);
  const text = nonEmpty(value['content_text']);
  return {
    id: nonEmpty(value['id']),
    title: title ? { value: title, html: false } : undefined,
    link: nonEmpty(value['url']) ?? nonEmpty(value['external_url']),
    published: report.date(nonEmpty(value['date_published']), where),
    updated: report.date(nonEmpty(value['date_modified']), where),
    author: authorName(value, feed),
    summary: nonEmpty(value['summary']) ? { value: String(value['summary']), html: false } : undefined,
    content: html ? { value: html, html: true } : text ? { value: text, html: false } : undefined,
    enclosures: attachments(value),
    base,
  };
}

/** Parses a JSON Feed; throws FeedError when it is not valid JSON or not a JSON Feed. */
export function parseJsonFeed(content: string, url = ''): Feed {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FeedError(`JSON Feed is not valid JSON (${firstLine(error)}); check that the file is complete`);
  }
  if (!isObject(data) || !String(data['version'] ?? '').includes('jsonfeed.org')) {
    throw new FeedError('JSON file is not a JSON Feed (no jsonfeed.org "version"); nothing to read');
  }
  if (!Array.isArray(data['items'])) throw new FeedError('JSON Feed has no "items" array; check the file');
  const link = nonEmpty(data['home_page_url']) ?? '';
  const base = url || link || (nonEmpty(data['feed_url']) ?? '');
  const feed = data;
  const report = new FeedReport();
  const items = data['items'].filter(isObject).map((item, index) => buildItem(rawItem(item, index, feed, base, report), report));
  return {
    title: feedTitle(data['title']),
    link: resolveLink(link, base),
    format: String(data['version']).includes('1.1') ? 'jsonfeed11' : 'jsonfeed10',
    items,
    warnings: report.warnings,
  };
}
