// Atom 1.0 and 0.3: text constructs (text/html/xhtml, 0.3's mode="escaped"/"base64"/"xml"), xml:base,
// links by rel, authors inherited from source and feed.
import type { Element } from 'domhandler';
import type { Feed, FeedEnclosure } from '../model.js';
import { buildItem, enclosure, FeedReport, fieldTitle, type FeedField, type RawItem } from './feed-build.js';
import { nonEmpty, resolveLink } from './feed-common.js';
import { attr, baseOf, child, childElements, children, innerXml, textOf } from './xml.js';

const ATOM_03_NAMESPACE = 'http://purl.org/atom/ns#';
const HTML_TYPES = new Set(['html', 'text/html']);
const XHTML_TYPES = new Set(['xhtml', 'application/xhtml+xml']);
const HAS_SCHEME = /^[a-z][\w+.-]*:/i;

/** An Atom element whether the feed put Atom in a namespace (the norm) or wrote bare names. */
const atomChild = (node: Element, name: string): Element | undefined => child(node, `atom:${name}`) ?? child(node, name);
const atomChildren = (node: Element, name: string): Element[] => [...children(node, `atom:${name}`), ...children(node, name)];

function textConstruct(node: Element | undefined): FeedField | undefined {
  if (!node) return undefined;
  const type = (attr(node, 'type') ?? 'text').toLowerCase();
  const mode = attr(node, 'mode')?.toLowerCase();
  if (XHTML_TYPES.has(type) || mode === 'xml') {
    // Atom 1.0's type="xhtml" wraps the content in a <div> that is not part of it (RFC 4287 §3.1.1.3);
    // Atom 0.3's XML content has no such wrapper, so a <div> there is the publisher's own markup.
    const elements = childElements(node);
    const wrapped = type === 'xhtml' && elements.length === 1 && elements[0]?.name === 'div';
    const wrapper = wrapped && elements[0] ? elements[0] : node;
    return { value: innerXml(wrapper), html: true };
  }
  // RFC 4287 §4.1.3.3: any other media type that is not XML or text is Base64-encoded.
  const binary = type.includes('/') && !type.startsWith('text/') && !type.endsWith('+xml') && !type.endsWith('/xml');
  if (mode === 'base64' || binary) return { value: Buffer.from(textOf(node), 'base64').toString('utf8'), html: type.includes('html') };
  if (HTML_TYPES.has(type) || mode === 'escaped') return { value: textOf(node), html: true };
  // Markup inside a "text" construct is a publisher's mistake; keeping it as HTML keeps the words and links.
  if (childElements(node).length > 0) return { value: innerXml(node), html: true };
  return { value: textOf(node), html: false };
}

const text = (node: Element | undefined): string | undefined => nonEmpty(textOf(node));

function link(node: Element, rel: string): Element | undefined {
  const links = atomChildren(node, 'link');
  const matching = links.filter((l) => (attr(l, 'rel') ?? 'alternate') === rel);
  return matching.find((l) => (attr(l, 'type') ?? 'text/html').includes('html')) ?? matching[0];
}

const href = (node: Element | undefined, documentUrl: string): string | undefined => {
  const value = attr(node, 'href');
  return node && value ? resolveLink(value, baseOf(node, documentUrl)) : undefined;
};

function authorName(node: Element | undefined): string | undefined {
  const author = node && atomChild(node, 'author');
  return author ? (text(atomChild(author, 'name')) ?? text(author)) : undefined;
}

function enclosures(entry: Element, documentUrl: string): FeedEnclosure[] {
  return atomChildren(entry, 'link')
    .filter((l) => attr(l, 'rel') === 'enclosure')
    .map((l) => enclosure(href(l, documentUrl), attr(l, 'type'), attr(l, 'length')))
    .filter((e): e is FeedEnclosure => e !== undefined);
}

function rawEntry(entry: Element, index: number, feed: Element, documentUrl: string, report: FeedReport): RawItem {
  const title = textConstruct(atomChild(entry, 'title'));
  const where = `entry ${index + 1}${title ? ` "${fieldTitle(title)}"` : ''}`;
  const content = atomChild(entry, 'content');
  const source = atomChild(entry, 'source');
  const id = text(atomChild(entry, 'id'));
  return {
    // An id is an IRI, so xml:base applies to it (RFC 4287 §2); a scheme-less one is relative.
    id: id && !HAS_SCHEME.test(id) ? resolveLink(id, baseOf(atomChild(entry, 'id') ?? entry, documentUrl)) : id,
    title,
    link: href(link(entry, 'alternate'), documentUrl),
    published: report.date(text(atomChild(entry, 'published')) ?? text(atomChild(entry, 'issued')) ?? text(atomChild(entry, 'created')), where),
    updated: report.date(text(atomChild(entry, 'updated')) ?? text(atomChild(entry, 'modified')), where),
    author: authorName(entry) ?? authorName(source) ?? authorName(feed) ?? text(child(entry, 'dc:creator')),
    summary: textConstruct(atomChild(entry, 'summary')),
    // Content given only by reference (src=) has no text here; the page fetch can fill it.
    content: content && !attr(content, 'src') ? textConstruct(content) : undefined,
    enclosures: enclosures(entry, documentUrl),
    base: baseOf(content ?? entry, documentUrl),
  };
}

export function parseAtom(root: Element, documentUrl: string, report: FeedReport): Feed {
  const feedLink = href(link(root, 'alternate'), documentUrl) ?? '';
  const base = documentUrl || href(link(root, 'self'), '') || feedLink;
  const version = attr(root, 'version') === '0.3' || Object.values(root.attribs).includes(ATOM_03_NAMESPACE) ? 'atom03' : 'atom10';
  return {
    title: fieldTitle(textConstruct(atomChild(root, 'title'))),
    link: feedLink,
    format: version,
    items: atomChildren(root, 'entry').map((entry, i) => buildItem(rawEntry(entry, i, root, base, report), report)),
  };
}
