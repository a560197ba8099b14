// Helpers shared by the RSS/Atom and JSON Feed readers.
import { htmlToText, normalizeSpace } from '../extract/index.js';
import { stripControls } from '../text/control.js';
import { isExecutableTag, scanTags } from './markup-scan.js';

/** A feed that cannot be read. `reason` is a short sentence for the input failure list. */
export class FeedError extends Error {
  constructor(readonly reason: string) {
    super(`ingest: ${reason}`);
    this.name = 'FeedError';
  }
}

/**
 * Feed text fields hold either HTML or plain text. HTML shows itself by a known tag or an entity;
 * any `<word>` would misread plain text such as "cod <and> hake" as markup and lose words. Tags are
 * found by a linear scan (markup-scan.ts): a regular expression costs quadratic time on hostile text.
 */
const HTML_TAGS = new Set([
  'p', 'br', 'div', 'span', 'a', 'em', 'strong', 'b', 'i', 'u', 'img', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'figure', 'figcaption', 'table', 'tr', 'td', 'pre', 'code', 'hr', 'section', 'article',
]);
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i;

export function looksLikeHtml(text: string): boolean {
  if (ENTITY.test(text)) return true;
  if (!text.includes('<')) return false;
  for (const tag of scanTags(text)) if (HTML_TAGS.has(tag.name)) return true;
  return false;
}

/**
 * Markup that runs or loads something when rendered, even inside otherwise plain text: a dangerous
 * element (open or close tag), an event handler or srcdoc on any tag, or a script or data URL in an
 * attribute. `safe<script>…</script> description` shows no known tag to looksLikeHtml, yet whoever
 * renders the field as HTML runs the script; such a field is treated as HTML and sanitized.
 */
export function hasExecutableMarkup(text: string): boolean {
  if (!text.includes('<')) return false;
  for (const tag of scanTags(text)) if (isExecutableTag(tag)) return true;
  return false;
}

/** A field's text is read as HTML when it looks like HTML or holds markup that would run. */
export const readAsHtml = (text: string): boolean => looksLikeHtml(text) || hasExecutableMarkup(text);

/** Plain text of a feed field that may be HTML or plain text; paragraph breaks survive either way. */
export function feedText(value: string | undefined): string {
  if (!value) return '';
  if (readAsHtml(value)) return htmlToText(value);
  return value
    .split(/\r?\n\s*\r?\n/)
    .map(normalizeSpace)
    .filter(Boolean)
    .join('\n\n');
}

/** A one-line title: feeds may escape markup in titles (Atom `type="html"`). */
export function feedTitle(value: unknown): string {
  const text = nonEmpty(value);
  if (!text) return '';
  return normalizeSpace(stripControls(readAsHtml(text) ? htmlToText(text) : text));
}

/** The trimmed string, or undefined for anything else or an empty string. */
export function nonEmpty(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Item links may be relative to the feed's site; an unresolvable link is kept as written. */
export function resolveLink(link: string | undefined, base: string): string {
  if (!link) return '';
  try {
    return new URL(link, base || undefined).href;
  } catch {
    return link;
  }
}

/** A one-line reason from a parser error: parsers append line/column details on further lines. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').trim();
}
