// News boilerplate removed from the body Readability found: share bars, newsletter boxes, related-link
// blocks, cookie/consent and paywall banners, author bios, captions and image credits. Readability
// judges blocks by text and link density; these blocks are often text-dense enough to survive it (a
// newsletter pitch, a bio, a caption), but sites name them plainly in class or id.
// Two passes: `markBoilerplate` tags the blocks on the whole page (where class and id are intact) and
// `removeBoilerplate` deletes the tagged ones from Readability's result. Removing them before
// Readability would change which container it scores highest (it can then pick a comment thread), and
// looking only at its result is too late: it strips classes and unwraps single-child containers.
import { CDATA_SECTION_NODE, classOf, ELEMENT_NODE, TEXT_NODE, tagName, walk, type DomDocument, type DomElement } from './dom.js';

/**
 * Class/id words that mark a boilerplate block. Matched as whole words inside the class or id
 * (`share-bar`, `c-newsletter`, `related_links`), never as substrings, so `shareholders` or
 * `unrelated` do not match.
 */
const BOILERPLATE_WORDS = [
  'share', 'sharing', 'sharebar', 'social', 'newsletter', 'signup', 'sign-up', 'subscribe', 'subscription',
  'related', 'recommended', 'read-more', 'readmore', 'more-stories', 'most-read', 'most-popular', 'trending',
  'cookie', 'cookies', 'consent', 'gdpr', 'paywall', 'regwall', 'promo', 'author-bio', 'about-author', 'bio-box', 'caption', 'credit', 'credits', 'photo-credit', 'image-credit', 'outbrain',
  // Captions and paywalls as sites in other languages name them (Italian "didascalia", German "Bildunterschrift", French "payant").
  'dida', 'didascalia', 'legende', 'bildunterschrift', 'bildtext', 'payant', 'news-letter', 'tag-links',
  'taboola', 'sponsored', 'breadcrumb', 'breadcrumbs', 'comments', 'comment-count', 'footer', 'site-footer',
  // Promoted, sponsored and recirculation containers, and the widgets of the networks that fill them.
  'promoted', 'sponsor', 'sponsored-content', 'partner-content', 'native-ad', 'recirc', 'recirculation', 'more-from', 'most-viewed',
  'most-shared', 'read-next', 'up-next', 'you-may-like', 'ad', 'ads', 'advert', 'advertisement', 'ad-slot', 'ad-container', 'adsense',
  'dianomi', 'zergnet', 'revcontent', 'mgid', 'plista', 'ob-widget', 'trc_related_container',
  // Page furniture around a story: its table of contents, meta line, tags, sources, author box, rating.
  'toc', 'ez-toc-container', 'table-of-contents', 'postmetadata', 'post-meta', 'entry-meta', 'article-meta', 'meta',
  'sources', 'imagedescription', 'image-description', 'author-box', 'authorbox', 'about-the-author', 'author-info',
  'tags', 'tag-list', 'post-tags', 'entry-tags', 'post-categories', 'rating', 'print',
];
const BOILERPLATE_PATTERN = new RegExp(`(?:^|[\\s_-])(?:${BOILERPLATE_WORDS.map((w) => w.replace('-', '[-_]?')).join('|')})(?=$|[\\s_-])`, 'i');

/**
 * A marked block longer than this is not removed: a wrapper whose class merely mentions "share" but
 * holds the story must survive. The longest newsletter box or bio in common templates is well under it.
 */
const MAX_BOILERPLATE_CHARS = 1200;

/** Elements that are boilerplate by tag or role alone (and a <footer> directly inside <body>). */
const BOILERPLATE_TAGS = new Set(['figcaption']);
const BOILERPLATE_ROLES = new Set(['dialog', 'alertdialog', 'complementary', 'contentinfo']);

/**
 * A block holding the byline is kept whatever its class says (templates put the byline inside
 * "share" headers and "caption meta" lists); Readability reads the author from it. The markers:
 * rel~=author (rel compares case-insensitively, as in CSS), itemprop~=author, "byline" in the class.
 */
const AUTHOR_TOKEN = /(?:^|\s)author(?:$|\s)/;
const AUTHOR_TOKEN_ANY_CASE = /(?:^|\s)author(?:$|\s)/i;
const isBylineMarker = (element: DomElement, className: string): boolean =>
  className.includes('byline') || AUTHOR_TOKEN_ANY_CASE.test(element.getAttribute('rel') ?? '') || AUTHOR_TOKEN.test(element.getAttribute('itemprop') ?? '');

/** Containers never removed, whatever their class says: they may be the article itself. */
const PROTECTED_TAGS = new Set(['html', 'body', 'main', 'article']);
/**
 * A link in a heading or a paragraph is never removed for its class: the class names what the link does
 * ("toc-backref" back to a table of contents, "share-link") while its text is words of the heading or sentence.
 */
const TEXT_PARENTS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const isLinkInText = (element: DomElement, name: string): boolean =>
  name === 'a' && element.parentNode !== null && TEXT_PARENTS.has(tagName(element.parentNode));

/** The mark; a data attribute, because Readability keeps those while it drops classes. */
const MARK = 'data-newsdesk-boilerplate';

const markedAsBoilerplate = (element: DomElement, className: string): boolean =>
  BOILERPLATE_PATTERN.test(className) || BOILERPLATE_PATTERN.test(element.getAttribute('id') ?? '');

/** Boilerplate by tag or role alone; `inBody` adds a <footer> that is a child of <body>. */
function boilerplateByTag(element: DomElement, name: string, inBody: boolean): boolean {
  if (BOILERPLATE_TAGS.has(name) || (inBody && name === 'footer' && element.parentNode !== null && tagName(element.parentNode) === 'body')) return true;
  if (!element.hasAttributes()) return false;
  const role = element.getAttribute('role');
  return (role !== null && BOILERPLATE_ROLES.has(role)) || element.getAttribute('aria-modal') === 'true';
}

/** Tags boilerplate blocks of the page, and everything inside them; returns how many blocks. */
export function markBoilerplate(document: DomDocument): number {
  const root = document.body;
  if (!root) return 0;
  // One post-order walk: whether a block qualifies depends on its whole subtree (text length, byline).
  // Two stacks, one entry per open element: text length and "holds a byline marker" of its subtree so far.
  const blocks: DomElement[] = [];
  const chars: number[] = [];
  const byline: boolean[] = [];
  walk(
    root,
    (node) => {
      if (node.nodeType === ELEMENT_NODE) {
        chars.push(0);
        byline.push(false);
      } else if ((node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) && chars.length > 0) {
        // Trimmed: the indentation of pretty-printed markup is not text, and would push a small block over the cap.
        chars[chars.length - 1]! += (node.textContent ?? '').trim().length;
      }
    },
    (element) => {
      const ownChars = chars.pop()!;
      const ownByline = byline.pop()!;
      const attributes = element.hasAttributes();
      const className = attributes ? classOf(element) ?? '' : '';
      const top = chars.length - 1;
      if (top >= 0) {
        chars[top]! += ownChars;
        if (!byline[top]) byline[top] = ownByline || (attributes && isBylineMarker(element, className));
      }
      if (element === root) return;
      const name = tagName(element);
      if (boilerplateByTag(element, name, true)) blocks.push(element);
      else if (attributes && !PROTECTED_TAGS.has(name) && ownChars <= MAX_BOILERPLATE_CHARS && !ownByline && markedAsBoilerplate(element, className) && !isLinkInText(element, name)) blocks.push(element);
    },
  );
  // Readability may unwrap a block and keep only its child, so everything inside a block carries the
  // mark too. Blocks were found inner first; marking outer ones first lets inner ones be skipped.
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.getAttribute(MARK) !== null) continue;
    walk(block, (node) => {
      if (node.nodeType !== ELEMENT_NODE) return false;
      (node as DomElement).setAttribute(MARK, '');
    });
  }
  return blocks.length;
}

/** True when markBoilerplate tagged `element` (or a block around it). */
export const isMarkedBoilerplate = (element: DomElement): boolean => element.getAttribute(MARK) !== null;

/** Removes the tagged blocks below `root` (Readability's result) in place; returns how many. */
export function removeBoilerplate(root: DomElement): number {
  const tagged: DomElement[] = [];
  walk(root, (node) => {
    if (node.nodeType !== ELEMENT_NODE) return false;
    const element = node as DomElement;
    if (element === root || (element.getAttribute(MARK) === null && !boilerplateByTag(element, tagName(element), false))) return true;
    tagged.push(element);
    return false; // everything inside goes with it
  });
  for (const element of tagged) element.remove();
  return tagged.length;
}

/** Marks the page's boilerplate blocks and removes them from the page itself; returns how many. */
export function dropBoilerplate(document: DomDocument): number {
  const root = document.body;
  if (!root || markBoilerplate(document) === 0) return 0;
  return removeBoilerplate(root);
}
