// The fetcher as ingest's RemoteSource: feeds are fetched conditionally with their outcome recorded per
// URL, and a feed that keeps failing is left alone for a while (and the failure says why and until when).
// A fetch fails with a FetchError; any other error came from the store (fetch state, the fleet's politeness,
// robots.txt rules) and is passed on as DeskUnavailable: the source is not at fault and nothing is recorded.
import { DeskUnavailable, type RemoteDocument, type RemoteSource } from '../ingest/remote.js';
import type { FetchHealth, HttpValidators } from '../model.js';
import type { FetchedDocument, Fetcher } from './client.js';
import { FetchError } from './errors.js';
import { RobotsCache } from './robots.js';

/** What the remote source needs from the store. */
export interface FetchStateStore {
  getFetchHealth(url: string): Promise<FetchHealth | undefined>;
  /** A fetch's outcome: an error extends the failure streak, a success resets it and may set `freshUntil`. */
  recordFetch(url: string, at: string, error?: string, freshUntil?: string): Promise<void>;
  getValidators(url: string): Promise<HttpValidators | undefined>;
  saveValidators(url: string, validators: HttpValidators): Promise<void>;
}

/** Failures in a row before a feed is skipped: two bad days can be an outage, three is a pattern. */
const FAILURES_BEFORE_BACKOFF = 3;
/** The pause doubles with each further failure from one hour, up to a day: a dead feed is tried daily. */
const BACKOFF_BASE_MS = 60 * 60 * 1000;
const BACKOFF_MAX_MS = 24 * 60 * 60 * 1000;
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** When a failing feed may be tried again; undefined when it may be tried now. */
export function retryNotBefore(health: FetchHealth | undefined): Date | undefined {
  if (!health || health.failures < FAILURES_BEFORE_BACKOFF || !health.lastAttempt) return undefined;
  const pause = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (health.failures - FAILURES_BEFORE_BACKOFF));
  return new Date(Date.parse(health.lastAttempt) + pause);
}

export interface RemoteOptions {
  /** Least time between two fetches of one feed; a feed's own TTL or Cache-Control may lengthen it. */
  perSourceMs?: number;
  /**
   * Takes each feed's fresh-until time instead of the store. A run holds them until it commits, like its
   * validators: a feed marked fresh by a run that then failed would be skipped with its items never stored.
   */
  holdFreshness?: (url: string, freshUntil: string) => void;
}

export function remoteSource(
  fetcher: Fetcher,
  store: FetchStateStore,
  now: () => Date = () => new Date(),
  { perSourceMs = 0, holdFreshness }: RemoteOptions = {},
): RemoteSource {
  const robots = new RobotsCache(fetcher, fetcher.userAgent);
  async function fetchFeed(url: string): Promise<RemoteDocument> {
    const health = await store.getFetchHealth(url);
    const notBefore = retryNotBefore(health);
    if (notBefore && notBefore > now()) {
      throw new FetchError(
        'backed-off',
        `skipped: failed ${health?.failures} times in a row (last: ${health?.lastError}); next try after ${notBefore.toISOString()}`,
      );
    }
    // Still fresh: the run keeps what the last fetch brought, as for a 304, without asking the server.
    if (health?.freshUntil && Date.parse(health.freshUntil) > now().getTime()) {
      return { url, finalUrl: url, notModified: true, body: new Uint8Array(), contentType: undefined };
    }
    let document: FetchedDocument;
    try {
      document = await fetcher.fetch(url, { conditional: true });
    } catch (error) {
      // Only the source's own failures count in its streak; the store's are passed on by deskFailures.
      if (error instanceof FetchError) await store.recordFetch(url, now().toISOString(), error.reason);
      throw error;
    }
    const freshFor = Math.max(perSourceMs, document.freshForMs ?? 0);
    const freshUntil = freshFor > 0 ? new Date(now().getTime() + freshFor).toISOString() : undefined;
    if (freshUntil && holdFreshness) holdFreshness(url, freshUntil);
    await store.recordFetch(url, now().toISOString(), undefined, holdFreshness ? undefined : freshUntil);
    return document;
  }
  return {
    fetchFeed: (url) => deskFailures(() => fetchFeed(url)),
    fetchPage: (url) =>
      deskFailures(async () => {
        if (!(await robots.allows(url))) throw new FetchError('robots', 'robots.txt disallows fetching this page');
        return fetcher.fetch(url, { accept: PAGE_ACCEPT });
      }),
  };
}

/** A FetchError is the source's failure; anything else is the store's, passed on as DeskUnavailable. */
async function deskFailures<T>(fetching: () => Promise<T>): Promise<T> {
  try {
    return await fetching();
  } catch (error) {
    throw error instanceof FetchError || error instanceof DeskUnavailable ? error : new DeskUnavailable(error);
  }
}
