// RSS 0.90–0.94, 1.0 (RDF) and 2.0, with the modules feeds use: content:encoded, dc:*, atom:link, media:*.
// Also CDF (Channel Definition Format), RSS's predecessor and close enough to read here: a bare <CHANNEL>
// root whose links are HREF attributes, summaries <ABSTRACT> and dates LASTMOD attributes.
import type { Element } from 'domhandler';
import type { Feed, FeedEnclosure, FeedFormat } from '../model.js';
import { buildItem, enclosure, FeedReport, fieldTitle, type FeedField, type RawItem } from './feed-build.js';
import { nonEmpty, resolveLink } from './feed-common.js';
import { attr, baseOf, child, childElements, children, innerXml, textOf } from './xml.js';

/**
 * RSS 2.0 <author> is "email (Name)", and feeds also write "Name (email)" and "Name <email>"; keep the
 * name, which is what a byline wants.
 */
const RSS_AUTHOR_EMAIL = /^\S+@\S+\s*\((.+)\)$/;
const RSS_AUTHOR_NAME_FIRST = /^(.+?)\s*[(<]\s*[^\s()<>]+@[^\s()<>]+\s*[)>]$/;
const RSS_VERSIONS: Readonly<Record<string, FeedFormat>> = {
  '0.91': 'rss091', '0.92': 'rss092', '0.93': 'rss093', '0.94': 'rss094', '2.0': 'rss20', '2.0.1': 'rss20', '2': 'rss20',
};
const RSS_090_NAMESPACE = 'http://my.netscape.com/rdf/simple/0.9/';
const HTTP_URL = /^https?:\/\//i;

/** A text field that may hold escaped HTML, CDATA, or (ill-formed but common) raw child markup. */
function field(node: Element | undefined): FeedField | undefined {
  if (!node) return undefined;
  if (childElements(node).length > 0) return { value: innerXml(node), html: true };
  return { value: textOf(node), html: false };
}

const text = (node: Element | undefined): string | undefined => nonEmpty(textOf(node));

function format(root: Element): FeedFormat {
  // RSS always wraps its channel in <rss> or <rdf:RDF>; a bare channel root is CDF.
  if (root.name === 'channel') return 'cdf';
  if (root.name === 'rdf:rdf') return Object.values(root.attribs).includes(RSS_090_NAMESPACE) ? 'rss090' : 'rss10';
  const version = attr(root, 'version');
  // No version says nothing certain; any 2.x is read as 2.0, as its compatibility promise allows.
  if (!version) return 'rss';
  return RSS_VERSIONS[version] ?? (version.startsWith('2.') ? 'rss20' : 'rss');
}

function alternateLink(node: Element): string | undefined {
  const links = children(node, 'atom:link');
  const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return attr(alternate, 'href');
}

function enclosures(item: Element): FeedEnclosure[] {
  const found: FeedEnclosure[] = [];
  for (const e of children(item, 'enclosure')) {
    const entry = enclosure(attr(e, 'url'), attr(e, 'type'), attr(e, 'length'));
    if (entry) found.push(entry);
  }
  for (const group of [item, ...children(item, 'media:group')]) {
    for (const m of children(group, 'media:content')) {
      const entry = enclosure(attr(m, 'url'), attr(m, 'type'), attr(m, 'filesize'));
      if (entry && !found.some((f) => f.url === entry.url)) found.push(entry);
    }
  }
  return found;
}

function rawItem(item: Element, index: number, documentBase: string, report: FeedReport): RawItem {
  // media:title and itunes:summary stand in when a media or podcast item has no RSS title or description.
  const title = field(child(item, 'title') ?? child(item, 'dc:title') ?? child(item, 'media:title'));
  const where = `item ${index + 1}${title ? ` "${fieldTitle(title)}"` : ''}`;
  const guid = child(item, 'guid');
  const guidText = text(guid);
  const permalink = guidText && attr(guid, 'ispermalink')?.toLowerCase() !== 'false' && HTTP_URL.test(guidText) ? guidText : undefined;
  // content:encoded, else an XHTML body or the old <fullitem>; all of them are the full text.
  const body = child(item, 'body');
  const encoded = field(child(item, 'content:encoded')) ?? (body ? { value: innerXml(body), html: true } : undefined) ?? field(child(item, 'fullitem'));
  const description = field(child(item, 'description') ?? child(item, 'dc:description') ?? child(item, 'abstract') ?? child(item, 'itunes:summary'));
  const author = text(child(item, 'dc:creator')) ?? text(child(item, 'author')) ?? text(child(item, 'dc:author')) ?? text(child(item, 'itunes:author'));
  return {
    id: guidText ?? attr(item, 'rdf:about'),
    title,
    link: text(child(item, 'link')) ?? alternateLink(item) ?? permalink ?? nonEmpty(attr(item, 'href')),
    published: report.date(text(child(item, 'pubdate')) ?? text(child(item, 'dc:date')) ?? text(child(item, 'dcterms:issued')), where),
    updated: report.date(text(child(item, 'atom:updated')) ?? text(child(item, 'dcterms:modified')) ?? attr(item, 'lastmod'), where),
    author: author?.replace(RSS_AUTHOR_EMAIL, '$1').replace(RSS_AUTHOR_NAME_FIRST, '$1'),
    summary: encoded ? description : undefined,
    content: encoded?.value.trim() ? encoded : description,
    enclosures: enclosures(item),
    base: baseOf(item, documentBase),
  };
}

export function parseRss(root: Element, documentUrl: string, report: FeedReport): Feed {
  const channel = root.name === 'channel' ? root : child(root, 'channel');
  const title = fieldTitle(field(channel && (child(channel, 'title') ?? child(channel, 'dc:title'))));
  const link = (channel && (text(child(channel, 'link')) ?? alternateLink(channel) ?? nonEmpty(attr(channel, 'href')))) ?? '';
  const base = channel ? baseOf(channel, documentUrl || link) : documentUrl;
  const items = [...(channel ? children(channel, 'item') : []), ...(root === channel ? [] : children(root, 'item'))];
  return {
    title,
    link: resolveLink(link, base),
    format: format(root),
    items: items.map((item, i) => buildItem(rawItem(item, i, documentUrl || link, report), report)),
  };
}
