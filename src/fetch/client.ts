// The HTTP client: undici's fetch (gzip/deflate/br decoding) behind the address guard, with our own
// redirect handling (every hop is checked and loops are caught), a streamed size cap, conditional GET,
// retries and the politeness queue; given a PolitenessStore, every attempt also takes a slot on its host
// that the other processes of the desk respect (shared-politeness.ts).
import { Agent, fetch as undiciFetch, type Response } from 'undici';
import { assertPublicLiteral, guardedLookup } from './address.js';
import { FetchError, isRetryable } from './errors.js';
import { DEFAULT_FETCH_OPTIONS, type FetchOptions, type HttpValidators, type ValidatorCache } from './options.js';
import { HostQueue } from './politeness.js';
import { takeHostSlot, type PolitenessStore } from './shared-politeness.js';
import { freshForMs } from './freshness.js';
import { backoffMs, retryAfterMs, sleep } from './retry.js';

export interface FetchedDocument {
  /** The URL asked for. */
  url: string;
  /** Where the last redirect led. */
  finalUrl: string;
  status: number;
  /** 304: the document has not changed since the validators were stored; `body` is empty. */
  notModified: boolean;
  body: Buffer;
  contentType: string | undefined;
  /** Content-Location resolved against `finalUrl`: the document's own URL, the base for its relative links. */
  contentLocation?: string;
  redirects: string[];
  attempts: number;
  /** How long the document may be reused before fetching it again (freshness.ts); 0 when nothing says. */
  freshForMs?: number;
}

/** An attempt's answer, with the validators to keep for the next conditional request when it sent any. */
interface Answered {
  document: FetchedDocument;
  validators?: HttpValidators;
}

export interface FetchRequest {
  /** Send stored ETag / Last-Modified (feeds: yes; one-off pages: no). */
  conditional?: boolean;
  /** Accept header; defaults to feeds first, pages next. */
  accept?: string;
}

export interface Fetcher {
  /** The User-Agent it sends; robots.txt rules are matched against its product token. */
  readonly userAgent: string;
  /** Where politeness shared with the desk's other processes is kept (robots.txt rules too), if anywhere. */
  readonly politeness?: PolitenessStore;
  fetch(url: string, request?: FetchRequest): Promise<FetchedDocument>;
  close(): Promise<void>;
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('scheme', `"${raw}" is not a valid URL`);
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) throw new FetchError('scheme', `${url.protocol} URLs are not fetched; only http and https`);
  if (!allowPrivate) assertPublicLiteral(url);
  return url;
}

/**
 * The document URL a Content-Location header names, resolved against the request URL. Only http(s): a
 * `javascript:` or `data:` "location" would become the base every relative link in the feed resolves to.
 */
export function contentLocationOf(header: string | null | undefined, base: string): string | undefined {
  if (!header) return undefined;
  try {
    const url = new URL(header, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** undici wraps socket-level failures in a TypeError whose `cause` says what happened. */
function networkError(error: unknown): FetchError {
  if (error instanceof FetchError) return error;
  const cause = (error as { cause?: unknown }).cause ?? error;
  if (cause instanceof FetchError) return cause;
  const code = String((cause as { code?: unknown }).code ?? '');
  const message = cause instanceof Error ? cause.message : String(cause);
  if (code.includes('TIMEOUT') || (cause as Error).name === 'TimeoutError') return new FetchError('timeout', `timed out (${message})`);
  return new FetchError('network', `${code || 'network error'}: ${message}`);
}

async function readCapped(response: Response, maxBytes: number, abort: AbortController): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const tooLarge = (): FetchError => {
    abort.abort();
    return new FetchError('too-large', `body is larger than ${maxBytes} bytes; refused`);
  };
  // Only an identity body's length is the decoded length; a compressed one is checked while streaming.
  if (!response.headers.get('content-encoding') && declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  try {
    for await (const chunk of response.body) {
      total += chunk.byteLength;
      if (total > maxBytes) throw tooLarge();
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    throw networkError(error);
  }
  return Buffer.concat(chunks, total);
}

const seconds = (ms: number): string => String(Math.round(ms / 100) / 10);

/**
 * A shared host slot outlives its attempt by this much before it lapses: an attempt ends within
 * `totalTimeoutMs`, and a process killed meanwhile frees the slot this long after that.
 */
const SLOT_LEASE_MARGIN_MS = 5_000;

export function createFetcher(overrides: Partial<FetchOptions> = {}, cache?: ValidatorCache, politeness?: PolitenessStore): Fetcher {
  const options: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, ...overrides };
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs, ...(options.allowPrivate ? {} : { lookup: guardedLookup }) },
    headersTimeout: options.readTimeoutMs,
    bodyTimeout: options.readTimeoutMs,
  });
  const queue = new HostQueue(options);

  /**
   * One attempt with its redirects, within `limitMs` (`totalTimeoutMs`, or what is left of the URL's
   * `urlTimeoutMs`): the read timeout alone lets a server that drips a byte every few seconds hold a
   * request (and its host's queue slot) for as long as it likes.
   */
  async function once(url: string, request: FetchRequest, validators: HttpValidators | undefined, limitMs: number, limitKey: string): Promise<Answered> {
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new FetchError('timeout', `no complete response within ${seconds(limitMs)} s (fetch.${limitKey})`)),
      limitMs,
    );
    try {
      return await attempt(url, request, validators, deadline.signal);
    } catch (error) {
      throw deadline.signal.aborted ? deadline.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }
  }

  async function attempt(url: string, request: FetchRequest, validators: HttpValidators | undefined, deadline: AbortSignal): Promise<Answered> {
    let current = checkUrl(url, options.allowPrivate);
    const visited = new Set([current.href]);
    const redirects: string[] = [];
    for (;;) {
      const abort = new AbortController();
      const headers: Record<string, string> = {
        'user-agent': options.userAgent,
        accept: request.accept ?? FEED_ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
      };
      if (validators?.etag) headers['if-none-match'] = validators.etag;
      if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
      let response: Response;
      try {
        response = await undiciFetch(current, { redirect: 'manual', headers, dispatcher: agent, signal: AbortSignal.any([abort.signal, deadline]) });
      } catch (error) {
        throw networkError(error);
      }
      const location = response.headers.get('location');
      if (REDIRECT_STATUSES.has(response.status) && location) {
        await response.body?.cancel().catch(() => {});
        const next = checkUrl(new URL(location, current).href, options.allowPrivate);
        if (visited.has(next.href)) throw new FetchError('redirect-loop', `redirect loop at ${next.href}`);
        if (redirects.length >= options.maxRedirects) throw new FetchError('too-many-redirects', `more than ${options.maxRedirects} redirects`);
        visited.add(next.href);
        redirects.push(next.href);
        current = next;
        continue;
      }
      const base = { url, finalUrl: current.href, status: response.status, redirects, attempts: 1 };
      const contentType = response.headers.get('content-type') ?? undefined;
      if (response.status === 304) {
        await response.body?.cancel().catch(() => {});
        return { document: { ...base, notModified: true, body: Buffer.alloc(0), contentType, freshForMs: freshForMs(response.headers, new Uint8Array()) } };
      }
      if (response.status >= 400) {
        await response.body?.cancel().catch(() => {});
        const error = new FetchError('http', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, response.status);
        error.retryAfterMs = retryAfterMs(response.headers.get('retry-after'));
        throw error;
      }
      const body = await readCapped(response, options.maxBytes, abort);
      const ownUrl = contentLocationOf(response.headers.get('content-location'), current.href);
      const etag = response.headers.get('etag') ?? undefined;
      const lastModified = response.headers.get('last-modified') ?? undefined;
      return {
        document: { ...base, notModified: false, body, contentType, ...(ownUrl ? { contentLocation: ownUrl } : {}), freshForMs: freshForMs(response.headers, body) },
        ...(etag || lastModified ? { validators: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) } } : {}),
      };
    }
  }

  /**
   * Attempts until one succeeds, the error is not worth retrying, the retries are used up, or the URL's
   * time budget (`urlTimeoutMs`, waits included) would run out: without it a dripping server held one
   * URL for `retries + 1` whole attempts. A Retry-After holds the whole host, here and (shared) everywhere.
   */
  async function withRetries(url: string, host: string, request: FetchRequest): Promise<FetchedDocument> {
    const validators = request.conditional ? await cache?.getValidators(url) : undefined;
    let budgetEnds: number | undefined;
    for (let attempt = 0; ; attempt++) {
      const slot = politeness ? await takeHostSlot(politeness, host, options, options.totalTimeoutMs + SLOT_LEASE_MARGIN_MS, options.maxRetryAfterMs) : undefined;
      // The budget starts with the first attempt, not with the wait for the desk's slot on the host.
      budgetEnds ??= Date.now() + options.urlTimeoutMs;
      const left = Math.max(1, budgetEnds - Date.now());
      const [limitMs, limitKey] = left < options.totalTimeoutMs ? [left, 'urlTimeoutMs'] : [options.totalTimeoutMs, 'totalTimeoutMs'];
      let outcome: { answered: Answered } | { error: FetchError };
      try {
        outcome = { answered: await once(url, request, validators, limitMs, limitKey) };
      } catch (raw) {
        outcome = { error: networkError(raw) };
      } finally {
        // A slot that cannot be given back (the database went away) lapses by itself; the fetch's outcome stands.
        await slot?.release().catch(() => {});
      }
      if ('answered' in outcome) {
        // Outside the fetch's own errors: a store that cannot keep the validators is the desk's failure, not the feed's.
        const { document, validators: fresh } = outcome.answered;
        if (cache && request.conditional && fresh) await cache.saveValidators(url, fresh);
        return { ...document, attempts: attempt + 1 };
      }
      const { error } = outcome;
      if (error.retryAfterMs !== undefined) {
        queue.holdOff(host, Date.now() + error.retryAfterMs);
        await politeness?.holdHost(host, error.retryAfterMs).catch(() => {});
      }
      if (!isRetryable(error) || attempt >= options.retries) throw error;
      if (error.retryAfterMs !== undefined && error.retryAfterMs > options.maxRetryAfterMs) {
        throw new FetchError('http', `${error.reason}; the server asks to retry after ${Math.ceil(error.retryAfterMs / 1000)} s`, error.status);
      }
      // Retry-After is the least the server wants us to wait; our backoff still applies when it asks for less.
      const wait = Math.max(error.retryAfterMs ?? 0, backoffMs(attempt, options.backoffBaseMs, options.backoffMaxMs));
      if (Date.now() + wait >= budgetEnds) {
        throw new FetchError(error.kind, `${error.reason}; gave up after ${attempt + 1} attempts, the URL's ${seconds(options.urlTimeoutMs)} s are spent (fetch.urlTimeoutMs)`, error.status);
      }
      await sleep(wait);
    }
  }

  return {
    userAgent: options.userAgent,
    ...(politeness ? { politeness } : {}),
    fetch(url, request = {}) {
      let host: string;
      try {
        host = new URL(url).host;
      } catch {
        return Promise.reject(new FetchError('scheme', `"${url}" is not a valid URL`));
      }
      return queue.run(host, () => withRetries(url, host, request));
    },
    close: () => agent.close(),
  };
}
