// OPML subscription lists: the feeds an editor follows, as outlines with an `xmlUrl`.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { firstLine } from './feed-common.js';
import { xmlSafe } from '../text/control.js';

const ATTRIBUTE_PREFIX = '@_';

/** Folders in a subscription list nest a few levels; the parser refuses deeper lists ("Maximum nested tags exceeded"). */
const MAX_OPML_NESTING = 100;

const parser = new XMLParser({
  ignoreAttributes: false,
  maxNestedTags: MAX_OPML_NESTING,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  // Outlines nest (folders of feeds), and one outline must still come back as a list.
  isArray: (name) => name === 'outline',
});

/** The `xmlUrl` of every outline, in document order, folders included; throws with a reason when the XML is bad. */
export function opmlFeedUrls(content: string): string[] {
  const valid = XMLValidator.validate(content);
  if (valid !== true) {
    throw new Error(`OPML is not well-formed XML (${firstLine(valid.err.msg)}, line ${valid.err.line}); fix or re-export it`);
  }
  let document: unknown;
  try {
    document = parser.parse(content);
  } catch (error) {
    throw new Error(`OPML could not be parsed (${firstLine(error)}); fix or re-export it`);
  }
  const urls: string[] = [];
  const opml = (document as { opml?: { body?: unknown } } | undefined)?.opml;
  const pending: unknown[] = [(opml?.body as { outline?: unknown } | undefined)?.outline];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) pending.push(node[i]);
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      const url = record[`${ATTRIBUTE_PREFIX}xmlUrl`];
      if (typeof url === 'string' && url.trim()) urls.push(url.trim());
      pending.push(record['outline']);
    }
  }
  return urls;
}

/** One outline of a subscription list: a feed (with `xmlUrl`) or a folder (with children). */
export interface Outline {
  text: string;
  xmlUrl?: string;
  htmlUrl?: string;
  children: Outline[];
}

/** The outline tree of an OPML list, folders kept; throws with a reason when the XML is bad. */
export function opmlOutlines(content: string): Outline[] {
  opmlFeedUrls(content); // validates, with the same messages
  const document = parser.parse(content) as { opml?: { body?: { outline?: unknown } } } | undefined;
  const top: Outline[] = [];
  // An explicit stack of (parsed outlines, the list their Outlines go into): no recursion over the input.
  const pending: Array<{ nodes: unknown; into: Outline[] }> = [{ nodes: document?.opml?.body?.outline, into: top }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const nodes = Array.isArray(next.nodes) ? next.nodes : [];
    for (const n of nodes.filter((n): n is Record<string, unknown> => typeof n === 'object' && n !== null)) {
      const attr = (name: string): string | undefined => {
        const value = n[`${ATTRIBUTE_PREFIX}${name}`];
        return typeof value === 'string' && value.trim() ? value.trim() : undefined;
      };
      const xmlUrl = attr('xmlUrl');
      const htmlUrl = attr('htmlUrl');
      const outline: Outline = { text: attr('text') ?? attr('title') ?? xmlUrl ?? '', ...(xmlUrl ? { xmlUrl } : {}), ...(htmlUrl ? { htmlUrl } : {}), children: [] };
      next.into.push(outline);
      pending.push({ nodes: n['outline'], into: outline.children });
    }
  }
  return top;
}

/** Every outline of a tree with its depth, in document order, walked without recursion. */
export function* outlinesInOrder(outlines: readonly Outline[]): Generator<{ outline: Outline; depth: number }> {
  const pending: Array<{ outline: Outline; depth: number }> = [];
  const push = (list: readonly Outline[], depth: number): void => {
    for (let i = list.length - 1; i >= 0; i--) pending.push({ outline: list[i]!, depth });
  };
  push(outlines, 0);
  for (let next = pending.pop(); next; next = pending.pop()) {
    yield next;
    push(next.outline.children, next.depth + 1);
  }
}

/** Escaped for an XML attribute, without the characters XML forbids (a feed title may hold them). */
const escapeAttribute = (value: string): string =>
  xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** OPML 2.0 for a subscription list; folders become nested outlines. */
export function writeOpml(title: string, outlines: Outline[], dateCreated: string): string {
  const lines: string[] = [];
  const indent = (depth: number): string => '  '.repeat(depth + 2);
  // Folders still open, innermost last: one closes when the walk comes back up past its depth.
  const open: number[] = [];
  for (const { outline, depth } of outlinesInOrder(outlines)) {
    while (open.length > 0 && open[open.length - 1]! >= depth) lines.push(`${indent(open.pop()!)}</outline>`);
    const attributes = [`text="${escapeAttribute(outline.text)}"`];
    if (outline.xmlUrl) attributes.push('type="rss"', `xmlUrl="${escapeAttribute(outline.xmlUrl)}"`);
    if (outline.htmlUrl) attributes.push(`htmlUrl="${escapeAttribute(outline.htmlUrl)}"`);
    if (outline.children.length === 0) {
      lines.push(`${indent(depth)}<outline ${attributes.join(' ')}/>`);
    } else {
      lines.push(`${indent(depth)}<outline ${attributes.join(' ')}>`);
      open.push(depth);
    }
  }
  while (open.length > 0) lines.push(`${indent(open.pop()!)}</outline>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeAttribute(title)}</title><dateCreated>${new Date(dateCreated).toUTCString()}</dateCreated></head>`,
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
