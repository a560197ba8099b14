// Finding the story's body (steps 3–5 of index.ts): Readability's best block, checked against what the
// page says around its headline, and asked again when it is not the story:
//   a. Readability on the page, with the boilerplate tagged (boilerplate.ts);
//   b. when its body lacks the story's first paragraph after the headline, Readability again on the part
//      of the page around the headline (lead.ts), taken when it holds that paragraph and is not a mere
//      teaser (or is an <article> of its own: a page that scrolls on into the next stories);
//   c. when that body is still the story without its opening paragraph (the paragraph sat in a container
//      of its own, just before), the paragraph is returned to be put back;
//   d. the tagged boilerplate and recirculation blocks removed from the body; when that leaves next to
//      nothing, the body was boilerplate, and Readability is asked again on the page without it.
import { Readability } from '@mozilla/readability';
import { ELEMENT_NODE, parseDocument, setDocumentUrl, type DomDocument, type DomElement } from './dom.js';
import { dropBoilerplate, isMarkedBoilerplate, markBoilerplate, removeBoilerplate } from './boilerplate.js';
import { isLinkDense, removeRecirculation } from './recirculation.js';
import { comparableText, normalizeSpace, textBlocks } from './html-text.js';
import { keepAroundHeadline, type HeadlineAnchor } from './lead.js';

/** The story's first paragraph after the headline is in the body when its first this many characters are. */
const PARAGRAPH_PROBE_CHARS = 80;
/** The body found around the headline replaces Readability's first choice only when it is at least this share of its length. */
const MIN_SECOND_BODY_SHARE = 0.5;
/**
 * ... whatever its share, when it is an <article> of its own of at least this many characters: a few
 * paragraphs, where a teaser under a headline is a sentence or two (200 characters).
 */
const MIN_OWN_ARTICLE_CHARS = 500;
/**
 * When removing boilerplate leaves less than this share of Readability's body, that body was the
 * boilerplate, and Readability is asked again without it.
 */
const MIN_KEPT_SHARE = 0.25;
/** The body's first block this long places it in the page (shorter ones are kickers, dates, captions). */
const MIN_OPENING_ANCHOR_CHARS = 120;
/**
 * Text between the opening paragraph and the body it is put back on, at most: a byline, a photo and its
 * caption, a share bar. Farther away, the paragraph is a side panel's or another teaser's.
 */
const MAX_OPENING_GAP_CHARS = 800;

/** Readability on `document`; the element itself instead of its serialized HTML: no second parse for the steps after. */
const readBody = (document: DomDocument) => new Readability(document as never, { serializer: (element: unknown) => element }).parse();

/** What the page says about itself that finding its body needs. */
export interface BodyHints {
  /** The page's title as metadata gives it: the headline is the heading that matches it. */
  title?: string;
  description?: string;
  documentUrl?: string;
  linkBase?: string;
}

/** Readability's result as read with an element serializer (`content` is the body's element). */
type ReadableResult = ReturnType<typeof readBody>;

export interface FoundBody {
  /** Readability's result, for what it read besides the body (byline, title, site name, language). */
  readable: ReadableResult;
  /** The body, boilerplate and recirculation removed; undefined when Readability found none. */
  root?: DomElement;
  /** The story's first paragraph, when the body holds the story but not its opening: to be put back on top. */
  opening?: string;
}

const textOf = (element: DomElement | undefined): string => (element ? comparableText(element.textContent ?? '') : '');

/**
 * The body of the page `document` was parsed from (`html`), read around `anchor` (readHeadline on the same
 * document). Tags the document's boilerplate, and Readability rewrites the document.
 */
export function findBody(html: string, document: DomDocument, anchor: HeadlineAnchor, hints: BodyHints): FoundBody {
  const reparse = (): DomDocument => {
    const again = parseDocument(html);
    if (hints.documentUrl && hints.linkBase) setDocumentUrl(again, hints.documentUrl, hints.linkBase);
    return again;
  };
  markBoilerplate(document);
  // Read before Readability rewrites the page (it moves and rewrites the paragraph); a paragraph in an
  // author box or an info panel is no story's opening.
  const firstParagraph = anchor.firstParagraph && isStoryParagraph(anchor.firstParagraph) ? normalizeSpace(anchor.firstParagraph.textContent ?? '') : '';
  const probe = firstParagraph && comparableText(firstParagraph).slice(0, PARAGRAPH_PROBE_CHARS);
  const readable = readBody(document);
  const first = textOf(readable?.content as unknown as DomElement | undefined);
  let opening: string | undefined;
  if (readable && first && probe && !first.includes(probe)) {
    // Readability chose another story than the headline's: ask again on the part of the page around the headline.
    const again = reparse();
    // The page's text in page order, read before anything is taken out of it.
    const pageText = textOf(again.body ?? undefined);
    const kept = keepAroundHeadline(again, hints.title, hints.description);
    if (kept) {
      markBoilerplate(again);
      const content = readBody(again)?.content as unknown as DomElement | undefined;
      const found = textOf(content);
      // A much shorter body around the headline is its teaser, not the story Readability missed, unless
      // the page puts headline and paragraphs in an <article> of their own (the next stories follow it).
      const ownArticle = kept.inArticle && found.length >= MIN_OWN_ARTICLE_CHARS;
      if (content && found.includes(probe) && (ownArticle || found.length >= MIN_SECOND_BODY_SHARE * first.length)) readable.content = content as never;
    }
    const body = readable.content as unknown as DomElement;
    if (!textOf(body).includes(probe) && precedesBody(pageText, firstParagraph, body)) opening = firstParagraph;
  }

  let root = readable?.content as unknown as DomElement | undefined;
  if (root) {
    const found = textOf(root).length;
    removeBoilerplate(root);
    removeRecirculation(root);
    if (textOf(root).length < MIN_KEPT_SHARE * found) {
      // Readability's best block was mostly boilerplate (a cookie notice beside a short post): ask it
      // again on the page without the boilerplate, and keep whichever body holds more.
      const again = reparse();
      if (dropBoilerplate(again) > 0) {
        const content = readBody(again)?.content as unknown as DomElement | undefined;
        if (content) {
          removeRecirculation(content);
          if (textOf(content).length > textOf(root).length) root = content;
        }
      }
    }
  }
  return { readable, ...(root ? { root } : {}), ...(opening ? { opening } : {}) };
}

/**
 * True when the story's first paragraph (`opening`) ends shortly before the body Readability found starts,
 * in the page's text: Readability kept the story and left out its opening (it sat in a container of its
 * own), rather than picking something else. The body is placed by its first paragraph-length block.
 */
function precedesBody(pageText: string, opening: string, body: DomElement): boolean {
  const start = textBlocks(body).find((b) => b.text.length >= MIN_OPENING_ANCHOR_CHARS);
  if (!start) return false;
  const at = pageText.indexOf(comparableText(start.text).slice(0, PARAGRAPH_PROBE_CHARS));
  const key = comparableText(opening);
  const from = pageText.indexOf(key.slice(0, PARAGRAPH_PROBE_CHARS));
  const gap = at - (from + key.length);
  return from >= 0 && gap >= 0 && gap <= MAX_OPENING_GAP_CHARS;
}

/** Not marked as boilerplate, not hidden, not a list of links: a paragraph the story may open with. */
function isStoryParagraph(paragraph: DomElement): boolean {
  if (isMarkedBoilerplate(paragraph) || isLinkDense(paragraph)) return false;
  for (let node: DomElement | null = paragraph; node && node.nodeType === ELEMENT_NODE; node = node.parentNode) {
    if (!node.hasAttributes()) continue;
    if (node.getAttribute('hidden') !== null || node.getAttribute('aria-hidden') === 'true' || /display:\s*none/i.test(node.getAttribute('style') ?? '')) return false;
  }
  return true;
}
