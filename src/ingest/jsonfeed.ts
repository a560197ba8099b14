// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1), read by hand: it is plain JSON.
import { toUtcIso } from '../extract/index.js';
import type { Feed, FeedItem } from '../model.js';
import { FeedError, feedText, feedTitle, firstLine, nonEmpty, resolveLink } from './feed-common.js';

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

function toItem(value: unknown, index: number, feed: JsonObject, base: string): FeedItem | undefined {
  if (!isObject(value)) return undefined;
  const link = resolveLink(nonEmpty(value['url']) ?? nonEmpty(value['external_url']), base);
  const content = nonEmpty(value['content_html']) ?? nonEmpty(value['content_text']);
  const summary = feedText(nonEmpty(value['summary']));
  const published = toUtcIso(nonEmpty(value['date_published']));
  const author = authorName(value, feed);
  return {
    id: nonEmpty(value['id']) ?? (link || `item-${index + 1}`),
    title: feedTitle(value['title']),
    link,
    ...(published ? { published } : {}),
    ...(author ? { author } : {}),
    ...(summary ? { summary } : {}),
    ...(content ? { content } : {}),
  };
}

/** Parses a JSON Feed; throws FeedError when it is not valid JSON or not a JSON Feed. */
export function parseJsonFeed(content: string): Feed {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new FeedError(`JSON Feed is not valid JSON (${firstLine(error)}); check that the file is complete`);
  }
  if (!isObject(data) || !String(data['version'] ?? '').includes('jsonfeed.org')) {
    throw new FeedError('JSON file is not a JSON Feed (no jsonfeed.org "version"); nothing to read');
  }
  if (!Array.isArray(data['items'])) throw new FeedError('JSON Feed has no "items" array; check the file');
  const link = nonEmpty(data['home_page_url']) ?? '';
  const base = link || (nonEmpty(data['feed_url']) ?? '');
  const feed = data;
  const items = data['items']
    .map((item, index) => toItem(item, index, feed, base))
    .filter((item): item is FeedItem => item !== undefined);
  return { title: feedTitle(data['title']), link, items };
}
