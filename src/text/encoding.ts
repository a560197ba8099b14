// Bytes → text for feeds and pages, from a file or HTTP. The order of trust: a byte-order mark, then the
// HTTP charset, then the XML declaration or HTML <meta>, then UTF-8 when the bytes are valid UTF-8, else
// a statistical guess (jschardet, a port of the chardet detector browsers and feed readers use; it tells
// Big5, EUC-JP, Shift_JIS, KOI8-R, windows-1255, … from windows-1252), else windows-1252. Two common lies are corrected: "iso-8859-1" (and us-ascii) really means windows-1252
// (what browsers do), and a latin-1 label on bytes that are valid multi-byte UTF-8 means UTF-8.
// iconv-lite decodes the legacy charsets Node's TextDecoder does not ship in small-icu builds.
import { createRequire } from 'node:module';

type Iconv = typeof import('iconv-lite');
let iconvLite: Iconv | undefined;
/** Required on first use (~20 ms to load): UTF-8 documents, most of them, are decoded without it. */
const iconv = (): Iconv => (iconvLite ??= createRequire(import.meta.url)('iconv-lite') as Iconv);

type Jschardet = typeof import('jschardet');
let jschardet: Jschardet | undefined;
/** Required on first guess (~50 ms to load): almost every page and feed declares its charset or is UTF-8. */
const loadJschardet = (): Jschardet => (jschardet ??= createRequire(import.meta.url)('jschardet') as Jschardet);

export interface DecodedDocument {
  text: string;
  /** The charset the text was decoded from, lower case. */
  encoding: string;
  warnings: string[];
}

/** How many leading bytes can hold an XML declaration or a <meta charset>. */
const SNIFF_BYTES = 2048;
const XML_DECLARATION = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/i;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i;
const HTTP_CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i;
/** Labels that in practice mean windows-1252, whose 0x80–0x9F are printable (curly quotes, dashes). */
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1', 'cp819', 'ibm819']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
/** Any byte above 0x7F: without one, every ASCII-compatible charset reads the same. */
const HIGH_BYTE = /[\x80-\xff]/;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  // UTF-16 without a BOM still starts with "<?" in its own byte order.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return { encoding: 'utf-16le', skip: 0 };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return { encoding: 'utf-16be', skip: 0 };
  return undefined;
}

/** The charset a document declares inside itself (XML declaration or HTML meta). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  return (XML_DECLARATION.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1])?.toLowerCase();
}

export function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? HTTP_CHARSET.exec(contentType)?.[1]?.toLowerCase() : undefined;
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (UTF8_LABELS.has(encoding)) return new TextDecoder('utf-8').decode(bytes);
  return iconv().decode(Buffer.from(bytes), encoding);
}

/**
 * Below this the detector's answer is noise: on a few accented Latin letters it says hp-roman8, cp720 or
 * iso8859-4 at 0.006–0.04, while a title's worth of Big5, GB2312, Shift_JIS, KOI8-R or windows-1255
 * scores 0.1–1. Under it, windows-1252 (the web's most common undeclared charset) is the better guess.
 */
const MIN_DETECTION_CONFIDENCE = 0.05;

/**
 * Vendor supersets the detector names → the standard charset they extend. When the bytes read the same
 * in the standard one, that is the name to report: every consumer knows it.
 */
const STANDARD_SUBSETS: Readonly<Record<string, string>> = { gb18030: 'gb2312', cp932: 'shift_jis', cp949: 'euc-kr' };

function narrowest(bytes: Uint8Array, encoding: string): string {
  const standard = STANDARD_SUBSETS[encoding];
  if (!standard) return encoding;
  const buffer = Buffer.from(bytes);
  const text = iconv().decode(buffer, standard);
  return !text.includes('\uFFFD') && text === iconv().decode(buffer, encoding) ? standard : encoding;
}

/** The charset the bytes look like when nothing declares one and they are not UTF-8. */
function guessEncoding(bytes: Uint8Array, warnings: string[]): string {
  const detected = loadJschardet().detect(Buffer.from(bytes));
  const guess = detected.confidence >= MIN_DETECTION_CONFIDENCE ? detected.encoding?.toLowerCase() : undefined;
  const trusted = guess && iconv().encodingExists(guess) && !WINDOWS_1252_ALIASES.has(guess);
  const encoding = trusted ? narrowest(bytes, guess) : 'windows-1252';
  warnings.push(`no charset declared and the bytes are not UTF-8; detected ${encoding}`);
  return encoding;
}

/** Decodes a document's bytes; never throws. `contentType` is the HTTP header when fetched. */
export function decodeDocument(bytes: Uint8Array, contentType?: string): DecodedDocument {
  const warnings: string[] = [];
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.skip), bom.encoding).replace(/^\uFEFF/, ''), encoding: bom.encoding, warnings };

  const declared = charsetOf(contentType) ?? declaredEncoding(bytes);
  const hasHighBytes = HIGH_BYTE.test(Buffer.from(bytes).toString('latin1'));
  const validUtf8 = !hasHighBytes || isValidUtf8(bytes);
  let encoding = declared ?? (validUtf8 ? 'utf-8' : guessEncoding(bytes, warnings));

  if (declared && !UTF8_LABELS.has(declared) && !iconv().encodingExists(declared)) {
    warnings.push(`unknown charset "${declared}"; read as ${validUtf8 ? 'utf-8' : 'windows-1252'}`);
    encoding = validUtf8 ? 'utf-8' : 'windows-1252';
  } else if (WINDOWS_1252_ALIASES.has(encoding)) {
    if (hasHighBytes && validUtf8) {
      warnings.push(`declared ${encoding} but the bytes are UTF-8; read as utf-8`);
      encoding = 'utf-8';
    } else {
      encoding = 'windows-1252';
    }
  } else if (UTF8_LABELS.has(encoding) && !validUtf8) {
    warnings.push('declared utf-8 but the bytes are not valid UTF-8; read as windows-1252');
    encoding = 'windows-1252';
  }
  return { text: decodeAs(bytes, encoding), encoding, warnings };
}
