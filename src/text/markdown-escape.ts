// Text from the news placed into Markdown. A Markdown renderer passes raw HTML through, so a headline or
// sentence holding `<script>` (an article about web pages, or a hostile page) would run in whatever
// renders briefing.md or an article file, and `[click](javascript:…)` written in a sentence becomes a
// link. Text is written with <, > and & as HTML character references and with [, ] and \ escaped by a
// backslash, which every renderer shows as the characters themselves; readers of our own files decode them.

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '[': '\\[', ']': '\\]', '\\': '\\\\' };
const UNESCAPES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '\\[': '[', '\\]': ']', '\\\\': '\\' };

/** `text` safe to place into Markdown: no raw markup survives rendering, and no link can be formed. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[&<>[\]\\]/g, (c) => ESCAPES[c]!);
}

/** The text escapeMarkdownText was given back (for reading our own Markdown files). */
export function unescapeMarkdownText(text: string): string {
  return text.replace(/&(?:amp|lt|gt);|\\[[\]\\]/g, (escaped) => UNESCAPES[escaped]!);
}
