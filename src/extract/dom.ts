// A server-side DOM (linkedom) behind a few structural types. The project compiles without the DOM
// lib, so linkedom's own typings resolve to `any`; these interfaces keep our DOM code type-checked.
// linkedom over jsdom: on the Readability test pages it parses several times faster with the same
// extraction result (numbers in `npm run bench:extract`).
import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomElement | null;
  remove(): void;
}

export interface DomElement extends DomNode {
  /** Lowercase tag name, e.g. `p`. */
  readonly localName: string;
  readonly innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
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
  return parseHTML(markup).document as DomDocument;
}

/** The trimmed value of an attribute of the first element matching `selector`, if non-empty. */
export function attributeOf(root: DomDocument | DomElement, selector: string, attribute: string): string | undefined {
  const value = root.querySelector(selector)?.getAttribute(attribute)?.trim();
  return value ? value : undefined;
}

/** The elements matching `selector` as an array (a snapshot: safe to remove them while iterating). */
export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}
