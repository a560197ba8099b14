// Publisher identity: a short slug from the registrable domain (what the per-article file's
// `publisher:` key holds) and a deterministic slug for a publisher known only by name.
import { createRequire } from 'node:module';

type Tldts = typeof import('tldts');
let tldts: Tldts | undefined;
/**
 * Required (CommonJS) on first use rather than imported: tldts's ES module build takes ~65 ms to load
 * (its suffix trie), its CommonJS build ~15 ms, and a one-page `newsdesk extract` waits for it.
 */
const loadTldts = (): Tldts => (tldts ??= createRequire(import.meta.url)('tldts') as Tldts);

/**
 * Registrable domain without its public suffix, lowercase: `https://www.nytimes.com/x` → `nytimes`,
 * `bbc.co.uk` → `bbc`. Undefined for IP addresses, single-label hosts and strings with no host.
 */
export function publisherSlug(url: string): string | undefined {
  const result = loadTldts().parse(url.trim());
  if (result.isIp) return undefined;
  const slug = result.domainWithoutSuffix?.toLowerCase();
  return slug ? slug : undefined;
}

/**
 * `New York Times` → `new-york-times`: lowercase, accents folded to ASCII, every other run of
 * non-alphanumerics a single dash. Empty when the name has no ASCII letters or digits at all.
 */
export function slugifyPublisherName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * What a feed's title adds after the publisher's name when it names no section of its own: the feed of
 * everything, the latest or the front page ("Harbor Gazette — News", "Meridian Wire: Latest"). Compared
 * in lower case, final punctuation aside. A topical section ("— Sport") is a real part of the title: kept.
 */
export const GENERIC_FEED_SECTIONS: ReadonlySet<string> = new Set([
  'news', 'latest', 'latest news', 'latest stories', 'latest articles', 'top stories', 'top news', 'headlines',
  'home', 'homepage', 'home page', 'front page', 'all', 'all stories', 'all articles', 'all news', 'breaking news',
  'most recent', 'recent', 'updates', 'stories', 'articles', 'feed', 'rss', 'rss feed',
  'nachrichten', 'aktuell', 'neueste artikel', 'actualités', 'à la une', 'noticias', 'últimas noticias', 'portada',
  'notizie', 'ultime notizie', 'notícias', 'últimas', 'nieuws', 'laatste nieuws',
]);

/** Where a feed title's last part begins: a dash, bar or guillemet with spaces around it, or a colon. */
const FEED_TITLE_SEPARATOR = /\s+[—–|»-]\s+|:\s+/g;

/**
 * The publisher's name in a feed's title: without a last part that only names the feed of everything
 * (GENERIC_FEED_SECTIONS), so that "Also reported by" and the article files say "Harbor Gazette", not
 * "Harbor Gazette — News". Any other title is returned as it is.
 */
export function publisherNameOfFeed(title: string): string {
  const trimmed = title.trim();
  const last = [...trimmed.matchAll(FEED_TITLE_SEPARATOR)].at(-1);
  if (!last || last.index === 0) return trimmed;
  const section = trimmed.slice(last.index + last[0].length).replace(/[.!]+$/, '').trim().toLowerCase();
  return GENERIC_FEED_SECTIONS.has(section) ? trimmed.slice(0, last.index).trim() : trimmed;
}
