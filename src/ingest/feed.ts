// Feeds → the model's Feed: RSS 0.9x/1.0/2.0 and Atom through rss-parser, JSON Feed by hand.
// Item content stays as the feed gives it (HTML or text); `feedText` turns it into article text.
import Parser from 'rss-parser';
import { toUtcIso } from '../extract/index.js';
import type { Feed, FeedItem, InputKind } from '../model.js';
import { FeedError, feedText, feedTitle, firstLine, nonEmpty, resolveLink } from './feed-common.js';
import { parseJsonFeed } from './jsonfeed.js';

export { FeedError, feedText } from './feed-common.js';

/** Fields rss-parser copies onto items besides its defaults; all may be absent. */
interface RawItem {
  'content:encoded'?: unknown;
  'dc:creator'?: unknown;
  'rdf:about'?: unknown;
  creator?: unknown;
  author?: unknown;
  id?: unknown;
  guid?: unknown;
  link?: unknown;
  title?: unknown;
  content?: unknown;
  summary?: unknown;
  isoDate?: unknown;
  pubDate?: unknown;
}

interface RawFeed {
  title?: unknown;
  link?: unknown;
  feedUrl?: unknown;
}

const parser = new Parser<RawFeed, RawItem>({
  customFields: { item: ['content:encoded', 'dc:creator'] },
  // An <rss> root without a version attribute is almost always RSS 2.0.
  defaultRSS: 2,
});

/** RSS 2.0 <author> is "email (Name)"; keep the name, which is what a byline wants. */
const RSS_AUTHOR_EMAIL = /^\S+@\S+\s*\((.+)\)$/;

function authorOf(item: RawItem): string | undefined {
  const raw = nonEmpty(item.creator) ?? nonEmpty(item['dc:creator']) ?? nonEmpty(item.author);
  return raw?.replace(RSS_AUTHOR_EMAIL, '$1');
}

function toItem(item: RawItem, index: number, base: string): FeedItem {
  const encoded = nonEmpty(item['content:encoded']);
  const body = nonEmpty(item.content);
  // With content:encoded present, RSS <description> is the teaser; Atom keeps its teaser in <summary>.
  const summary = feedText(encoded ? body ?? nonEmpty(item.summary) : nonEmpty(item.summary));
  const content = encoded ?? body ?? nonEmpty(item.summary);
  const link = resolveLink(nonEmpty(item.link), base);
  const published = toUtcIso(nonEmpty(item.isoDate) ?? nonEmpty(item.pubDate));
  const author = authorOf(item);
  return {
    id: nonEmpty(item.guid) ?? nonEmpty(item.id) ?? nonEmpty(item['rdf:about']) ?? (link || `item-${index + 1}`),
    title: feedTitle(item.title),
    link,
    ...(published ? { published } : {}),
    ...(author ? { author } : {}),
    ...(summary && summary !== feedText(content) ? { summary } : {}),
    ...(content ? { content } : {}),
  };
}

async function parseXmlFeed(content: string): Promise<Feed> {
  let raw: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    raw = await parser.parseString(content);
  } catch (error) {
    throw new FeedError(`feed could not be parsed (${firstLine(error)}); check that it is complete, well-formed RSS or Atom`);
  }
  const link = nonEmpty(raw.link) ?? '';
  const base = link || (nonEmpty(raw.feedUrl) ?? '');
  return {
    title: feedTitle(raw.title),
    link,
    items: raw.items.map((item, index) => toItem(item, index, base)),
  };
}

/** Parses an RSS, Atom or JSON Feed document. Throws FeedError (message starts "ingest:") when it cannot. */
export async function parseFeedDocument(content: string, kind: InputKind): Promise<Feed> {
  switch (kind) {
    case 'rss':
    case 'atom':
      return parseXmlFeed(content);
    case 'jsonfeed':
      return parseJsonFeed(content);
    default:
      throw new FeedError(`a ${kind} document is not a feed; pass an RSS, Atom or JSON Feed file`);
  }
}
