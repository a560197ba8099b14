// Every knob of the HTTP client, with the reason for its default.
import type { HttpValidators } from '../model.js';

export type { HttpValidators } from '../model.js';

export interface FetchOptions {
  /** Sent on every request so publishers can see who fetches and how to reach us. */
  userAgent: string;
  connectTimeoutMs: number;
  /** Longest silence while waiting for headers or between body chunks. */
  readTimeoutMs: number;
  /** Longest one attempt may take from request to last body byte, redirects included. */
  totalTimeoutMs: number;
  /** Longest one URL may take over all its attempts and the waits between them. */
  urlTimeoutMs: number;
  /** Decompressed body bytes; past this the transfer is aborted. */
  maxBytes: number;
  maxRedirects: number;
  /** Requests in flight overall. */
  concurrency: number;
  /** Requests in flight per host. */
  perHost: number;
  /** Pause between two request starts on one host. */
  hostDelayMs: number;
  /** Extra attempts after a 5xx, 429 or network error. */
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A Retry-After longer than this is not waited for: the fetch fails and says when to come back. */
  maxRetryAfterMs: number;
  /** Fetch loopback, private, link-local and metadata addresses (local setups and tests). */
  allowPrivate: boolean;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  userAgent: 'newsdesk/0.1 (+https://github.com/newsdesk/newsdesk; feed reader)',
  // 10 s to connect covers a slow TLS handshake across continents; longer usually means a dead host.
  connectTimeoutMs: 10_000,
  // 30 s of silence: generous for a slow CMS rendering a feed, short enough that one host cannot stall a run.
  readTimeoutMs: 30_000,
  // 120 s for a whole response: a 10 MB feed at a slow 100 KB/s still fits; a server dripping bytes does not.
  totalTimeoutMs: 120_000,
  // 150 s per URL, retries and waits included: one whole attempt plus room to retry a quick failure, so a
  // dripping server costs a run 2.5 minutes, not three whole attempts (6 minutes).
  urlTimeoutMs: 150_000,
  // 10 MB: the largest real feeds are a few MB; anything bigger is a mistake or an attack.
  maxBytes: 10 * 1024 * 1024,
  // 5 redirects: what browsers tolerate in practice for feeds moved between CMSes.
  maxRedirects: 5,
  // 16 in flight: enough to fetch 200 feeds in seconds, few enough for a laptop's connection.
  concurrency: 16,
  // 2 per host: the common politeness norm for crawlers.
  perHost: 2,
  // 250 ms between starts on one host: four requests a second at most, gentle on small publishers.
  hostDelayMs: 250,
  // 2 retries: a transient failure usually clears on the first; more only delays the run.
  retries: 2,
  // 500 ms doubling to 8 s: long enough for a restarting server, short enough for an interactive run.
  backoffBaseMs: 500,
  backoffMaxMs: 8_000,
  // 60 s: a daily run can wait a minute for a rate limit; longer waits belong to the next run.
  maxRetryAfterMs: 60_000,
  allowPrivate: false,
};

/**
 * How the numeric options are bounded, for the config's checks: all are whole numbers (milliseconds, bytes,
 * counts), and these must be at least 1, since 0 would refuse every response or fetch nothing at all.
 */
export const FETCH_NUMBER_BOUNDS = {
  positive: ['connectTimeoutMs', 'readTimeoutMs', 'totalTimeoutMs', 'urlTimeoutMs', 'maxBytes', 'concurrency', 'perHost'],
  fractional: [],
} as const satisfies Record<'positive' | 'fractional', readonly (keyof FetchOptions)[]>;


/** Where validators live between runs; the Store implements it, tests may use a Map. */
export interface ValidatorCache {
  getValidators(url: string): Promise<HttpValidators | undefined>;
  saveValidators(url: string, validators: HttpValidators): Promise<void>;
}
