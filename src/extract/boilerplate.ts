// News boilerplate removed from the body Readability found: share bars, newsletter boxes, related-link
// blocks, cookie/consent and paywall banners, author bios, captions and image credits. Readability
// judges blocks by text and link density; these blocks are often text-dense enough to survive it (a
// newsletter pitch, a bio, a caption), but sites name them plainly in class or id.
// Two passes: `markBoilerplate` tags the blocks on the whole page (where class and id are intact) and
// `removeBoilerplate` deletes the tagged ones from Readability's result. Removing them before
// Readability would change which container it scores highest (it can then pick a comment thread), and
// looking only at its result is too late: it strips classes and unwraps single-child containers.
import { all, type DomDocument, type DomElement } from './dom.js';

/**
 * Class/id words that mark a boilerplate block. Matched as whole words inside the class or id
 * (`share-bar`, `c-newsletter`, `related_links`), never as substrings, so `shareholders` or
 * `unrelated` do not match.
 */
const BOILERPLATE_WORDS = [
  'share', 'sharing', 'sharebar', 'social', 'newsletter', 'signup', 'sign-up', 'subscribe', 'subscription',
  'related', 'recommended', 'read-more', 'readmore', 'more-stories', 'most-read', 'most-popular', 'trending',
  'cookie', 'cookies', 'consent', 'gdpr', 'paywall', 'regwall', 'promo', 'author-bio', 'about-author', 'bio-box', 'caption', 'credit', 'credits', 'photo-credit', 'image-credit', 'outbrain',
  'taboola', 'sponsored', 'breadcrumb', 'breadcrumbs', 'comments', 'comment-count', 'footer', 'site-footer',
];
const BOILERPLATE_PATTERN = new RegExp(`(?:^|[\\s_-])(?:${BOILERPLATE_WORDS.map((w) => w.replace('-', '[-_]?')).join('|')})(?=$|[\\s_-])`, 'i');

/**
 * A marked block longer than this is not removed: a wrapper whose class merely mentions "share" but
 * holds the story must survive. The longest newsletter box or bio in common templates is well under it.
 */
const MAX_BOILERPLATE_CHARS = 1200;

/** Elements that are boilerplate by tag or role alone. */
const BOILERPLATE_SELECTORS = [
  'figcaption', '[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]', '[role="complementary"]',
  '[role="contentinfo"]', 'body > footer',
];

/**
 * A block holding the byline is kept whatever its class says (templates put the byline inside
 * "share" headers and "caption meta" lists); Readability reads the author from it.
 */
const BYLINE_MARKERS = '[rel~="author"], [itemprop~="author"], [class*="byline"]';

/** Containers never removed, whatever their class says: they may be the article itself. */
const PROTECTED_TAGS = new Set(['html', 'body', 'main', 'article']);

/** The mark; a data attribute, because Readability keeps those while it drops classes. */
const MARK = 'data-newsdesk-boilerplate';

const markedAsBoilerplate = (element: DomElement): boolean =>
  BOILERPLATE_PATTERN.test(element.getAttribute('class') ?? '') || BOILERPLATE_PATTERN.test(element.getAttribute('id') ?? '');

/** Tags boilerplate blocks of the page, and everything inside them; returns how many blocks. */
export function markBoilerplate(document: DomDocument): number {
  const root = document.body;
  if (!root) return 0;
  const blocks = all(root, BOILERPLATE_SELECTORS.join(','));
  for (const element of all(root, '[class],[id]')) {
    if (PROTECTED_TAGS.has(element.localName.toLowerCase()) || !markedAsBoilerplate(element)) continue;
    if ((element.textContent ?? '').length > MAX_BOILERPLATE_CHARS || element.querySelector(BYLINE_MARKERS)) continue;
    blocks.push(element);
  }
  for (const block of blocks) {
    block.setAttribute(MARK, '');
    // Readability may unwrap the block and keep only its child, so the children carry the mark too.
    for (const inner of all(block, '*')) inner.setAttribute(MARK, '');
  }
  return blocks.length;
}

/** Removes the tagged blocks below `root` (Readability's result) in place; returns how many. */
export function removeBoilerplate(root: DomElement): number {
  const tagged = all(root, `[${MARK}], ${BOILERPLATE_SELECTORS.join(',')}`);
  for (const element of tagged) element.remove();
  return tagged.length;
}
