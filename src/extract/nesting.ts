// Deeply nested markup (generated pages, broken templates, hostile input) overflows the stack of
// recursive DOM code in the parser and in Readability, and costs quadratic time on the way. Before
// parsing, open tags beyond a nesting depth are dropped together with their matching close tags: the
// text stays, only the excess structure goes. A tag scan, not a parser: it only has to count depth.

/** Real article pages nest well under 100 levels; a few hundred leaves room for any template. */
export const MAX_NESTING_DEPTH = 400;

const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;
/** Elements that never have a close tag, so they never add depth. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
/** Tags that carry the body's structure; never dropped (the deep chains are wrappers, not these). */
const KEPT_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'html', 'head', 'body']);
/** Raw-text elements whose content is not markup; the scan treats them as one opaque unit. */
const RAW_TEXT = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

function maxDepth(html: string): number {
  let depth = 0;
  let max = 0;
  // An exec loop on a regex of its own, not matchAll: this scan runs over every page, and the iterator
  // and the lowercasing of every name were a measurable part of it.
  const tag = new RegExp(TAG.source, 'g');
  const text = html.replace(RAW_TEXT, '');
  for (let match = tag.exec(text); match !== null; match = tag.exec(text)) {
    if (match[3] || VOID_ELEMENTS.has(match[2]!) || VOID_ELEMENTS.has(match[2]!.toLowerCase())) continue;
    depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

/** `html` with nesting beyond MAX_NESTING_DEPTH removed, and how deep it went; unchanged when shallow. */
export function limitNesting(html: string): { html: string; depth: number } {
  const depth = maxDepth(html);
  if (depth <= MAX_NESTING_DEPTH) return { html, depth };
  let current = 0;
  const dropped = new Map<string, number>();
  const flattened = html.replace(TAG, (tag, closing: string, rawName: string, selfClosing: string) => {
    const name = rawName.toLowerCase();
    if (VOID_ELEMENTS.has(name) || selfClosing) return tag;
    if (!closing) {
      if (current >= MAX_NESTING_DEPTH && !KEPT_ELEMENTS.has(name)) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        return '';
      }
      current++;
      return tag;
    }
    const pending = dropped.get(name) ?? 0;
    if (pending > 0) {
      dropped.set(name, pending - 1);
      return '';
    }
    current = Math.max(0, current - 1);
    return tag;
  });
  return { html: flattened, depth };
}
