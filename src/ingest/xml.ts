// Feed XML → a namespace-normalized DOM. htmlparser2 in XML mode instead of a validating parser: it
// never throws, so truncated or ill-formed feeds (unclosed tags, stray "&", garbage before <?xml)
// still yield what they contain, and it never expands DTD entities itself: doctype.ts expands internal
// ones within caps and refuses external ones before the parser runs. Ill-formedness is noticed while parsing (tags the parser had to
// close itself, stray ampersands) to say that a feed was "recovered"; a second, validating pass would
// double the cost of every feed for one flag. The DOCTYPE is handled before parsing (doctype.ts).
import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';
import render from 'dom-serializer';
import { type AnyNode, cloneNode, DomHandler, type Element, isCDATA, isTag, isText } from 'domhandler';
import { FeedError } from './feed-common.js';
import { stripDoctype } from './doctype.js';
import { descendantsAndSelf, limitDepth, MAX_FEED_DEPTH } from './dom-depth.js';

/** Namespace URI → the prefix the parsers look for, whatever prefix the feed chose. '' = RSS's own. */
const NAMESPACES: Readonly<Record<string, string>> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
};

const COMMENT = /<!--[\s\S]*?-->/g;

/** Gives every element a canonical `prefix:local` name (lower case) from its namespace, not its written prefix. */
function normalizeNames(top: AnyNode, undeclared: Set<string>): void {
  // An explicit stack, not recursion: a feed nested thousands of elements deep must not overflow the call stack.
  const pending: Array<{ node: AnyNode; scope: ReadonlyMap<string, string> }> = [{ node: top, scope: new Map() }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, scope } = next;
    if (!isTag(node)) continue;
    let inner = scope;
    // Attribute names are matched in lower case too: feeds write isPermaLink, ispermalink and IsPermaLink.
    if (Object.keys(node.attribs).some((name) => name !== name.toLowerCase())) {
      node.attribs = Object.fromEntries(Object.entries(node.attribs).map(([name, value]) => [name.toLowerCase(), value]));
    }
    for (const [name, value] of Object.entries(node.attribs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (inner === scope) inner = new Map(scope);
        (inner as Map<string, string>).set(name === 'xmlns' ? '' : name.slice(6), value.trim().toLowerCase());
      }
    }
    const colon = node.name.indexOf(':');
    const written = colon === -1 ? '' : node.name.slice(0, colon);
    const local = (colon === -1 ? node.name : node.name.slice(colon + 1)).toLowerCase();
    const uri = inner.get(written);
    if (written && written !== 'xml' && uri === undefined) undeclared.add(written);
    const prefix = uri === undefined ? written.toLowerCase() : (NAMESPACES[uri] ?? written.toLowerCase());
    // XHTML keeps bare names so that serialized content is plain HTML.
    node.name = prefix && prefix !== 'xhtml' ? `${prefix}:${local}` : local;
    for (const c of node.children) pending.push({ node: c, scope: inner });
  }
}

export interface FeedDom {
  root: Element;
  /** Why the document is not well-formed, when it is not; the feed was read leniently. */
  recovered?: string;
  /** Elements unwrapped because they sat deeper than MAX_FEED_DEPTH; their text was kept. */
  flattened?: number;
}

/** Counts the elements the parser closed on its own (unclosed or mismatched tags, truncation). */
class RecoveringHandler extends DomHandler {
  implied = 0;
  override onclosetag(...args: unknown[]): void {
    const open = this.tagStack[this.tagStack.length - 1];
    // A self-closing tag is reported as an implied close too; it is the one with no children.
    if (args[1] === true && open && open.children.length > 0) this.implied++;
    super.onclosetag();
  }
}

/** An "&" that starts none of XML's five entities or a character reference. */
const STRAY_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos);|#\d+;|#x[\da-f]+;)/i;
const CDATA_SECTION = /<!\[CDATA\[[\s\S]*?\]\]>/g;
const LEADING_GARBAGE = /^\s*[^<\s]/;

function recoveryReason(text: string, implied: number, undeclared: ReadonlySet<string>): string | undefined {
  const reasons: string[] = [];
  // Namespaces in XML §5: a prefix used without an xmlns: declaration. Read by its written name.
  if (undeclared.size > 0) reasons.push(`undeclared namespace prefix ${[...undeclared].map((p) => `"${p}:"`).join(', ')}`);
  if (LEADING_GARBAGE.test(text)) reasons.push('text before the first tag');
  if (implied > 0) reasons.push(`${implied} unclosed or mismatched tag${implied === 1 ? '' : 's'}`);
  // CDATA and comments may hold any "&"; only markup and text must escape it.
  if (STRAY_AMPERSAND.test(text.replace(CDATA_SECTION, '').replace(COMMENT, ''))) reasons.push('a bare "&" or an entity XML does not define');
  return reasons.length > 0 ? `not well-formed XML (${reasons.join('; ')})` : undefined;
}

export function parseFeedXml(text: string): FeedDom {
  const cleaned = stripDoctype(text);
  const handler = new RecoveringHandler();
  new Parser(handler, { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true }).end(cleaned);
  const document = handler.root;
  const flattened = limitDepth(document, MAX_FEED_DEPTH);
  const undeclared = new Set<string>();
  for (const child of document.children) normalizeNames(child, undeclared);
  const root = document.children.find(isTag);
  if (!root) throw new FeedError('no XML element found; check that the file is an RSS or Atom feed');
  const recovered = recoveryReason(cleaned, handler.implied, undeclared);
  return { root, ...(recovered ? { recovered } : {}), ...(flattened > 0 ? { flattened } : {}) };
}

export const childElements = (node: Element): Element[] => node.children.filter(isTag);
export const child = (node: Element, name: string): Element | undefined => node.children.find((c): c is Element => isTag(c) && c.name === name);
export const children = (node: Element, name: string): Element[] => node.children.filter((c): c is Element => isTag(c) && c.name === name);
export const attr = (node: Element | undefined, name: string): string | undefined => node?.attribs[name]?.trim() || undefined;

/** Text content: entities decoded in text, CDATA kept as written, child elements' text included. */
export function textOf(node: AnyNode | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  for (const n of descendantsAndSelf(node)) {
    if (isText(n)) parts.push(n.parent && isCDATA(n.parent) ? n.data : decodeHTML(n.data));
  }
  return parts.join('');
}

/** The prefix normalizeNames gives elements in the Atom namespace. */
const ATOM_PREFIX = 'atom:';

/**
 * The element's children serialized as markup (Atom xhtml content, RSS with unescaped HTML). HTML
 * written bare inside Atom (`<summary>Old <b>Mill</b></summary>`) sits in the Atom namespace, so it
 * was named `atom:b`; it is HTML, and serialized as such.
 */
export function innerXml(node: Element): string {
  const isAtom = (c: AnyNode): boolean => isTag(c) && c.name.startsWith(ATOM_PREFIX);
  const inside = node.children.flatMap((c) => [...descendantsAndSelf(c)]);
  if (!inside.some(isAtom)) return render(node.children, { xmlMode: false, decodeEntities: false });
  // Serializing copies keeps the feed's own names intact; the copies' depth is bounded by limitDepth.
  const copies = node.children.map((c) => cloneNode(c, true));
  for (const copy of copies) {
    for (const c of descendantsAndSelf(copy)) if (isTag(c) && c.name.startsWith(ATOM_PREFIX)) c.name = c.name.slice(ATOM_PREFIX.length);
  }
  return render(copies, { xmlMode: false, decodeEntities: false });
}

/** The element's xml:base chain resolved against the document URL. */
export function baseOf(node: Element, documentUrl: string): string {
  const bases: string[] = [];
  for (let current: Element | null = node; current; current = current.parent && isTag(current.parent) ? current.parent : null) {
    const base = current.attribs['xml:base'];
    if (base) bases.unshift(base.trim());
  }
  let resolved = documentUrl;
  for (const base of bases) {
    try {
      resolved = new URL(base, resolved || undefined).href;
    } catch {
      // A relative xml:base with no absolute URL above it: nothing to resolve against yet.
      if (!resolved) resolved = '';
    }
  }
  return resolved;
}

/** Elements after which text starts a new paragraph. */
const BLOCK_ELEMENTS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'table', 'figure', 'figcaption', 'section', 'article', 'pre', 'hr', 'dd', 'dt']);

/**
 * Plain text of a short HTML fragment (an item's summary). The extract stage's htmlToText builds a full
 * DOM per call, which costs more than parsing the whole feed when done for every item; a summary
 * needs only its words and paragraph breaks.
 */
export function fragmentText(html: string): string {
  const handler = new DomHandler();
  new Parser(handler, { decodeEntities: false }).end(html);
  const parts: string[] = [];
  // Iterative: a paragraph break goes after an element's last descendant, so closing elements are queued too.
  const pending: Array<AnyNode | { closes: string }> = [...handler.root.children].reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    if ('closes' in next) {
      if (BLOCK_ELEMENTS.has(next.closes)) parts.push('\n\n');
    } else if (isText(next)) {
      parts.push(decodeHTML(next.data));
    } else if (isCDATA(next) || isTag(next)) {
      if (isTag(next)) pending.push({ closes: next.name });
      for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
    }
  }
  return parts
    .join('')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
