import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/helpers/server.js';
import { DEFAULT_CONFIG, runSettings } from '../config.js';
import { createFetcher } from '../fetch/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { fetchJob, jobKinds, sourceJob, type SourceJob } from './kinds/index.js';
import { memoryJobQueue } from './memory.js';
import { waitForRun } from './wait.js';
import { runWorker, type JobKind, type WorkerEvent } from './worker.js';
import type { JobQueue } from './types.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Ashford Courier</title></channel></rss>';

let server: TestServer;
let store: Store;
let inFlight = 0;
let peak = 0;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function desk(): Promise<{ queue: JobQueue; kinds: Record<string, JobKind> }> {
  server = await startServer({
    ...Object.fromEntries(
      [0, 1, 2, 3].map((i) => [
        `/feed-${i}.xml`,
        (_req: unknown, res: import('node:http').ServerResponse) => {
          peak = Math.max(peak, ++inFlight);
          setTimeout(() => {
            inFlight--;
            res.writeHead(200, { etag: `"v${i}"`, 'content-type': 'application/rss+xml' }).end(FEED);
          }, 100);
        },
      ]),
    ),
    '/down.xml': (_req, res) => void res.writeHead(500).end(),
  });
  store = openSqliteStore(':memory:');
  const fetcher = createFetcher({ allowPrivate: true, hostDelayMs: 0, perHost: 8, retries: 0 }, store, store);
  cleanups.push(() => server.close(), () => store.close(), () => fetcher.close());
  peak = 0;
  return { queue: memoryJobQueue({ retries: 1, retryDelaySeconds: 1, leaseSeconds: 60 }), kinds: jobKinds({ store, fetcher, settings: runSettings(DEFAULT_CONFIG) }) };
}

/** Runs a worker until run `runId` has no job pending, and gives back what it reported. */
async function workUntilDone(queue: JobQueue, kinds: Record<string, JobKind>, runId: number, concurrency = 2): Promise<WorkerEvent[]> {
  const events: WorkerEvent[] = [];
  const stop = new AbortController();
  const worker = runWorker(queue, kinds, { concurrency, signal: stop.signal, onEvent: (e) => events.push(e), pollMs: 20 });
  await waitForRun(queue, runId, { pollMs: 20 });
  stop.abort();
  await worker;
  return events;
}

describe('runWorker', () => {
  it('does fetch jobs with the desk fetcher, N at a time, keeping each feed’s validators in the store', async () => {
    const { queue, kinds } = await desk();
    const urls = [0, 1, 2, 3].map((i) => server.url(`/feed-${i}.xml`));
    await queue.enqueue(1, urls.map((url) => fetchJob(url)));
    const events = await workUntilDone(queue, kinds, 1, 2);
    expect(events.map((e) => e.type)).toEqual(['done', 'done', 'done', 'done']);
    expect(peak).toBe(2);
    for (const [i, url] of urls.entries()) {
      expect(await store.getValidators(url)).toEqual({ etag: `"v${i}"` });
      expect(await store.getFetchHealth(url)).toMatchObject({ failures: 0 });
    }
    const done = events[0] as Extract<WorkerEvent, { type: 'done' }>;
    expect(kinds.fetch!.describe(done.output)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feed-\d\.xml: 9\d bytes$/);
  });

  it('reports a failing job as retried, then as failed for good, and the queue lists it with its last error', async () => {
    const { queue, kinds } = await desk();
    const url = server.url('/down.xml');
    await queue.enqueue(2, [fetchJob(url)]);
    const events = await workUntilDone(queue, kinds, 2);
    expect(events.map((e) => (e.type === 'failed' ? `failed ${e.job.attempt}/${e.job.maxAttempts} ${e.willRetry ? 'retrying' : 'for good'}: ${e.error}` : e.type))).toEqual([
      'failed 1/2 retrying: fetch: HTTP 500 Internal Server Error',
      'failed 2/2 for good: fetch: HTTP 500 Internal Server Error',
    ]);
    expect(await queue.list({ state: 'failed', limit: 5 })).toMatchObject([{ key: url, attempts: 2, lastError: 'fetch: HTTP 500 Internal Server Error' }]);
    expect(await store.getFetchHealth(url)).toMatchObject({ failures: 2, lastError: 'HTTP 500 Internal Server Error' });
  });

  it("hands source jobs to the pipeline's stage with their run and input, and the desk's store", async () => {
    const { queue } = await desk();
    const seen: Array<SourceJob & { sameStore: boolean }> = [];
    const fetcher = createFetcher({ allowPrivate: true }, store, store);
    cleanups.push(() => fetcher.close());
    const kinds = jobKinds({
      store,
      fetcher,
      settings: runSettings(DEFAULT_CONFIG),
      sourceStage: async (job, context) => {
        seen.push({ ...job, sameStore: context.store === store });
        return { articles: 2 };
      },
    });
    await queue.enqueue(5, [sourceJob(5, 'feeds/ashford-courier.xml')]);
    const events = await workUntilDone(queue, kinds, 5);
    expect(seen).toEqual([{ runId: 5, input: 'feeds/ashford-courier.xml', sameStore: true }]);
    const done = events[0] as Extract<WorkerEvent, { type: 'done' }>;
    expect(done.output).toEqual({ articles: 2 });
    expect(kinds.source!.describe(done.output)).toBe('2 articles');
    expect(jobKinds({ store, fetcher, settings: runSettings(DEFAULT_CONFIG) })).not.toHaveProperty('source');
  });

  it('on stop takes no new job, lets a job in hand finish within the grace, and gives back one that does not', async () => {
    const queue = memoryJobQueue({ retries: 1, retryDelaySeconds: 1, leaseSeconds: 60 });
    let finishQuick: () => void;
    const quick = new Promise<void>((resolve) => (finishQuick = resolve));
    const started: string[] = [];
    const kinds: Record<string, JobKind> = {
      wait: {
        async run(job, signal) {
          started.push(job.key);
          if (job.key === 'quick') await quick;
          else await new Promise((resolve) => signal.addEventListener('abort', resolve));
          return {};
        },
        describe: () => '',
      },
    };
    await queue.enqueue(1, ['quick', 'slow', 'later'].map((key) => ({ kind: 'wait', key, data: {} })));
    const events: WorkerEvent[] = [];
    const stop = new AbortController();
    const worker = runWorker(queue, kinds, { concurrency: 2, signal: stop.signal, onEvent: (e) => events.push(e), pollMs: 20, stopGraceMs: 300 });
    while (started.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    stop.abort();
    finishQuick!();
    await worker;
    expect(started).toEqual(['quick', 'slow']);
    expect(events.map((e) => `${e.type} ${'job' in e ? e.job.key : ''}`)).toEqual(['done quick', 'released slow']);
    const listed = new Map((await queue.list({ limit: 5 })).map((j) => [j.key, j]));
    expect(listed.get('quick')?.state).toBe('done');
    expect(listed.get('slow')).toMatchObject({ state: 'retry', lastError: 'the worker stopped before the job was finished' });
    expect(listed.get('later')?.state).toBe('queued');
  });

  it('says once that the database went away and once that it is back, and goes on taking jobs', async () => {
    const real = memoryJobQueue();
    let outage = 3;
    const flaky: JobQueue = {
      ...real,
      take: async (kinds, limit) => {
        if (outage-- > 0) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return real.take(kinds, limit);
      },
    };
    const kinds: Record<string, JobKind> = { note: { run: async () => ({ noted: true }), describe: () => 'noted' } };
    await real.enqueue(1, [{ kind: 'note', key: 'one', data: {} }]);
    const events = await workUntilDone(flaky, kinds, 1);
    expect(events.map((e) => e.type)).toEqual(['database-lost', 'database-back', 'done']);
  });
});
