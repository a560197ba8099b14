// What follows the page's headline, read before Readability runs (it rewrites the document):
// - the lead (standfirst, teaser paragraph) that many sites print under the headline, in the article's
//   header rather than in its body. Readability scores the body's container and leaves the header out,
//   so the story would start at its second paragraph; index.ts puts it back when the body lacks it;
// - the first paragraph of the story after it: when Readability's body does not hold it, Readability
//   picked another story on the page (infinite scroll, a longer teaser list), and index.ts runs it again
//   on the part of the page around the headline (`keepAroundHeadline`).
import { classOf, ELEMENT_NODE, tagName, walk, type DomDocument, type DomElement, type DomNode } from './dom.js';
import { comparableText, normalizeSpace } from './html-text.js';

/** Class/id words of a lead, matched as whole words as in boilerplate.ts. "teaser" is not one: it names other stories. */
const LEAD_WORDS = ['lead', 'lede', 'intro', 'standfirst', 'abstract', 'summary', 'excerpt', 'deck', 'dek', 'subline', 'sapo', 'chapo', 'chapeau', 'vorspann', 'entradilla', 'bajada'];
const LEAD_PATTERN = new RegExp(`(?:^|[\\s_-])(?:${LEAD_WORDS.join('|')})(?=$|[\\s_-])`, 'i');
/** Tags a lead is written in; a lead is a paragraph, not a section of the page. */
const LEAD_TAGS = new Set(['p', 'div', 'h2', 'span', 'strong', 'section']);
/** The lead follows the headline closely: it is looked for among this many elements after the <h1>. */
const MAX_ELEMENTS_AFTER_HEADLINE = 40;
/** A lead is a sentence or a few; shorter lines are kickers, bylines or dates, longer blocks are bodies. */
const MIN_LEAD_CHARS = 60;
const MAX_LEAD_CHARS = 800;
const SENTENCE_END = /[.!?…"“”»«)]$/u;

/** The story's first paragraph is looked for among this many elements after the headline. */
const MAX_ELEMENTS_TO_FIRST_PARAGRAPH = 150;
/** "By Alex Heath, a deputy editor …", "Von Lars Fischer und …": a byline or an author's note, never the story's first paragraph. */
const BYLINE_START = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Pp]rzez)\s+\p{Lu}/u;
/** A paragraph this long is story text, not a kicker, date or caption. */
const MIN_PARAGRAPH_CHARS = 120;

export interface HeadlineAnchor {
  headline: DomElement | null;
  lead?: string;
  /** The first long <p> after the headline that is not the lead. */
  firstParagraph?: DomElement;
}

const CAPTION_TAGS = new Set(['figcaption', 'figure']);
/** A description cut short ("… in die Schl…") still names the lead it was cut from, when this much of it is left. */
const MIN_DESCRIPTION_PREFIX_CHARS = 100;
const CUT = /(?:\.\.\.|…)$/;

/** Inline elements a paragraph of text is written with. */
const TEXT_TAGS = new Set(['a', 'abbr', 'b', 'br', 'cite', 'em', 'i', 'mark', 'q', 'small', 'span', 'strong', 'sub', 'sup', 'time']);
function holdsTextOnly(element: DomElement): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && !TEXT_TAGS.has(tagName(child as DomElement))) return false;
  }
  return true;
}

/** True when a block's text is the page's description, or starts with a description that was cut short. */
function isDescription(text: string, description: string): boolean {
  if (text === description) return true;
  const kept = description.replace(CUT, '').trim();
  return kept.length >= MIN_DESCRIPTION_PREFIX_CHARS && text.startsWith(kept);
}

/** A lead is one paragraph: an unnamed element with more child nodes than this is a container, not read. */
const MAX_LEAD_CHILD_NODES = 5;
const isNamedLead = (element: DomElement): boolean =>
  element.hasAttributes() && (LEAD_PATTERN.test(classOf(element) ?? '') || LEAD_PATTERN.test(element.getAttribute('id') ?? ''));

/** Headings that may hold the headline: the one whose text is the title, else the first <h1>. */
const HEADLINE_TAGS = new Set(['h1', 'h2']);

/**
 * The text of the page's lead, right after its headline (the <h1> or <h2> whose text is `title`, else
 * the first <h1>): a lead-named element, a paragraph in the headline's <header>, or an element whose
 * text is the page's description (sites write the lead once and reuse it for sharing).
 */
export function readHeadline(document: DomDocument, title = '', description = ''): HeadlineAnchor {
  const root = document.body;
  if (!root) return { headline: null };
  const titleKey = comparableText(title);
  const descriptionKey = comparableText(description);
  const headline = findHeadline(root, titleKey);
  let headlineDone = false;
  let headerDepth = 0;
  let headlineHeader = -1;
  let after = 0;
  let lead: string | undefined;
  let firstParagraph: DomElement | undefined;
  walk(
    root,
    (node) => {
      if (node.nodeType !== ELEMENT_NODE || firstParagraph || after > MAX_ELEMENTS_TO_FIRST_PARAGRAPH) return false;
      const element = node as DomElement;
      const name = tagName(element);
      // A photo's caption is neither the lead nor the story's first paragraph.
      if (headlineDone && CAPTION_TAGS.has(name)) return false;
      if (name === 'header') headerDepth++;
      if (element === headline) {
        headlineHeader = headerDepth > 0 ? headerDepth : -1;
        return false;
      }
      if (!headlineDone) return true;
      after++;
      // Text only where it can matter: a container's text is its whole subtree's.
      // An element the page names its lead counts wherever it stands before the story's first paragraph.
      const leadCandidate =
        lead === undefined && LEAD_TAGS.has(name) && ((after <= MAX_ELEMENTS_AFTER_HEADLINE && (name === 'p' || element.childNodes.length <= MAX_LEAD_CHILD_NODES)) || isNamedLead(element));
      if (!leadCandidate && name !== 'p') return true;
      const text = normalizeSpace(element.textContent ?? '');
      if (leadCandidate && isLead(element, name, text)) {
        lead = text;
        return false;
      }
      if (name === 'p' && text.length >= MIN_PARAGRAPH_CHARS && !BYLINE_START.test(text)) {
        firstParagraph = element;
        return false;
      }
      return true;
    },
    (element) => {
      if (element === headline) headlineDone = true;
      if (tagName(element) === 'header') {
        if (headerDepth === headlineHeader) headlineHeader = -1; // left the headline's header
        headerDepth--;
      }
    },
  );
  function isLead(element: DomElement, name: string, text: string): boolean {
    if (text.length < MIN_LEAD_CHARS || text.length > MAX_LEAD_CHARS) return false;
    const named = isNamedLead(element);
    // A paragraph of text the page names its lead may end without a full stop (a standfirst often does);
    // a named container (a "lead-video" player with its caption) may not.
    if (named && (SENTENCE_END.test(text) || holdsTextOnly(element))) return true;
    if (!SENTENCE_END.test(text)) return false;
    return (name === 'p' && headlineHeader > 0 && headerDepth >= headlineHeader) || (descriptionKey !== '' && isDescription(comparableText(text), descriptionKey));
  }
  return { headline, ...(lead ? { lead } : {}), ...(firstParagraph ? { firstParagraph } : {}) };
}

/**
 * Reduces the page to the smallest part that holds both the headline and the story's first paragraph
 * (every sibling on the way up to <body> is removed). Undefined when the page has no such anchor;
 * `inArticle` when that part is an <article> or lies inside one: the page marks it as the story.
 */
export function keepAroundHeadline(document: DomDocument, title = '', description = ''): { inArticle: boolean } | undefined {
  const { headline, firstParagraph } = readHeadline(document, title, description);
  const body = document.body;
  if (!headline || !firstParagraph || !body) return undefined;
  const ancestors = new Set<DomElement>();
  for (let node: DomElement | null = headline; node; node = node.parentNode) ancestors.add(node);
  let common: DomElement | null = firstParagraph;
  while (common && !ancestors.has(common)) common = common.parentNode;
  if (!common || common === body) return undefined;
  let inArticle = false;
  for (let node: DomElement = common; node !== body && node.parentNode; node = node.parentNode) {
    if (tagName(node) === 'article') inArticle = true;
    for (let sibling = node.parentNode.firstChild; sibling; ) {
      const next: DomNode | null = sibling.nextSibling;
      if (sibling !== node) sibling.remove();
      sibling = next;
    }
  }
  return { inArticle };
}

/**
 * The heading whose text is the title; else the <h1> or <h2> that shares most of the title's words (a
 * title rewritten for search still shares most of them with the headline); else the first <h1>; null
 * when there is none of these.
 */
function findHeadline(root: DomElement, titleKey: string): DomElement | null {
  let first: DomElement | null = null;
  let titled: DomElement | null = null;
  let closest: DomElement | null = null;
  let best = MIN_HEADLINE_OVERLAP - Number.EPSILON;
  const titleWords = new Set(titleKey.split(WORD_SPLIT).filter(Boolean));
  walk(root, (node) => {
    if (titled || node.nodeType !== ELEMENT_NODE) return false;
    const element = node as DomElement;
    const name = tagName(element);
    if (!HEADLINE_TAGS.has(name)) return true;
    const key = comparableText(element.textContent ?? '');
    if (titleKey && key === titleKey) titled = element;
    else {
      if (!first && name === 'h1') first = element;
      const overlap = titleWords.size > 0 ? shared(titleWords, key) : 0;
      if (overlap > best) [best, closest] = [overlap, element];
    }
    return false;
  });
  return titled ?? closest ?? first;
}

/** Words split at anything that is not a letter or digit. */
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
/** A heading shares at least this share of the title's words (and of its own) to stand for the headline. */
const MIN_HEADLINE_OVERLAP = 0.5;

/** The smaller of the two shares of words the title and a heading have in common. */
function shared(titleWords: ReadonlySet<string>, heading: string): number {
  const words = new Set(heading.split(WORD_SPLIT).filter(Boolean));
  if (words.size === 0) return 0;
  let common = 0;
  for (const word of words) if (titleWords.has(word)) common++;
  return Math.min(common / titleWords.size, common / words.size);
}
