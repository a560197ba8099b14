// The briefing in Markdown and HTML, rendered with Eta from the bundled templates or the user's own.
// Eta: small, maintained, no dependencies, and plain JavaScript inside tags, so a user's template can
// loop and branch without learning a new language.
import { readFileSync } from 'node:fs';
import { Eta, type TemplateFunction } from 'eta';
import type { BriefingView } from './view.js';
import { HTML_PARTS, MARKDOWN_PARTS, type TemplateParts } from './templates.js';
import { escapeMarkdownLinkText, escapeMarkdownText } from '../text/markdown-escape.js';

// Both escape every `<%= %>`: HTML as HTML, Markdown by writing <, > and & as character references,
// because a Markdown renderer passes raw HTML through. `<%~ %>` is raw, for markup the template makes itself.
const html = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], useWith: false });
const markdown = new Eta({ autoEscape: true, escapeFunction: (value) => escapeMarkdownText(String(value)), autoTrim: false, useWith: false });

/** A template the user named could not be read or rendered; the message names the file. */
export class TemplateError extends Error {}

/**
 * The briefing in Markdown, in pieces: a story at a time with the bundled template (a user's renders whole).
 * The briefing of 100,000 articles (16,121 stories, 28 MB) had been rendered into one string and flattened,
 * about 58 MB of the peak of publishing them.
 */
export function briefingMarkdownChunks(view: BriefingView, templateFile?: string): Iterable<string> {
  return tidyChunks(renderPieces(markdown, templateFile, MARKDOWN_PARTS, { ...view, md: escapeMarkdownLink, href: markdownHref }));
}

/** The briefing in HTML, in pieces, as briefingMarkdownChunks. */
export function briefingHtmlChunks(view: BriefingView, templateFile?: string): Iterable<string> {
  return renderPieces(html, templateFile, HTML_PARTS, view);
}

/** The Markdown briefing as one string. */
export function briefingMarkdown(view: BriefingView, templateFile?: string): string {
  return [...briefingMarkdownChunks(view, templateFile)].join('');
}

/** The HTML briefing as one string. */
export function briefingHtml(view: BriefingView, templateFile?: string): string {
  return [...briefingHtmlChunks(view, templateFile)].join('');
}

/**
 * Blank-line runs left by template loops collapse to one, so a user's template need not count newlines;
 * the text is trimmed and ends with one newline. Text given in pieces comes out in pieces, the same text as
 * if it had been given whole: the whitespace a piece ends with is held until the next piece shows whether it
 * is inner (collapsed with what follows) or the end (dropped).
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

/** A user's template file rendered whole, or the bundled template's parts a story at a time. */
function renderPieces<T extends BriefingView>(eta: Eta, file: string | undefined, parts: TemplateParts, data: T): Iterable<string> {
  if (file) return [renderFile(eta, file, data)];
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

function renderFile(eta: Eta, file: string, data: object): string {
  let template: string;
  try {
    template = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TemplateError(`publish: cannot read template ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check publish.templates in the config`);
  }
  try {
    return eta.renderString(template, data);
  } catch (error) {
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
