// The contract for politeness shared by the fetchers of a desk: two fetchers, each with its own client and its
// own in-process queue, share one PolitenessStore (as two workers share a PostgreSQL desk) and fetch from one
// loopback host; the server sees what the host would see. Run for the SQLite store's in-process politeness
// (shared-politeness.test.ts) and for PostgreSQL's across two connections (store/postgres/politeness.test.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/helpers/server.js';
import type { FetchStateStore } from './remote.js';
import type { PolitenessStore } from './shared-politeness.js';
import { createFetcher, FetchError, remoteSource, type Fetcher } from './index.js';

type DeskStore = PolitenessStore & FetchStateStore;

/** Two views of one desk: the same store twice in one process, or two connections to one database. */
export interface PolitenessFactory {
  open(): Promise<{ first: DeskStore; second: DeskStore; close(): Promise<void> }>;
}

/** Each fetcher alone would allow 2 in flight on the host and no delay between them. */
const LIMITS = { allowPrivate: true, perHost: 2, hostDelayMs: 300, retries: 0 };
/** How long the server holds each answer, so that requests overlap unless something stops them. */
const HOLD_MS = 600;
/**
 * A start is measured where the request arrives; the slot was taken a moment before, and that moment varies
 * with the load on the machine. Gaps are checked to within this much.
 */
const ARRIVAL_JITTER_MS = 100;

interface Watch {
  server: TestServer;
  arrivals: number[];
  peak: () => number;
}

async function watchedHost(extra: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {}): Promise<Watch> {
  const arrivals: number[] = [];
  let inFlight = 0;
  let peak = 0;
  const server = await startServer({
    ...Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [
        `/story-${i}.html`,
        (_req: IncomingMessage, res: ServerResponse) => {
          arrivals.push(Date.now());
          peak = Math.max(peak, ++inFlight);
          setTimeout(() => {
            inFlight--;
            res.writeHead(200, { 'content-type': 'text/html' }).end('<p>The Ashford ferry resumed service.</p>');
          }, HOLD_MS);
        },
      ]),
    ),
    ...extra,
  });
  return { server, arrivals, peak: () => peak };
}

export function politenessContract(name: string, factory: PolitenessFactory): void {
  describe(`shared politeness: ${name}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });
    const desk = async () => {
      const opened = await factory.open();
      cleanups.push(opened.close);
      return opened;
    };
    const fetcherOn = (store: DeskStore, options: Partial<typeof LIMITS> = {}): Fetcher => {
      const fetcher = createFetcher({ ...LIMITS, ...options }, store, store);
      cleanups.push(() => fetcher.close());
      return fetcher;
    };
    const serve = async (extra?: Parameters<typeof watchedHost>[0]): Promise<Watch> => {
      const watch = await watchedHost(extra);
      cleanups.push(() => watch.server.close());
      return watch;
    };

    it('keeps at most perHost requests in flight on a host and spaces their starts, across both fetchers', async () => {
      const { first, second } = await desk();
      const host = await serve();
      const one = fetcherOn(first);
      const two = fetcherOn(second);
      await Promise.all([0, 1, 2].flatMap((i) => [one.fetch(host.server.url(`/story-${i}.html`)), two.fetch(host.server.url(`/story-${i + 3}.html`))]));
      expect(host.arrivals).toHaveLength(6);
      // Each fetcher alone allows two, so together they would reach four.
      expect(host.peak()).toBe(2);
      // No two starts together, and the six spread over at least five delays: one late arrival shortens one
      // gap and lengthens the next, so the span carries the jitter only once.
      const gaps = host.arrivals.slice(1).map((at, i) => at - host.arrivals[i]!);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(LIMITS.hostDelayMs / 2);
      expect(host.arrivals.at(-1)! - host.arrivals[0]!).toBeGreaterThanOrEqual(5 * LIMITS.hostDelayMs - ARRIVAL_JITTER_MS);
    });

    it('holds the host for the other fetcher after a Retry-After, and refuses at once a hold longer than it waits', async () => {
      const { first, second } = await desk();
      let limitedAt = 0;
      const host = await serve({
        '/feed.xml': (_req, res) => {
          limitedAt = Date.now();
          res.writeHead(429, { 'retry-after': '2' }).end();
        },
      });
      await expect(fetcherOn(first).fetch(host.server.url('/feed.xml'))).rejects.toThrow(/HTTP 429/);
      await fetcherOn(second).fetch(host.server.url('/story-0.html'));
      expect(host.arrivals[0]! - limitedAt).toBeGreaterThanOrEqual(2000 - ARRIVAL_JITTER_MS);

      const other = await serve({ '/closed.xml': (_req, res) => void res.writeHead(503, { 'retry-after': '3600' }).end() });
      await expect(fetcherOn(first).fetch(other.server.url('/closed.xml'))).rejects.toThrow(/HTTP 503/);
      const refused = await fetcherOn(second, { retries: 2 }).fetch(other.server.url('/story-1.html')).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(FetchError);
      expect((refused as FetchError).kind).toBe('backed-off');
      expect((refused as FetchError).reason).toMatch(/^127\.0\.0\.1:\d+ asked to be left alone for 3\d{3} s more \(Retry-After\); try again after that$/);
      expect(other.arrivals).toEqual([]);
    });

    it("reads a site's robots.txt once for both fetchers, and both obey it", async () => {
      const { first, second } = await desk();
      let robotsHits = 0;
      const host = await serve({
        '/robots.txt': (_req, res) => {
          robotsHits++;
          res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
        },
        '/private/memo.html': (_req, res) => void res.writeHead(200).end('<p>not for crawlers</p>'),
      });
      const one = remoteSource(fetcherOn(first, { hostDelayMs: 0 }), first);
      const two = remoteSource(fetcherOn(second, { hostDelayMs: 0 }), second);
      expect((await one.fetchPage(host.server.url('/story-0.html'))).finalUrl).toBe(host.server.url('/story-0.html'));
      await expect(two.fetchPage(host.server.url('/private/memo.html'))).rejects.toThrow(/robots\.txt disallows/);
      expect((await two.fetchPage(host.server.url('/story-1.html'))).finalUrl).toBe(host.server.url('/story-1.html'));
      expect(robotsHits).toBe(1);
      expect(host.arrivals).toHaveLength(2);
    });

    it('lets a slot lapse after its lease when its holder never gives it back, and frees a released one at once', async () => {
      const { first, second } = await desk();
      const limits = { perHost: 1, hostDelayMs: 0 };
      const held = await first.tryHostSlot('ashford-courier.example', limits, 400);
      expect('slot' in held).toBe(true);
      const takenAt = Date.now();
      expect(await second.tryHostSlot('ashford-courier.example', limits, 400)).toHaveProperty('waitMs');
      expect('slot' in (await second.tryHostSlot('millbrook-ledger.example', limits, 400))).toBe(true);
      let answer = await second.tryHostSlot('ashford-courier.example', limits, 400);
      while (!('slot' in answer)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        answer = await second.tryHostSlot('ashford-courier.example', limits, 400);
      }
      expect(Date.now() - takenAt).toBeGreaterThanOrEqual(400 - ARRIVAL_JITTER_MS);
      await second.releaseHostSlot(answer.slot);
      expect('slot' in (await first.tryHostSlot('ashford-courier.example', limits, 400))).toBe(true);
    });
  });
}
