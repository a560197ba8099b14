// The lead (standfirst, teaser paragraph) that many sites print under the headline, in the article's
// header rather than in its body. Readability scores the body's container and leaves the header out,
// so the story would start at its second paragraph. Found before Readability runs (it rewrites the
// document); index.ts puts it back at the top of the body when the body does not already hold it.
import { classOf, ELEMENT_NODE, tagName, walk, type DomDocument, type DomElement } from './dom.js';
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

/** Headings that may hold the headline: the one whose text is the title, else the first <h1>. */
const HEADLINE_TAGS = new Set(['h1', 'h2']);

/**
 * The text of the page's lead, right after its headline (the <h1> or <h2> whose text is `title`, else
 * the first <h1>): a lead-named element, a paragraph in the headline's <header>, or an element whose
 * text is the page's description (sites write the lead once and reuse it for sharing).
 */
export function findLead(document: DomDocument, title = '', description = ''): string | undefined {
  const root = document.body;
  if (!root) return undefined;
  const titleKey = comparableText(title);
  const descriptionKey = comparableText(description);
  const headline = findHeadline(root, titleKey);
  let headlineDone = false;
  let headerDepth = 0;
  let headlineHeader = -1;
  let after = 0;
  let lead: string | undefined;
  walk(
    root,
    (node) => {
      if (node.nodeType !== ELEMENT_NODE || lead !== undefined || after > MAX_ELEMENTS_AFTER_HEADLINE) return false;
      const element = node as DomElement;
      const name = tagName(element);
      if (name === 'header') headerDepth++;
      if (element === headline) {
        headlineHeader = headerDepth > 0 ? headerDepth : -1;
        return false;
      }
      if (!headlineDone) return true;
      after++;
      if (!LEAD_TAGS.has(name)) return true;
      const named = element.hasAttributes() && (LEAD_PATTERN.test(classOf(element) ?? '') || LEAD_PATTERN.test(element.getAttribute('id') ?? ''));
      const inHeadlineHeader = name === 'p' && headlineHeader > 0 && headerDepth >= headlineHeader;
      const text = !named && !inHeadlineHeader && !descriptionKey ? '' : normalizeSpace(element.textContent ?? '');
      if (!named && !inHeadlineHeader && (!text || comparableText(text) !== descriptionKey)) return true;
      if (text.length >= MIN_LEAD_CHARS && text.length <= MAX_LEAD_CHARS && SENTENCE_END.test(text)) {
        lead = text;
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
  return lead;
}

/** The heading whose text is the title, else the first <h1>; null when there is neither. */
function findHeadline(root: DomElement, titleKey: string): DomElement | null {
  let first: DomElement | null = null;
  let titled: DomElement | null = null;
  walk(root, (node) => {
    if (titled || node.nodeType !== ELEMENT_NODE) return false;
    const element = node as DomElement;
    const name = tagName(element);
    if (!HEADLINE_TAGS.has(name)) return true;
    if (titleKey && comparableText(element.textContent ?? '') === titleKey) titled = element;
    else if (!first && name === 'h1') first = element;
    return false;
  });
  return titled ?? first;
}
