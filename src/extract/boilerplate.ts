// News boilerplate removed from the body Readability found: share bars, newsletter boxes, related-link
// blocks, cookie/consent and paywall banners, author bios, captions and image credits. Readability
// judges blocks by text and link density; these blocks are often text-dense enough to survive it (a
// newsletter pitch, a bio, a caption), but sites name them plainly in class or id.
// This runs AFTER Readability, on its result (kept with its classes): removing blocks from the whole
// page first changes which container Readability scores highest and can make it pick a comment thread.
import { all, type DomElement } from './dom.js';

/**
 * Class/id words that mark a boilerplate block. Matched as whole words inside the class or id
 * (`share-bar`, `c-newsletter`, `related_links`), never as substrings, so `shareholders` or
 * `unrelated` do not match.
 */
const BOILERPLATE_WORDS = [
  'share', 'sharing', 'sharebar', 'social', 'newsletter', 'signup', 'sign-up', 'subscribe', 'subscription',
  'related', 'recommended', 'read-more', 'readmore', 'more-stories', 'most-read', 'most-popular', 'trending',
  'cookie', 'cookies', 'consent', 'gdpr', 'paywall', 'regwall', 'promo', 'author-bio', 'about-author', 'bio-box', 'caption', 'credit', 'credits', 'photo-credit', 'image-credit', 'outbrain',
  'taboola', 'sponsored', 'breadcrumb', 'breadcrumbs', 'comments', 'comment-count',
];
const BOILERPLATE_PATTERN = new RegExp(`(?:^|[\\s_-])(?:${BOILERPLATE_WORDS.map((w) => w.replace('-', '[-_]?')).join('|')})(?=$|[\\s_-])`, 'i');

/**
 * A marked block longer than this is not removed: a wrapper whose class merely mentions "share" but
 * holds the story must survive. The longest newsletter box or bio in common templates is well under it.
 */
const MAX_BOILERPLATE_CHARS = 1200;

/** Elements that are boilerplate by tag or role alone. */
const BOILERPLATE_SELECTORS = ['figcaption', '[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]', '[role="complementary"]'];

/**
 * A block holding the byline is kept whatever its class says (templates put the byline inside
 * "share" headers and "caption meta" lists); Readability reads the author from it.
 */
const BYLINE_MARKERS = '[rel~="author"], [itemprop~="author"], [class*="byline"]';

/** Containers never removed, whatever their class says: they may be the article itself. */
const PROTECTED_TAGS = new Set(['html', 'body', 'main', 'article']);

/** Drops every class attribute below `root`: they were kept only for `removeBoilerplate` to read. */
export function dropClasses(root: DomElement): void {
  for (const element of all(root, '[class]')) element.removeAttribute('class');
}

const markedAsBoilerplate = (element: DomElement): boolean =>
  BOILERPLATE_PATTERN.test(element.getAttribute('class') ?? '') || BOILERPLATE_PATTERN.test(element.getAttribute('id') ?? '');

/** Removes boilerplate blocks below `root` in place; returns how many were removed. */
export function removeBoilerplate(root: DomElement): number {
  let removed = 0;
  for (const element of all(root, BOILERPLATE_SELECTORS.join(','))) {
    element.remove();
    removed++;
  }
  for (const element of all(root, '[class],[id]')) {
    if (PROTECTED_TAGS.has(element.localName.toLowerCase()) || !element.parentNode) continue;
    if (!markedAsBoilerplate(element)) continue;
    if ((element.textContent ?? '').length > MAX_BOILERPLATE_CHARS || element.querySelector(BYLINE_MARKERS)) continue;
    element.remove();
    removed++;
  }
  return removed;
}
