// Bytes → HTML text in the page's own encoding, so a Latin-1 or Shift_JIS page never turns into
// mojibake. Order (as browsers do): byte-order mark, then the HTTP Content-Type charset, then
// <meta charset> / <meta http-equiv=Content-Type> in the first bytes, then UTF-8 — and when the bytes
// are not valid UTF-8 either, windows-1252, the encoding undeclared Western pages are in.
import iconv from 'iconv-lite';

/** Browsers look for <meta charset> in the first 1024 bytes; some pages put it later, so look further. */
const META_SNIFF_BYTES = 4096;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const HEADER_CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i;
const FALLBACK_ENCODING = 'windows-1252';

const BOMS: ReadonlyArray<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

export interface DecodedHtml {
  html: string;
  encoding: string;
  warnings: string[];
}

/** A label iconv-lite knows, normalized; undefined for unknown labels. */
function knownEncoding(label: string | undefined): string | undefined {
  const name = label?.trim().toLowerCase();
  if (!name) return undefined;
  // A page that says UTF-16 in a <meta> but reached us as ASCII-compatible bytes is really UTF-8 (HTML spec).
  return iconv.encodingExists(name) ? name : undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decodes a page's bytes; `contentType` is the HTTP header when the page was fetched. */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const warnings: string[] = [];
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      return { html: iconv.decode(Buffer.from(bytes.subarray(bom.bytes.length)), bom.encoding), encoding: bom.encoding, warnings };
    }
  }
  const head = Buffer.from(bytes.subarray(0, META_SNIFF_BYTES)).toString('latin1');
  const declared = HEADER_CHARSET.exec(contentType ?? '')?.[1] ?? META_CHARSET.exec(head)?.[1];
  let encoding = knownEncoding(declared);
  if (encoding?.startsWith('utf-16')) encoding = 'utf-8';
  if (!encoding) {
    encoding = isValidUtf8(bytes) ? 'utf-8' : FALLBACK_ENCODING;
    const why = declared ? `unknown charset "${declared}"` : 'no charset declared';
    if (declared || encoding !== 'utf-8') warnings.push(`${why}; read as ${encoding}`);
  }
  return { html: iconv.decode(Buffer.from(bytes), encoding), encoding, warnings };
}
