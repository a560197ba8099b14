// The briefing in Markdown and HTML, rendered with Eta from the bundled templates or the user's own.
// Eta: small, maintained, no dependencies, and plain JavaScript inside tags, so a user's template can
// loop and branch without learning a new language.
import { readFileSync } from 'node:fs';
import { Eta } from 'eta';
import type { BriefingView } from './view.js';
import { HTML_TEMPLATE, MARKDOWN_TEMPLATE } from './templates.js';
import { escapeMarkdownLinkText, escapeMarkdownText } from '../text/markdown-escape.js';

// Both escape every `<%= %>`: HTML as HTML, Markdown by writing <, > and & as character references,
// because a Markdown renderer passes raw HTML through. `<%~ %>` is raw, for markup the template makes itself.
const html = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], useWith: false });
const markdown = new Eta({ autoEscape: true, escapeFunction: (value) => escapeMarkdownText(String(value)), autoTrim: false, useWith: false });

/** A template the user named could not be read or rendered; the message names the file. */
export class TemplateError extends Error {}

export function briefingMarkdown(view: BriefingView, templateFile?: string): string {
  return tidyMarkdown(render(markdown, templateFile, MARKDOWN_TEMPLATE, { ...view, md: escapeMarkdownLink, href: markdownHref }));
}

/**
 * Blank-line runs left by template loops collapse to one, so a user's template need not count newlines;
 * the text is trimmed and ends with one newline. Made with one copy of the text: a briefing of 100,000
 * candidates is 28 MB, and collapsing, trimming and appending the newline each copied it.
 */
export function tidyMarkdown(text: string): string {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (end <= start) return '\n';
  // The newline after the last line is kept from the text when it is there, so nothing is appended.
  const body = text.charAt(end) === '\n' ? text.slice(start, end + 1) : `${text.slice(start, end)}\n`;
  return body.replace(/\n{3,}/g, '\n\n');
}

export function briefingHtml(view: BriefingView, templateFile?: string): string {
  return render(html, templateFile, HTML_TEMPLATE, view);
}

function render(eta: Eta, file: string | undefined, fallback: string, data: object): string {
  let template = fallback;
  if (file) {
    try {
      template = readFileSync(file, 'utf8');
    } catch (error) {
      throw new TemplateError(`publish: cannot read template ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check publish.templates in the config`);
    }
  }
  try {
    return eta.renderString(template, data);
  } catch (error) {
    if (!file) throw error;
    throw new TemplateError(`publish: template ${file} failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** A link destination: characters that would end it or start markup are percent-encoded. */
function markdownHref(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Link text: escaped like any text, and every bracket, so that a title cannot end the link early. */
function escapeMarkdownLink(text: string): string {
  return escapeMarkdownLinkText(text);
}
