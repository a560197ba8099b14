// The extract stage: one HTML page → its article body and the metadata editors need.
// Steps, in order:
//   1. cap the input's size and nesting depth (a runaway page must not stall a run or overflow the
//      stack) and parse it into a server-side DOM (linkedom);
//   2. read metadata (JSON-LD, OpenGraph, Twitter cards, meta, <time>, canonical link, <html lang>; order
//      in metadata.ts) — before step 4, because Readability rewrites the document it is given;
//   3. find the body with Readability, which drops navigation, footers and other low-text blocks, and
//      makes the links and images it keeps absolute (against <base href>, the page URL, or else the
//      canonical URL); checked against the story's first paragraph after its headline and asked again
//      around the headline when it picked something else (body.ts, lead.ts);
//   4. remove news boilerplate that Readability tends to keep, by class/id and tag (boilerplate.ts;
//      tagged on the whole page before step 3, removed from its result after);
//   5. remove promoted, sponsored and recirculation blocks that name themselves so ("Recommended for
//      you", "More from …", "Auch interessant") or that end the body after such a heading (recirculation.ts);
//   6. clean the body: repeated headline, byline and dateline lines, promo lines, credits, bios, small
//      print (cleanup.ts); put back the lead and the opening paragraph Readability left out;
//   7. fall back to JSON-LD articleBody when the page states a body much longer than the one found;
//   8. detect the language from the text when the page does not declare one.
import { parseByline, uniqueNames } from './byline.js';
import { toUtcIso } from './date.js';
import { parseDocument, setDocumentUrl, type DomElement } from './dom.js';
import { cleanBody, isBoilerplateLine } from './cleanup.js';
import { comparableText, normalizeSpace, textBlocks, type TextBlock } from './html-text.js';
import { articleLanguage } from '../text/language.js';
import { blocksToMarkdown } from './markdown.js';
import { readMetadata } from './metadata.js';
import { limitNesting, MAX_NESTING_DEPTH } from './nesting.js';
import { readHeadline } from './lead.js';
import { findBody } from './body.js';

export { comparableText, elementToText, htmlToText, normalizeSpace, textBlocks } from './html-text.js';
export { publisherNameOfFeed, publisherSlug, slugifyPublisherName } from './publisher.js';
export { parseByline } from './byline.js';
export { toUtcIso } from './date.js';
export { decodeHtml } from './decode.js';

export interface ExtractedArticle {
  title: string;
  byline: string[];
  /** UTC ISO 8601. */
  published?: string;
  /** UTC ISO 8601. */
  modified?: string;
  /** `link[rel=canonical]`, else `og:url`, else JSON-LD url, made absolute. */
  canonicalUrl?: string;
  /** `og:url`, else JSON-LD url, made absolute: where a saved page says it lives when its canonical names another site. */
  ownUrl?: string;
  /** JSON-LD publisher name or `og:site_name`. */
  siteName?: string;
  /** As the page declares it (`en-GB`), else detected from the text (`en`). */
  lang?: string;
  description?: string;
  image?: string;
  section?: string;
  /** Body text, paragraphs separated by blank lines; "" when no body was found. */
  text: string;
  /** The cleaned body as HTML. */
  html: string;
  /** The body as Markdown: headings, lists and quotes kept. */
  markdown: string;
  warnings: string[];
}

export const WARNING_NO_BODY = 'no article body found';
export const WARNING_NO_TITLE = 'no title found';
export const WARNING_EMPTY = 'the page is empty';
export const WARNING_NOT_HTML = 'the input has no HTML tags; read as text';

/**
 * Larger inputs are cut here with a warning: real article pages are well under 2 MB of HTML, and the
 * DOM of a 10 MB page costs a second or more and hundreds of MB.
 */
export const MAX_HTML_CHARS = 5_000_000;
/**
 * Readability always returns its best block; on a page with no story that is a menu or a list of
 * headlines. A body shorter than this with no sentence in it is taken for one. The shortest news
 * briefs are a couple of sentences, so they still pass.
 */
export const MIN_BODY_WORDS = 20;
const SENTENCE_END = /[.!?…。！？]/;
/** JSON-LD articleBody replaces the found body only when it has this many times the words. */
const ARTICLE_BODY_MIN_RATIO = 1.5;
const HTML_TAG = /<[a-z!/]/i;
const BODY_TAG = /<body[\s>]/i;
const TRUNCATED = /(?:\.\.\.|…|\[…\])$/;
/** A description is taken for a printed lead only at a lead's length (as in lead.ts). */
const MIN_LEAD_CHARS = 60;
const MAX_LEAD_CHARS = 800;
/** A lead counts as already in the body when its first this many characters are. */
const LEAD_PROBE_CHARS = 60;
const wordCount = (text: string): number => (text.match(/\S+/g) ?? []).length;
const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page's description when the page also prints it (its start appears in the markup after <body>):
 * a lead the headline anchor did not find. A truncated description ("…") is a summary, not the lead.
 */
function visibleDescription(html: string, description: string | undefined): string | undefined {
  if (!description || description.length < MIN_LEAD_CHARS || description.length > MAX_LEAD_CHARS || TRUNCATED.test(description)) return undefined;
  const body = html.search(BODY_TAG);
  return body >= 0 && html.indexOf(description.slice(0, LEAD_PROBE_CHARS), body) >= 0 ? description : undefined;
}

/** Puts the page's lead back at the top of the body when Readability left it out (lead.ts). */
function restoreLead(root: DomElement, lead: string): void {
  const body = comparableText(root.textContent ?? '');
  if (!body || body.includes(comparableText(lead).slice(0, LEAD_PROBE_CHARS))) return;
  root.insertAdjacentHTML('afterbegin', `<p>${escapeHtml(lead)}</p>`);
}

function emptyArticle(warnings: string[]): ExtractedArticle {
  return { title: '', byline: [], text: '', html: '', markdown: '', warnings: [...warnings, WARNING_NO_TITLE, WARNING_NO_BODY] };
}

/** Extracts the article of one HTML page. `url` is where the page came from, to resolve relative links. */
export function extractArticle(input: string, url?: string): ExtractedArticle {
  const warnings: string[] = [];
  if (!input.trim()) return emptyArticle([WARNING_EMPTY]);
  let html = input;
  if (html.length > MAX_HTML_CHARS) {
    warnings.push(`the page has ${(html.length / 1e6).toFixed(1)} million characters; only the first ${MAX_HTML_CHARS / 1e6} million were read`);
    html = html.slice(0, MAX_HTML_CHARS);
  }
  if (!HTML_TAG.test(html)) warnings.push(WARNING_NOT_HTML);
  const limited = limitNesting(html);
  if (limited.html !== html) {
    warnings.push(`the page nests elements ${limited.depth} levels deep; structure below level ${MAX_NESTING_DEPTH} was flattened`);
    html = limited.html;
  }

  const document = parseDocument(html);
  const metadata = readMetadata(document, url);
  for (const warning of metadata.warnings) warnings.push(warning);

  if (metadata.documentUrl && metadata.linkBase) setDocumentUrl(document, metadata.documentUrl, metadata.linkBase);
  const titleHint = metadata.metaTitle ?? metadata.documentTitle;
  const anchor = readHeadline(document, titleHint, metadata.description);
  const lead = anchor.lead ?? visibleDescription(html, metadata.description);
  const { readable, root, opening } = findBody(html, document, anchor, {
    title: titleHint,
    description: metadata.description,
    documentUrl: metadata.documentUrl,
    linkBase: metadata.linkBase,
  });
  // Readability's title is the <title> as written when it found nothing better; ours drops the " – Site".
  const readableTitle = normalizeSpace(readable?.title ?? '');
  const pageTitle = readableTitle && readableTitle !== metadata.rawTitle ? readableTitle : metadata.documentTitle ?? readableTitle;
  const title = metadata.metaTitle ?? (pageTitle || undefined) ?? '';
  if (!title) warnings.push(WARNING_NO_TITLE);

  const metaByline = metadata.byline.length > 0 ? metadata.byline : parseByline(readable?.byline);
  const bodyByline = root ? cleanBody(root, title, metaByline) : [];
  if (root && opening && !isBoilerplateLine(opening)) restoreLead(root, opening);
  if (root && lead && !isBoilerplateLine(lead)) restoreLead(root, lead);
  let blocks: TextBlock[] = root ? textBlocks(root, { links: true }) : [];
  // Readability creates its wrappers as "DIV"; linkedom serializes the name as created.
  let bodyHtml = root ? root.innerHTML.trim().replace(/<(\/?)DIV\b/g, '<$1div') : '';

  const stated = metadata.articleBody;
  if (stated && wordCount(stated) >= ARTICLE_BODY_MIN_RATIO * Math.max(1, wordCount(blocks.map((b) => b.text).join(' ')))) {
    const paragraphs = stated.split(/\n\s*\n|\n/).map(normalizeSpace).filter(Boolean);
    // A stated body often leaves out the lead the page prints above it: put it back as on the found body.
    if (lead && !isBoilerplateLine(lead) && !comparableText(stated).includes(comparableText(lead).slice(0, LEAD_PROBE_CHARS))) paragraphs.unshift(normalizeSpace(lead));
    blocks = paragraphs.map((text) => ({ text, tag: 'p', quoteDepth: 0 }));
    bodyHtml = blocks.map((b) => `<p>${escapeHtml(b.text)}</p>`).join('\n');
  }
  const found = blocks.map((b) => b.text).join(' ');
  if (wordCount(found) < MIN_BODY_WORDS && !SENTENCE_END.test(found)) blocks = [];
  const text = blocks.map((b) => b.text).join('\n\n');
  if (!text) warnings.push(WARNING_NO_BODY);

  const byline = uniqueNames(metaByline.length > 0 ? metaByline : bodyByline);
  const published = metadata.published ?? toUtcIso(readable?.publishedTime);
  const siteName = metadata.siteName ?? (normalizeSpace(readable?.siteName ?? '') || undefined);
  // Declared first (the page's own metadata, then <html lang>); otherwise read from the body, like plain text.
  const lang = metadata.lang ?? (readable?.lang?.trim() || articleLanguage(text));
  const optional = {
    published,
    modified: metadata.modified,
    canonicalUrl: metadata.canonicalUrl,
    ownUrl: metadata.ownUrl,
    siteName,
    lang,
    description: metadata.description ?? (normalizeSpace(readable?.excerpt ?? '') || undefined),
    image: metadata.image,
    section: metadata.section,
  };
  return {
    title,
    byline,
    text,
    html: text ? bodyHtml : '',
    markdown: blocksToMarkdown(blocks),
    warnings,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v)),
  };
}
