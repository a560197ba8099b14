// HTML → blocks of plain text with their structure (heading, list item, quote), and from the blocks
// plain text (paragraphs separated by blank lines). Block elements end paragraphs, inline elements do
// not. Entities are decoded by the HTML parser. The walk is iterative: a page nested tens of thousands
// of levels deep must not overflow the stack.
import { ELEMENT_NODE, TEXT_NODE, parseDocument, walk, type DomElement, type DomNode } from './dom.js';

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

export interface TextBlock {
  text: string;
  /** The innermost block element's tag, e.g. `p`, `h2`, `li`, `pre`. */
  tag: string;
  /** How many <blockquote> elements enclose the block. */
  quoteDepth: number;
  /** For list items: `ul` or `ol` of the nearest list. */
  list?: 'ul' | 'ol';
  /** With `{ links: true }`: the text with its links as Markdown, `[text](https://…)`. */
  linked?: string;
}

/** Links kept in Markdown: web and mail addresses (Readability has made them absolute); not `#anchors` or scripts. */
const KEPT_LINK = /^(?:https?:|mailto:)/i;
/** Characters of plain text that would read as link syntax in Markdown. */
const LINK_SYNTAX = /[[\]\\]/g;
const escapeLinkSyntax = (text: string): string => text.replace(LINK_SYNTAX, (c) => `\\${c}`);
/** Parentheses and spaces end a Markdown link destination early. */
const DESTINATION_ESCAPES: Record<string, string> = { '(': '%28', ')': '%29' };
const linkDestination = (href: string): string => href.trim().replace(/[()]|\s+/g, (c) => DESTINATION_ESCAPES[c] ?? '%20');

/** Converts an HTML page or fragment to text: paragraphs separated by blank lines, no tags or entities. */
export function htmlToText(html: string): string {
  const document = parseDocument(html);
  const root = document.body ?? document.documentElement;
  return root ? elementToText(root) : '';
}

/** Text of a DOM subtree with the same paragraph rules as `htmlToText`. */
export function elementToText(root: DomNode): string {
  return textBlocks(root)
    .map((block) => block.text)
    .join('\n\n');
}

/**
 * The text blocks of a subtree, in document order. With `links`, each block also carries its text with
 * the links written as Markdown (`linked`), for `--format markdown`.
 */
export function textBlocks(root: DomNode, options: { links?: boolean } = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  const open: DomElement[] = [];
  let current = '';
  // The Markdown twin of `current`, and for each open link where its text starts (-1: a link not kept).
  let linked = '';
  const linkStarts: number[] = [];
  const flush = (): void => {
    const text = normalizeSpace(current);
    const markdown = normalizeSpace(linked);
    current = '';
    linked = '';
    linkStarts.length = 0; // a link does not continue across a block boundary
    if (!text) return;
    let tag = 'p';
    let quoteDepth = 0;
    let list: 'ul' | 'ol' | undefined;
    for (let i = open.length - 1; i >= 0; i--) {
      const name = open[i]!.localName.toLowerCase();
      if (tag === 'p' && BLOCK_ELEMENTS.has(name) && name !== 'div' && name !== 'section' && name !== 'article') tag = name;
      if (name === 'blockquote') quoteDepth++;
      if (!list && (name === 'ul' || name === 'ol')) list = name;
    }
    blocks.push({ text, tag, quoteDepth, ...(tag === 'li' && list ? { list } : {}), ...(options.links ? { linked: markdown } : {}) });
  };
  /** Writes the link that `element` opened as `[text](href)`; a link without text (an image) leaves its text as it was. */
  const closeLink = (element: DomElement): void => {
    const start = linkStarts.pop()!;
    if (start < 0 || start > linked.length) return;
    const inner = linked.slice(start);
    const label = normalizeSpace(inner);
    if (!label) return;
    const before = /^\s/.test(inner) ? ' ' : '';
    const after = /\s$/.test(inner) ? ' ' : '';
    linked = `${linked.slice(0, start)}${before}[${label}](${linkDestination(element.getAttribute('href') ?? '')})${after}`;
  };
  walk(
    root,
    (node) => {
      if (node.nodeType === TEXT_NODE) {
        current += node.textContent ?? '';
        if (options.links) linked += escapeLinkSyntax(node.textContent ?? '');
        return false;
      }
      if (node.nodeType !== ELEMENT_NODE) return false;
      const element = node as DomElement;
      const name = element.localName.toLowerCase();
      if (SKIPPED_ELEMENTS.has(name)) return false;
      if (options.links && name === 'a') linkStarts.push(KEPT_LINK.test(element.getAttribute('href') ?? '') ? linked.length : -1);
      if (BREAK_ELEMENTS.has(name)) {
        flush();
        return false;
      }
      if (BLOCK_ELEMENTS.has(name)) {
        flush();
        open.push(element);
      }
      return true;
    },
    (element) => {
      if (options.links && element.localName.toLowerCase() === 'a' && linkStarts.length > 0) closeLink(element);
      if (open[open.length - 1] === element) {
        flush();
        open.pop();
      }
    },
  );
  flush();
  return blocks;
}
