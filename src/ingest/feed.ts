// Feeds → the model's Feed: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 read from a lenient XML DOM (xml.ts says
// why), JSON Feed as JSON. Content is sanitized HTML or plain text; `feedText` turns it into article text.
//
// Own reader rather than rss-parser: rss-parser (xml2js) rejects every ill-formed feed outright, drops
// xml:base, Atom text-construct types, enclosures beyond the first and `updated`, and reads zone-less
// dates in the machine's zone. bench/feeds.ts measures both on the same input.
import type { Feed, InputKind } from '../model.js';
import { parseAtom } from './atom.js';
import { FeedReport } from './feed-build.js';
import { FeedError } from './feed-common.js';
import { parseJsonFeed } from './jsonfeed.js';
import { parseRss } from './rss.js';
import { MAX_FEED_DEPTH } from './dom-depth.js';
import { parseFeedXml } from './xml.js';
import { isWebUrl } from '../text/web-url.js';

export { FeedError, feedText } from './feed-common.js';

export interface FeedParseOptions {
  /** Where the feed was fetched from: the base for relative links before the channel link. */
  url?: string;
}

const RSS_ROOTS = new Set(['rss', 'rdf:rdf', 'channel']);
const ATOM_ROOTS = new Set(['atom:feed', 'feed']);
/** Netscape's RSS 0.91 came with this DTD; UserLand's 0.91 (the one 'rss091' means) has none. */
const NETSCAPE_091_DTD = /<!DOCTYPE\s+rss\s+PUBLIC\s+["']-\/\/Netscape Communications\/\/DTD RSS 0\.91/i;
/** The prolog is where a DOCTYPE sits. */
const PROLOG_CHARS = 4096;

function parseXmlFeed(content: string, url: string): Feed {
  const { root, recovered, flattened } = parseFeedXml(content);
  const report = new FeedReport();
  let feed: Feed;
  if (RSS_ROOTS.has(root.name)) {
    feed = parseRss(root, url, report);
    if (feed.format === 'rss091' && NETSCAPE_091_DTD.test(content.slice(0, PROLOG_CHARS))) feed = { ...feed, format: 'rss091n' };
  }
  else if (ATOM_ROOTS.has(root.name)) feed = parseAtom(root, url, report);
  else throw new FeedError(`root element <${root.name}> is not RSS or Atom; pass a feed`);
  const warnings = [
    ...(recovered ? [`recovered: ${recovered}`] : []),
    ...(flattened ? [`nesting deeper than ${MAX_FEED_DEPTH} elements flattened (${flattened} elements unwrapped, their text kept)`] : []),
    ...report.warnings,
  ];
  return { ...feed, warnings };
}

/** Parses an RSS, Atom or JSON Feed document. Throws FeedError (message starts "ingest:") when it cannot. */
export async function parseFeedDocument(content: string, kind: InputKind, options: FeedParseOptions = {}): Promise<Feed> {
  return parseFeedDocumentSync(content, kind, options);
}

export function parseFeedDocumentSync(content: string, kind: InputKind, options: FeedParseOptions = {}): Feed {
  let feed: Feed;
  switch (kind) {
    case 'rss':
    case 'atom':
      feed = parseXmlFeed(content, options.url ?? '');
      break;
    case 'jsonfeed':
      feed = parseJsonFeed(content, options.url ?? '');
      break;
    default:
      throw new FeedError(`a ${kind} document is not a feed; pass an RSS, Atom or JSON Feed file`);
  }
  // The site link is exported (OPML htmlUrl) and shown: like item links, only an http(s) one is kept.
  return isWebUrl(feed.link) ? feed : { ...feed, link: '' };
}

