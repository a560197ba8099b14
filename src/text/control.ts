// Characters no text from the news needs and some consumers choke on. XML 1.0 forbids most C0
// controls, U+FFFE, U+FFFF and unpaired surrogates even when escaped: one of them in a headline makes
// feed.xml or an OPML export not well-formed, and every reader then refuses the whole file.

/** What XML 1.0 forbids: C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF; lone surrogates. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** What a one-line title never holds: the above plus DEL and the C1 controls (U+0080–U+009F, which include CSI). */
const TITLE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Terminal escape sequences, removed whole so that no "[31m" is left behind: CSI (ESC [ or U+009B,
 * parameters, one final byte), OSC (ESC ] or U+009D up to BEL or ST) and the other two-character ESC forms.
 */
const ESCAPE_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-Z\\-_]/g;

/** `text` without the characters XML 1.0 forbids; everything else (tabs, newlines, any letter) is kept. */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** A title without escape sequences, control characters (C0, DEL, C1), unpaired surrogates and non-characters. */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(TITLE_FORBIDDEN, '');
}
