// Text from the news placed into Markdown. A Markdown renderer passes raw HTML through, so a headline or
// sentence holding `<script>` (an article about web pages, or a hostile page) would run in whatever
// renders briefing.md or an article file, and `[click](javascript:…)` written in a sentence becomes a
// link. Text is written with <, > and & as HTML character references, and a backslash before every
// backslash and before each `]` that would close a link (`](`, `][`, `]:`), which every renderer shows as
// the characters themselves; a citation like "[2]" stays as written. Readers of our files decode it.

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', ']': '\\]', '\\': '\\\\' };
const UNESCAPES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '\\]': ']', '\\[': '[', '\\\\': '\\' };

/** `text` safe to place into Markdown: no raw markup survives rendering, and no link can be formed. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[&<>\\]|\](?=[([:])/g, (c) => ESCAPES[c]!);
}

/** Link text: like any text, and every bracket escaped so that it cannot end the link early. */
export function escapeMarkdownLinkText(text: string): string {
  return escapeMarkdownText(text).replace(/(?<!\\)\[|(?<!\\)\]/g, (c) => `\\${c}`);
}

/** The text escapeMarkdownText (or escapeMarkdownLinkText) was given back, for reading our own files. */
export function unescapeMarkdownText(text: string): string {
  return text.replace(/&(?:amp|lt|gt);|\\[[\]\\]/g, (escaped) => UNESCAPES[escaped]!);
}
