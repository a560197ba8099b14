// Bytes → HTML text in the page's own encoding, so a Latin-1 or Shift_JIS page never turns into
// mojibake. One decoder serves pages and feeds (src/text/encoding.ts: byte-order mark, HTTP charset,
// <meta charset> / XML declaration, UTF-8, a confident charset guess, windows-1252); this names its
// result for HTML.
import { decodeDocument } from '../text/encoding.js';

export interface DecodedHtml {
  html: string;
  encoding: string;
  warnings: string[];
}

/** Decodes a page's bytes; `contentType` is the HTTP header when the page was fetched. */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const { text, encoding, warnings } = decodeDocument(bytes, contentType);
  return { html: text, encoding, warnings };
}
