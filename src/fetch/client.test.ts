import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/helpers/server.js';
import { createFetcher, FetchError, type HttpValidators } from './index.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Millbrook Ledger</title></channel></rss>';
/** Short knobs so the scripted failures resolve quickly. */
const FAST = { allowPrivate: true, backoffBaseMs: 10, backoffMaxMs: 40, hostDelayMs: 0, readTimeoutMs: 300 };

let server: TestServer;
const INVALID_RETRY_AFTER = ['-5', '-0', '1.5', 'soon', '5s', 'Sun, 06 Nov 1994', '0x10'];
/** When each request reached the route: the gap between two is the client's wait. */
const hitTimes = new Map<string, number[]>();
let inFlight = 0;
let peak = 0;
/** Answers of /busy waiting for a second request to arrive. */
const held: import('node:http').ServerResponse[] = [];

beforeAll(async () => {
  server = await startServer({
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end(FEED);
    },
    '/modified': (req, res) => {
      const stamp = 'Tue, 03 Nov 2026 08:00:00 GMT';
      if (req.headers['if-modified-since'] === stamp) return void res.writeHead(304).end();
      res.writeHead(200, { 'last-modified': stamp }).end(FEED);
    },
    '/r1': (_req, res) => void res.writeHead(301, { location: '/r2' }).end(),
    '/r2': (_req, res) => void res.writeHead(302, { location: '/r3' }).end(),
    '/r3': (_req, res) => void res.writeHead(307, { location: '/etag' }).end(),
    '/loop-a': (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => void res.writeHead(302, { location: '/loop-a' }).end(),
    ...Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [`/hop${i}`, (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(302, { location: `/hop${i + 1}` }).end()]),
    ),
    '/limited': (_req, res, hits) => {
      if (hits === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
      res.writeHead(200).end(FEED);
    },
    '/limited-long': (_req, res) => void res.writeHead(429, { 'retry-after': '3600' }).end(),
    // Retry-After values HTTP does not define: each must fall back to the normal backoff, not mean "now".
    ...Object.fromEntries(
      INVALID_RETRY_AFTER.map((value, i) => [
        `/bad-retry-after-${i}`,
        (_req: unknown, res: import('node:http').ServerResponse, hits: number) => {
          hitTimes.set(`/bad-retry-after-${i}`, [...(hitTimes.get(`/bad-retry-after-${i}`) ?? []), Date.now()]);
          if (hits === 1) return void res.writeHead(503, { 'retry-after': value }).end();
          res.writeHead(200).end(FEED);
        },
      ]),
    ),
    '/flaky': (_req, res, hits) => {
      if (hits === 1) return void res.writeHead(503).end();
      res.writeHead(200).end(FEED);
    },
    '/down': (_req, res) => void res.writeHead(500).end(),
    '/missing': (_req, res) => void res.writeHead(404).end(),
    '/slow': (_req, res) => void setTimeout(() => res.writeHead(200).end(FEED), 2_000),
    // The same drip, for the per-URL budget across retries.
    '/drip-budget': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 100);
      res.on('close', () => clearInterval(timer));
    },
    // A byte every 100 ms: never silent for the read timeout, never finished either.
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 100);
      res.on('close', () => clearInterval(timer));
    },
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = (): void => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
    '/gzip': (_req, res) => void res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(FEED)),
    '/br': (_req, res) => void res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(FEED)),
    '/bomb': (_req, res) => void res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(3 * 1024 * 1024))),
    '/latin1': (_req, res) => void res.writeHead(200, { 'content-type': 'text/xml; charset=iso-8859-1' }).end(Buffer.from('caf\xe9', 'latin1')),
    '/located': (_req, res) => void res.writeHead(200, { 'content-location': '/archive/feed.xml' }).end(FEED),
    '/located-unsafe': (_req, res) => void res.writeHead(200, { 'content-location': "javascript:alert('x')" }).end(FEED),
    '/ua': (req, res) => void res.writeHead(200).end(req.headers['user-agent'] ?? ''),
    // Holds each answer until the server has seen a second request in flight, then answers both: two
    // requests overlap because the server waits for them, not because two timers happened to.
    '/busy': (_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      held.push(res);
      if (inFlight < 2) return;
      // Answered on the next turn, so a third request already on its way is counted before they end.
      setImmediate(() => {
        for (const waiting of held.splice(0)) {
          inFlight--;
          waiting.writeHead(200).end('ok');
        }
      });
    },
    '/to-file': (_req, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/held-feed': (_req, res) => {
      hitTimes.set('/held-feed', [Date.now()]);
      res.writeHead(429, { 'retry-after': '1' }).end();
    },
    '/held-page': (_req, res) => {
      hitTimes.set('/held-page', [Date.now()]);
      res.writeHead(200).end('ok');
    },
  });
});
afterAll(() => server.close());

const expectFetchError = async (promise: Promise<unknown>, kind: FetchError['kind']): Promise<FetchError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  expect((error as FetchError).kind).toBe(kind);
  return error as FetchError;
};

describe('conditional GET', () => {
  it('stores the ETag and gets a bodiless 304 the second time', async () => {
    const store = new Map<string, HttpValidators>();
    const cache = { getValidators: async (u: string) => store.get(u), saveValidators: async (u: string, v: HttpValidators) => void store.set(u, v) };
    const fetcher = createFetcher(FAST, cache);
    const first = await fetcher.fetch(server.url('/etag'), { conditional: true });
    expect(first.status).toBe(200);
    expect(first.body.toString()).toBe(FEED);
    expect(store.get(server.url('/etag'))).toEqual({ etag: '"v1"' });
    const second = await fetcher.fetch(server.url('/etag'), { conditional: true });
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
    await fetcher.close();
  });

  it('sends If-Modified-Since from a stored Last-Modified', async () => {
    const store = new Map<string, HttpValidators>();
    const cache = { getValidators: async (u: string) => store.get(u), saveValidators: async (u: string, v: HttpValidators) => void store.set(u, v) };
    const fetcher = createFetcher(FAST, cache);
    expect((await fetcher.fetch(server.url('/modified'), { conditional: true })).status).toBe(200);
    expect((await fetcher.fetch(server.url('/modified'), { conditional: true })).status).toBe(304);
    // Without `conditional` the validators stay unused.
    expect((await fetcher.fetch(server.url('/modified'))).status).toBe(200);
    await fetcher.close();
  });

  it('passes on a store that cannot keep the validators as its own error, not as a failed fetch', async () => {
    const broken = new Error('connection terminated');
    const cache = { getValidators: async () => undefined, saveValidators: async () => Promise.reject(broken) };
    const fetcher = createFetcher(FAST, cache);
    const error = await fetcher.fetch(server.url('/etag'), { conditional: true }).then(() => undefined, (e: unknown) => e);
    expect(error).toBe(broken);
    expect(error).not.toBeInstanceOf(FetchError);
    await fetcher.close();
  });
});

describe('redirects', () => {
  it('follows a 301 → 302 → 307 chain and reports where it ended', async () => {
    const fetcher = createFetcher(FAST);
    const result = await fetcher.fetch(server.url('/r1'));
    expect(result.finalUrl).toBe(server.url('/etag'));
    expect(result.redirects).toHaveLength(3);
    await fetcher.close();
  });

  it('detects a loop and stops after 5 redirects', async () => {
    const fetcher = createFetcher(FAST);
    await expectFetchError(fetcher.fetch(server.url('/loop-a')), 'redirect-loop');
    await expectFetchError(fetcher.fetch(server.url('/hop0')), 'too-many-redirects');
    await fetcher.close();
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const fetcher = createFetcher(FAST);
    await expectFetchError(fetcher.fetch(server.url('/to-file')), 'scheme');
    await fetcher.close();
  });
});

describe('retries', () => {
  it('honours Retry-After on a 429 and then succeeds', async () => {
    const fetcher = createFetcher(FAST);
    const started = Date.now();
    const result = await fetcher.fetch(server.url('/limited'));
    expect(result.status).toBe(200);
    expect(result.attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    await fetcher.close();
  });

  it('fails at once when Retry-After is longer than it is willing to wait', async () => {
    const fetcher = createFetcher(FAST);
    const error = await expectFetchError(fetcher.fetch(server.url('/limited-long')), 'http');
    expect(error.reason).toMatch(/retry after 3600 s/);
    await fetcher.close();
  });

  it.each(INVALID_RETRY_AFTER.map((value, i) => [value, i] as const))('treats Retry-After: %s as unreadable and waits the normal backoff', async (_value, i) => {
    // Backoff of the first retry with base 400 ms: at least half of it, 200 ms.
    const fetcher = createFetcher({ ...FAST, backoffBaseMs: 400, backoffMaxMs: 400 });
    const result = await fetcher.fetch(server.url(`/bad-retry-after-${i}`));
    expect(result.attempts).toBe(2);
    const [first, second] = hitTimes.get(`/bad-retry-after-${i}`) ?? [];
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(195);
    await fetcher.close();
  });

  it('retries a 503 with backoff, gives up on a 500 after the configured retries, never retries a 404', async () => {
    const fetcher = createFetcher({ ...FAST, retries: 2 });
    expect((await fetcher.fetch(server.url('/flaky'))).attempts).toBe(2);
    const down = await expectFetchError(fetcher.fetch(server.url('/down')), 'http');
    expect(down.status).toBe(500);
    expect(server.hits('/down')).toBe(3);
    await expectFetchError(fetcher.fetch(server.url('/missing')), 'http');
    expect(server.hits('/missing')).toBe(1);
    await fetcher.close();
  });
});

describe('limits', () => {
  it('times out a response slower than the read timeout', async () => {
    const fetcher = createFetcher({ ...FAST, retries: 0 });
    await expectFetchError(fetcher.fetch(server.url('/slow')), 'timeout');
    await fetcher.close();
  });

  it('gives up on a response that keeps dripping past the total timeout', async () => {
    const fetcher = createFetcher({ ...FAST, retries: 0, totalTimeoutMs: 800 });
    const error = await expectFetchError(fetcher.fetch(server.url('/drip')), 'timeout');
    expect(error.reason).toBe('no complete response within 0.8 s (fetch.totalTimeoutMs)');
    await fetcher.close();
  });

  it('gives each URL one time budget across its retries (fetch.urlTimeoutMs)', async () => {
    // Without the budget: six attempts of 0.8 s each. With it: the second attempt gets what is left of
    // 1 s, and no third one starts.
    const fetcher = createFetcher({ ...FAST, retries: 5, totalTimeoutMs: 800, urlTimeoutMs: 1_000 });
    const error = await expectFetchError(fetcher.fetch(server.url('/drip-budget')), 'timeout');
    expect(error.reason).toMatch(/fetch\.urlTimeoutMs/);
    expect(server.hits('/drip-budget')).toBeLessThanOrEqual(2);
    await fetcher.close();
  });

  it('aborts a body larger than the cap, also when it only grows by decompression', async () => {
    const fetcher = createFetcher({ ...FAST, maxBytes: 1024 * 1024 });
    await expectFetchError(fetcher.fetch(server.url('/huge')), 'too-large');
    await expectFetchError(fetcher.fetch(server.url('/bomb')), 'too-large');
    await fetcher.close();
  });
});

describe('content', () => {
  it('decodes gzip and brotli', async () => {
    const fetcher = createFetcher(FAST);
    expect((await fetcher.fetch(server.url('/gzip'))).body.toString()).toBe(FEED);
    expect((await fetcher.fetch(server.url('/br'))).body.toString()).toBe(FEED);
    await fetcher.close();
  });

  it('returns the raw bytes and the declared charset for the decoder', async () => {
    const fetcher = createFetcher(FAST);
    const result = await fetcher.fetch(server.url('/latin1'));
    expect([...result.body]).toEqual([0x63, 0x61, 0x66, 0xe9]);
    expect(result.contentType).toBe('text/xml; charset=iso-8859-1');
    await fetcher.close();
  });

  it('takes the document URL from Content-Location, but only an http(s) one', async () => {
    const fetcher = createFetcher(FAST);
    expect((await fetcher.fetch(server.url('/located'))).contentLocation).toBe(server.url('/archive/feed.xml'));
    expect((await fetcher.fetch(server.url('/located-unsafe'))).contentLocation).toBeUndefined();
    await fetcher.close();
  });

  it('sends the configured User-Agent', async () => {
    const fetcher = createFetcher({ ...FAST, userAgent: 'Pinecrest-Reader/2.0' });
    expect((await fetcher.fetch(server.url('/ua'))).body.toString()).toBe('Pinecrest-Reader/2.0');
    await fetcher.close();
  });
});

describe('address guard', () => {
  it('refuses 127.0.0.1 without allow-private, before any request is sent', async () => {
    const fetcher = createFetcher({ ...FAST, allowPrivate: false });
    const before = server.requests.length;
    const error = await expectFetchError(fetcher.fetch(server.url('/etag')), 'private-address');
    expect(error.message).toMatch(/--allow-private/);
    expect(server.requests.length).toBe(before);
    await fetcher.close();
  });

  it('refuses a name that resolves to loopback (checked after DNS)', async () => {
    const fetcher = createFetcher({ ...FAST, allowPrivate: false });
    const port = new URL(server.url('/')).port;
    await expectFetchError(fetcher.fetch(`http://localhost:${port}/etag`), 'private-address');
    await fetcher.close();
  });

  it('refuses the metadata address and non-http schemes', async () => {
    const guarded = createFetcher({ ...FAST, allowPrivate: false });
    await expectFetchError(guarded.fetch('http://169.254.169.254/latest/meta-data/'), 'private-address');
    await expectFetchError(guarded.fetch('ftp://example.org/feed.xml'), 'scheme');
    await guarded.close();
  });
});

describe('politeness', () => {
  it("holds the whole host after a Retry-After: another URL of it waits too, in this process", async () => {
    const fetcher = createFetcher({ ...FAST, retries: 0 });
    await expectFetchError(fetcher.fetch(server.url('/held-feed')), 'http');
    await fetcher.fetch(server.url('/held-page'));
    // Retry-After: 1 on the feed; the page of the same host is asked for no sooner (to within the arrival's jitter).
    expect(hitTimes.get('/held-page')![0]! - hitTimes.get('/held-feed')![0]!).toBeGreaterThanOrEqual(900);
    await fetcher.close();
  });

  it('keeps at most perHost requests in flight on one host and spaces their starts', async () => {
    const fetcher = createFetcher({ ...FAST, perHost: 2, hostDelayMs: 20 });
    peak = 0;
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, (_, i) => fetcher.fetch(server.url(`/busy?n=${i}`))));
    expect(peak).toBe(2);
    // Six starts, 20 ms apart at least: the last one cannot begin before 100 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    await fetcher.close();
  });
});
