// The syndication footer WordPress-style feeds append to every copy of an article:
// "The post <TITLE> appeared first on <PUBLISHER>." (or the same in German, French, Spanish, Italian,
// Portuguese or Dutch). It names the original publisher and the exact headline, and is not part of the
// article, so it is read and then removed from the body.
import { normalizeSpace } from '../extract/index.js';

export interface SyndicationFooter {
  title: string;
  publisherName: string;
}

/**
 * The footer in the languages WordPress sites write it in (SEO plugins translate the English sentence):
 * the words before the title, and the words between the title and the publisher.
 */
const FOOTER_PHRASES: ReadonlyArray<readonly [before: string, between: string]> = [
  ['the post', 'appeared first on'],
  ['der beitrag', 'erschien zuerst auf'],
  ['der artikel', 'erschien zuerst auf'],
  ['l[’\']article', 'est apparu en premier sur'],
  ['l[’\']article', 'est paru en premier sur'],
  ['la entrada', 'se publicó primero en'],
  ['la entrada', 'aparece primero en'],
  ['l[’\']articolo', 'proviene da'],
  ['l[’\']articolo', 'è apparso per la prima volta su'],
  ['o post', 'apareceu primeiro em'],
  ['o artigo', 'apareceu primeiro em'],
  ['het bericht', 'verscheen eerst op'],
  ['het artikel', 'verscheen eerst op'],
];

/**
 * Greedy title: a headline may itself contain the footer's phrase; the footer's own is the last.
 * The period may be missing, doubled with a closing quote, or a full-width stop.
 */
const FOOTERS: readonly RegExp[] = FOOTER_PHRASES.map(([before, between]) => new RegExp(`^${before}\\s+(.+)\\s+${between}\\s+(.+?)\\s*[.。]?\\s*$`, 'iu'));
/** Quotes a feed may wrap around the title or publisher in the footer. */
const WRAPPING_QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'], ['“', '”'], ["'", "'"], ['‘', '’'], ['«', '»'],
];

function unquote(text: string): string {
  const trimmed = text.trim();
  for (const [open, close] of WRAPPING_QUOTES) {
    if (trimmed.length > 2 && trimmed.startsWith(open) && trimmed.endsWith(close)) return trimmed.slice(1, -1).trim();
  }
  return trimmed;
}

/** Reads a footer line; undefined when the line is not one. */
export function parseFooterLine(line: string): SyndicationFooter | undefined {
  const normalized = normalizeSpace(line);
  const match = FOOTERS.map((footer) => footer.exec(normalized)).find(Boolean);
  const title = match?.[1] ? unquote(match[1]) : '';
  const publisherName = match?.[2] ? unquote(match[2]) : '';
  return title && publisherName ? { title, publisherName } : undefined;
}

/** Splits a footer off the last paragraph of a body text (paragraphs separated by blank lines). */
export function splitFooter(text: string): { text: string; footer?: SyndicationFooter } {
  const paragraphs = text.split('\n\n');
  const last = paragraphs[paragraphs.length - 1];
  const footer = last === undefined ? undefined : parseFooterLine(last);
  if (!footer) return { text };
  return { text: paragraphs.slice(0, -1).join('\n\n'), footer };
}
