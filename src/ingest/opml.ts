// OPML subscription lists: the feeds an editor follows, as outlines with an `xmlUrl`.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { firstLine } from './feed-common.js';

const ATTRIBUTE_PREFIX = '@_';

const parser = new XMLParser({
  ignoreAttributes: false,
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
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const url = record[`${ATTRIBUTE_PREFIX}xmlUrl`];
    if (typeof url === 'string' && url.trim()) urls.push(url.trim());
    walk(record['outline']);
  };
  const opml = (document as { opml?: { body?: unknown } } | undefined)?.opml;
  walk((opml?.body as { outline?: unknown } | undefined)?.outline);
  return urls;
}
