// The briefing in Markdown and HTML, rendered with Eta from the bundled templates or the user's own.
// Eta: small, maintained, no dependencies, and plain JavaScript inside tags, so a user's template can
// loop and branch without learning a new language.
import { readFileSync } from 'node:fs';
import { Eta, type TemplateFunction } from 'eta';
import type { BriefingView } from './view.js';
import { HTML_PARTS, HTML_TEMPLATE, MARKDOWN_PARTS, MARKDOWN_TEMPLATE, type TemplateParts } from './templates.js';
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

/**
 * briefingMarkdown's text in pieces, a story at a time with the bundled template (a user's renders whole):
 * the briefing of 100,000 articles (16,121 stories, 28 MB) had been rendered into one string and flattened,
 * about 58 MB of the peak of publishing them.
 */
export function briefingMarkdownChunks(view: BriefingView, templateFile?: string): Iterable<string> {
  return tidyChunks(renderPieces(markdown, templateFile, MARKDOWN_TEMPLATE, MARKDOWN_PARTS, { ...view, md: escapeMarkdownLink, href: markdownHref }));
}

/** briefingHtml's text in pieces, as briefingMarkdownChunks. */
export function briefingHtmlChunks(view: BriefingView, templateFile?: string): Iterable<string> {
  return renderPieces(html, templateFile, HTML_TEMPLATE, HTML_PARTS, view);
}

/**
 * tidyMarkdown over text given in pieces, in pieces: the same text as tidyMarkdown of them joined. The
 * whitespace a piece ends with is held until the next piece shows whether it is inner (collapsed with
 * what follows) or the end (dropped).
 */
export function* tidyChunks(chunks: Iterable<string>): Generator<string> {
  let held = '';
  let started = false;
  for (const chunk of chunks) {
    let text = held + chunk;
    if (!started) {
      text = text.trimStart();
      if (text === '') continue;
      started = true;
    }
    const end = text.trimEnd().length;
    held = text.slice(end);
    if (end > 0) yield text.slice(0, end).replace(/\n{3,}/g, '\n\n');
  }
  yield '\n';
}

/** Compiled bundled parts, by renderer and template text: a briefing renders its story part thousands of times. */
const compiledParts = new Map<Eta, Map<string, TemplateFunction>>();

function renderPieces<T extends BriefingView>(eta: Eta, file: string | undefined, fallback: string, parts: TemplateParts, data: T): Iterable<string> {
  if (file) return [render(eta, file, fallback, data)];
  const cache = compiledParts.get(eta) ?? new Map<string, TemplateFunction>();
  compiledParts.set(eta, cache);
  const compiled = (template: string): TemplateFunction => {
    let fn = cache.get(template);
    if (!fn) cache.set(template, (fn = eta.compile(template)));
    return fn;
  };
  return (function* () {
    yield eta.render(compiled(parts.head), data);
    const story = compiled(parts.story);
    for (const one of data.stories) yield eta.render(story, { ...data, story: one });
    yield eta.render(compiled(parts.foot), data);
  })();
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
