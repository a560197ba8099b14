// The guard on real requests: a dual-stack loopback server answers at `[::ffff:7f00:1]` and friends (the
// allowPrivate control proves it), and the client refuses every such spelling before connecting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/helpers/server.js';
import { createFetcher, FetchError } from './index.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quarry Hill Courier</title></channel></rss>';
const LOOPBACK_SPELLINGS = ['[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[0:0:0:0:0:ffff:7f00:1]', '[::1]'];
/** Not routed to loopback by this machine's stack, but by others: refused as private, not as unreachable. */
const EMBEDDED_LOOPBACK = ['[::7f00:1]', '[::127.0.0.1]', '[2002:7f00:1::1]', '[64:ff9b::7f00:1]', '[2001:0:4136:e378:8000:63bf:80ff:fffe]'];

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ '/feed.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED) }, '::');
});
afterAll(() => server.close());

const at = (host: string): string => server.url('/feed.xml').replace('http://::', `http://${host}`);

describe('the private-address guard on fetches', () => {
  it.each(LOOPBACK_SPELLINGS)('the server answers at %s when private addresses are allowed', async (host) => {
    const fetcher = createFetcher({ allowPrivate: true, hostDelayMs: 0 });
    try {
      expect((await fetcher.fetch(at(host))).body.toString()).toBe(FEED);
    } finally {
      await fetcher.close();
    }
  });

  it.each([...LOOPBACK_SPELLINGS, ...EMBEDDED_LOOPBACK])('refuses %s by default, without a request', async (host) => {
    const before = server.requests.length;
    const fetcher = createFetcher({ hostDelayMs: 0, retries: 0 });
    try {
      const error = await fetcher.fetch(at(host)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FetchError);
      expect((error as FetchError).kind).toBe('private-address');
      expect(server.requests.length).toBe(before);
    } finally {
      await fetcher.close();
    }
  });
});
