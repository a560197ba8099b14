// HTML → plain text with paragraph structure: block elements end paragraphs, inline elements do not.
// Entities are decoded by the HTML parser, so what comes out is text an editor can read and quote.
import { ELEMENT_NODE, TEXT_NODE, parseDocument, type DomElement, type DomNode } from './dom.js';

/** Elements that start and end a paragraph of their own. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);

/** Feeds often separate paragraphs with <br> alone, so a line break is treated as a paragraph break. */
const BREAK_ELEMENTS = new Set(['br']);

/** Elements whose text is never article text. */
const SKIPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed',
  'button', 'select', 'textarea', 'head', 'title', 'meta', 'link',
]);

/** Collapses every run of whitespace (JavaScript's \s includes no-break and Unicode spaces) to one space. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Comparable form of a headline: case, whitespace and quote style do not matter. */
export function comparableText(text: string): string {
  return normalizeSpace(text).toLowerCase().replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"');
}

/** Converts an HTML page or fragment to text: paragraphs separated by blank lines, no tags or entities. */
export function htmlToText(html: string): string {
  const document = parseDocument(html);
  const root = document.body ?? document.documentElement;
  return root ? elementToText(root) : '';
}

/** Text of a DOM subtree with the same paragraph rules as `htmlToText`. */
export function elementToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const paragraph = normalizeSpace(current);
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = (node as DomElement).localName.toLowerCase();
    if (SKIPPED_ELEMENTS.has(name)) return;
    if (BREAK_ELEMENTS.has(name)) {
      flush();
      return;
    }
    const block = BLOCK_ELEMENTS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i];
      if (child) walk(child);
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}
