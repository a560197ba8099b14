// A server-side DOM (linkedom) behind a few structural types. The project compiles without the DOM
// lib, so linkedom's own typings resolve to `any`; these interfaces keep our DOM code type-checked.
// linkedom over jsdom: on the Readability test pages it parses several times faster with the same
// extraction result (numbers in `npm run bench:extract`). It comes from src/vendor/linkedom.ts, which
// the build turns into one bundled file (start-up; see scripts/bundle-vendor.mjs).
import { parseHTML } from '../vendor/linkedom.js';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomElement | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  remove(): void;
}

export interface DomElement extends DomNode {
  /** Lowercase tag name, e.g. `p`. */
  readonly localName: string;
  readonly innerHTML: string;
  getAttribute(name: string): string | null;
  getAttributeNode(name: string): { readonly value: string } | null;
  hasAttributes(): boolean;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  insertAdjacentHTML(position: 'beforebegin' | 'afterbegin' | 'beforeend' | 'afterend', html: string): void;
  insertBefore(node: DomNode, before: DomNode | null): DomNode;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

// linkedom only builds <html>/<body> when the markup has them; a bare fragment would become a
// document whose root is its first element, so fragments are wrapped first.
const FULL_DOCUMENT = /<html[\s>]/i;

/** Parses a page or a fragment into a document with a body. */
export function parseDocument(html: string): DomDocument {
  const markup = FULL_DOCUMENT.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const document = parseHTML(markup).document as DomDocument;
  gatherIntoBody(document);
  if (RUBY_READING.test(markup)) dropRubyReadings(document);
  if ((markup.match(DOCUMENT_TAG) ?? []).length > 2) unwrapNestedDocuments(document);
  return document;
}

/** An <html> or <body> start tag; a page has one of each, a page with another page pasted in has more. */
const DOCUMENT_TAG = /<(?:html|body)[\s>]/gi;
const DOCUMENT_TAGS = new Set(['html', 'body', 'head']);

/**
 * A page pasted into a page (a CMS block holding a whole "<html><body>…" document) keeps its own
 * <html>, <head> and <body> inside the story in linkedom, where a browser ignores those tags and keeps
 * only what they hold. Readability stops at a <body> as at the page's edge; so do we. Unwrapped here.
 */
function unwrapNestedDocuments(document: DomDocument): void {
  const body = document.body;
  if (!body) return;
  const nested: DomElement[] = [];
  walk(body, (node) => {
    if (node.nodeType !== ELEMENT_NODE) return false;
    if (node !== body && DOCUMENT_TAGS.has(tagName(node as DomElement))) nested.push(node as DomElement);
    return true;
  });
  // Innermost last in document order: unwrapping outer ones first leaves inner ones in place to unwrap.
  for (const element of nested) {
    const parent = element.parentNode;
    if (!parent) continue;
    // What a pasted <head> holds (its <title>, styles, meta) is about the pasted page, never text of the story.
    if (tagName(element) !== 'head') while (element.firstChild) parent.insertBefore(element.firstChild, element);
    element.remove();
  }
}

const RUBY_READING = /<r[tp][\s>]/i;
const RUBY_READING_TAGS = new Set(['rt', 'rp']);

/**
 * Removes ruby readings, the small text printed over words (Japanese furigana in <rt>, with <rp>
 * parentheses for browsers without ruby): read as text they would double every annotated word.
 */
function dropRubyReadings(document: DomDocument): void {
  const root = document.documentElement;
  if (!root) return;
  const readings: DomNode[] = [];
  walk(root, (node) => {
    if (node.nodeType !== ELEMENT_NODE) return false;
    if (!RUBY_READING_TAGS.has(tagName(node as DomElement))) return true;
    readings.push(node);
    return false;
  });
  for (const reading of readings) reading.remove();
}

/**
 * Moves into <body> what linkedom left beside it. A page may leave out its <body> tag (HTML allows it);
 * linkedom then hangs everything after </head> on <html> next to an empty body, where a browser puts it
 * inside the body. Every step that reads the body would see an empty page.
 */
function gatherIntoBody(document: DomDocument): void {
  const html = document.documentElement;
  const body = document.body;
  if (!html || !body || body.parentNode !== html) return;
  const first = body.firstChild;
  let before = true;
  for (let node = html.firstChild; node; ) {
    const next: DomNode | null = node.nextSibling;
    if (node === body) before = false;
    else if (node.nodeType !== ELEMENT_NODE || tagName(node as DomElement) !== 'head') body.insertBefore(node, before ? first : null);
    node = next;
  }
}

/**
 * Visits `root` and every node below it in document order: `enter` before a node's children (return
 * false to skip them), `leave` after them (elements only, also when their children were skipped).
 * The tree must not change during the walk.
 *
 * Our DOM code walks the tree itself instead of asking `querySelectorAll`: linkedom answers every
 * selector query with a full css-select pass that copies each element's child list, so a handful of
 * queries per page cost more than the walks that replace them. The walk follows
 * firstChild/nextSibling/parentNode without a stack of its own, so no page is nested too deeply for it.
 */
export function walk(root: DomNode, enter: (node: DomNode) => boolean | void, leave?: (element: DomElement) => void): void {
  let node: DomNode | null = root;
  while (node) {
    const child: DomNode | null = enter(node) === false ? null : node.firstChild;
    if (child) {
      node = child;
      continue;
    }
    // No children to visit: leave this node and every ancestor whose last child it is.
    let done: DomNode = node;
    node = null;
    for (;;) {
      if (leave && done.nodeType === ELEMENT_NODE) leave(done as DomElement);
      if (done === root) break;
      const sibling: DomNode | null = done.nextSibling;
      if (sibling) {
        node = sibling;
        break;
      }
      const parent: DomNode | null = done.parentNode;
      if (!parent) break;
      done = parent;
    }
  }
}

/**
 * Gives the document its address and base URL, which a linkedom document does not have, so that
 * Readability makes the links and image sources of its result absolute (it resolves them against
 * `baseURI`, and leaves `#fragment` links alone when that equals `documentURI`).
 */
export function setDocumentUrl(document: DomDocument, documentUrl: string, baseUrl: string): void {
  Object.defineProperty(document, 'documentURI', { value: documentUrl, configurable: true });
  Object.defineProperty(document, 'baseURI', { value: baseUrl, configurable: true });
}

/**
 * The class attribute as written. Not `getAttribute('class')`: linkedom answers that by building the
 * element's classList (a Set of its tokens) and joining it again, for every element asked.
 */
export const classOf = (element: DomElement): string | null => element.getAttributeNode('class')?.value ?? null;

/** The lowercase tag name: linkedom keeps names as created, and Readability creates "DIV". */
export const tagName = (element: DomElement): string => element.localName.toLowerCase();
