// What reaches a terminal from the news. A headline may carry ESC sequences (CSI colours and cursor
// moves, OSC window titles and hyperlinks), C1 controls or a carriage return that rewrites the line:
// printed raw, a feed would control the editor's terminal. Every human-readable line the CLI prints
// goes through terminalText, which shows such characters as visible escapes (\x1B) instead.

/**
 * C0 controls but tab and newline, DEL, C1 controls (U+0080–U+009F, CSI is U+009B) and the bidirectional
 * overrides that reorder what is shown (U+202A–U+202E, U+2066–U+2069).
 */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const visible = (c: string): string => {
  const code = c.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}` : `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
};

/** `text` with every character a terminal would act on shown as a visible escape. */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_CONTROL, visible);
}

/** Writes human output (or JSON, which never holds raw controls) to stdout, made safe for a terminal. */
export function printOut(text: string): void {
  process.stdout.write(terminalText(text));
}

/** Writes a message to stderr, made safe for a terminal. */
export function printErr(text: string): void {
  process.stderr.write(terminalText(text));
}

/** Styling the CLI adds itself (bold, erase line); only ever wrapped around text already made safe. */
export const STYLE = { bold: '\u001b[1m', normal: '\u001b[22m', eraseLine: '\r\u001b[K' } as const;
