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
