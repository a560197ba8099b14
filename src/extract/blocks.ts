// The leaf text blocks of an extracted body, and removing one of them cleanly: shared by the cleanup
// of lines (cleanup.ts) and of recirculation blocks (recirculation.ts).
import { CDATA_SECTION_NODE, ELEMENT_NODE, TEXT_NODE, tagName, walk, type DomElement, type DomNode } from './dom.js';
import { normalizeSpace } from './html-text.js';

/** normalizeSpace's idea of text: anything but whitespace. */
const NON_SPACE = /\S/;

/** Leaf text blocks: block elements that hold no other block element. */
export const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'figcaption', 'blockquote', 'pre', 'td', 'dd', 'dt']);
/** The elements below `root` whose tag is in `tags`, that hold no such element and some text; in document order. */
export function leafBlocks(root: DomElement, tags: ReadonlySet<string> = BLOCK_TAGS): DomElement[] {
  const leaves: DomElement[] = [];
  // One entry per open element: whether its subtree so far holds a block element, and non-space text.
  const hasBlock: boolean[] = [];
  const hasText: boolean[] = [];
  walk(
    root,
    (node) => {
      if (node.nodeType === ELEMENT_NODE) {
        hasBlock.push(false);
        hasText.push(false);
      } else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
        const top = hasText.length - 1;
        if (top >= 0 && !hasText[top] && NON_SPACE.test(node.textContent ?? '')) hasText[top] = true;
      }
    },
    (element) => {
      const ownBlock = hasBlock.pop()!;
      const ownText = hasText.pop()!;
      const block = element !== root && tags.has(tagName(element));
      // Leaves never nest, so the order they are left in is document order.
      if (block && !ownBlock && ownText) leaves.push(element);
      const top = hasBlock.length - 1;
      if (top >= 0) {
        hasBlock[top] ||= ownBlock || block;
        hasText[top] ||= ownText;
      }
    },
  );
  return leaves;
}

/** Elements that end a line of loose text: blocks, the containers of blocks, and <br>. */
const LINE_BREAKERS = new Set([...BLOCK_TAGS, 'br', 'hr', 'ul', 'ol', 'dl', 'table', 'tbody', 'thead', 'tr', 'th', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'figure', 'form']);

/** A line of loose text beside blocks: text and inline elements between two blocks or line breaks. */
export interface LooseLine {
  nodes: DomNode[];
  text: string;
}

/**
 * The lines of loose text in containers that also hold blocks ("<div><p>…</p>Published: 3 April<br></div>"):
 * what leafBlocks does not see, because their container is not a leaf. In document order within each container.
 */
export function looseLines(root: DomElement): LooseLine[] {
  const lines: LooseLine[] = [];
  const containers: DomElement[] = [];
  walk(root, (node) => {
    if (node.nodeType !== ELEMENT_NODE) return false;
    const element = node as DomElement;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE && LINE_BREAKERS.has(tagName(child as DomElement))) {
        containers.push(element);
        break;
      }
    }
    return true;
  });
  for (const container of containers) {
    let nodes: DomNode[] = [];
    const flush = (): void => {
      const text = normalizeSpace(nodes.map((n) => n.textContent ?? '').join(''));
      if (text) lines.push({ nodes, text });
      nodes = [];
    };
    for (let child = container.firstChild; child; child = child.nextSibling) {
      const breaks = child.nodeType === ELEMENT_NODE && LINE_BREAKERS.has(tagName(child as DomElement));
      if (breaks) flush();
      else if (child.nodeType === TEXT_NODE || child.nodeType === ELEMENT_NODE) nodes.push(child);
    }
    flush();
  }
  return lines;
}

/** Removes `element` and any ancestor it leaves empty, up to (not including) `root`. */
export function removeWithEmptyParents(element: DomElement, root: DomElement): void {
  let parent = element.parentNode;
  element.remove();
  while (parent && parent !== root && !normalizeSpace(parent.textContent ?? '') && !parent.querySelector('img, picture, video')) {
    const next: DomElement | null = parent.parentNode;
    parent.remove();
    parent = next;
  }
}

