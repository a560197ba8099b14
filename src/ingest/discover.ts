// Feed autodiscovery: a site's home page names its feeds in <link rel="alternate" type="…">; a page
// that names none may still serve one at a path its publishing software uses by default.
import { Parser } from 'htmlparser2';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'application/rdf+xml', 'text/xml', 'application/xml']);

/**
 * Where common publishing software serves its feed when the home page does not say, tried in this order:
 * WordPress and Substack (/feed), Ghost (/rss), Jekyll (/feed.xml), many static sites (/rss.xml,
 * /atom.xml), Hugo (/index.xml), JSON Feed generators (/feed.json). Each probe is one polite request.
 */
export const COMMON_FEED_PATHS = ['/feed', '/rss', '/feed.xml', '/rss.xml', '/atom.xml', '/index.xml', '/feed.json'] as const;

/** Feed URLs a page advertises, resolved against the page URL, in document order, without repeats. */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name !== 'link') return;
      const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/);
      const type = (attributes['type'] ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
      const href = attributes['href']?.trim();
      // rel="alternate" with a feed type; "alternate stylesheet" and translations (hreflang) are not feeds.
      if (!href || !rel.includes('alternate') || rel.includes('stylesheet') || !FEED_TYPES.has(type)) return;
      try {
        const url = new URL(href, pageUrl).href;
        if (!found.includes(url)) found.push(url);
      } catch {
        // An unusable href advertises nothing.
      }
    },
  });
  parser.end(html);
  return found;
}

/** A site's home page (path "/"), as opposed to an article page: the URL a user gives to subscribe. */
export function isSiteRoot(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.pathname === '/' && parsed.search === '';
  } catch {
    return false;
  }
}
