// What an input is, decided by its content: a feed saved as `.txt` is still a feed. The file
// extension only breaks ties when the content alone does not say.
import { extname } from 'node:path';
import type { InputKind } from '../model.js';

/** Only the start of a file is sniffed: enough for any prolog, and cheap on large files. */
const SNIFF_CHARS = 8192;
/** Above this share of control (or undecodable) characters, a file is binary, not text. */
const MAX_CONTROL_RATIO = 0.1;

/** Root element (lowercase) → kind. */
const ROOT_ELEMENT_KINDS: Readonly<Record<string, InputKind>> = {
  rss: 'rss',
  'rdf:rdf': 'rss',
  // Microsoft's Channel Definition Format (CDF), RSS's predecessor: a bare <CHANNEL> of <ITEM>s.
  channel: 'rss',
  feed: 'atom',
  opml: 'opml',
  html: 'html',
  head: 'html',
  body: 'html',
  article: 'html',
};

/** Extension → kind, used only for markup whose root element is not recognized. */
const EXTENSION_KINDS: Readonly<Record<string, InputKind>> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.rss': 'rss',
  '.rdf': 'rss',
  '.atom': 'atom',
  '.opml': 'opml',
};

/** A page fragment without <html>: markup that starts with common body elements. */
const HTML_FRAGMENT = /^<(?:div|p|main|section|header|h[1-6]|table|ul|ol|span|a|img|figure)[\s>/]/i;

/** Byte-order mark, whitespace, XML declaration / processing instructions and comments, in any order. */
const PROLOG = /^(?:\uFEFF|\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/;
const HTML_DOCTYPE = /^<!doctype\s+html[\s>]/i;
/** A DOCTYPE, with an internal subset in brackets (which holds ">" characters) when there is one. */
const OTHER_DOCTYPE = /^<!doctype[^>[]*(?:\[[^\]]*\])?[^>]*>/i;
const ROOT_ELEMENT = /^<([a-z][\w.:-]*)/i;
/** A JSON Feed declares itself in `version`; a regex, so the JSON is parsed once, by the feed parser. */
const JSON_FEED_VERSION = /"version"\s*:\s*"[^"]*jsonfeed\.org/;

/** True when the content looks like binary data: NUL bytes, or many control/undecodable characters. */
export function isBinary(content: string): boolean {
  const sample = content.slice(0, SNIFF_CHARS);
  if (sample.includes('\u0000')) return true;
  let suspicious = 0;
  for (const char of sample) {
    const code = char.codePointAt(0) ?? 0;
    const control = code < 0x20 && char !== '\n' && char !== '\r' && char !== '\t' && char !== '\f';
    if (control || code === 0xfffd) suspicious++;
  }
  return sample.length > 0 && suspicious / sample.length > MAX_CONTROL_RATIO;
}

/** True when the content is a JSON object or array (by its first character; validity is checked later). */
export function looksLikeJson(content: string): boolean {
  const start = content.replace(PROLOG, '');
  return start.startsWith('{') || start.startsWith('[');
}

/**
 * The kind of a document, from its content first and its extension only as a tie-break.
 * Undefined for binary content; the caller reports it as "binary file".
 */
export function detectKind(content: string, path: string): InputKind | undefined {
  if (isBinary(content)) return undefined;
  const sample = content.slice(0, SNIFF_CHARS);
  let start = sample.replace(PROLOG, '');
  const htmlDoctype = HTML_DOCTYPE.test(start);
  start = start.replace(OTHER_DOCTYPE, '').replace(PROLOG, '');
  // An HTML DOCTYPE pasted above a feed (some CMS templates do it) does not make the feed a page.
  if (htmlDoctype) {
    const root = ROOT_ELEMENT.exec(start)?.[1]?.toLowerCase();
    const kind = root === undefined ? undefined : ROOT_ELEMENT_KINDS[root];
    return kind === 'rss' || kind === 'atom' ? kind : 'html';
  }

  if (start.startsWith('{')) return JSON_FEED_VERSION.test(content) ? 'jsonfeed' : 'text';
  if (!start.startsWith('<')) return 'text';

  const root = ROOT_ELEMENT.exec(start)?.[1]?.toLowerCase();
  // A prefixed root (<r:rss xmlns:r="…/rss2">, <atom:feed>) is known by its local name.
  const byRoot = root === undefined ? undefined : (ROOT_ELEMENT_KINDS[root] ?? ROOT_ELEMENT_KINDS[root.slice(root.indexOf(':') + 1)]);
  if (byRoot) return byRoot;
  const byExtension = EXTENSION_KINDS[extname(path).toLowerCase()];
  if (byExtension) return byExtension;
  return HTML_FRAGMENT.test(start) ? 'html' : 'text';
}
