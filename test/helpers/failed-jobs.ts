// A PostgreSQL desk with jobs that failed for good, served by the real editor: the board filled by the real
// pipeline from the editor fixtures, and fetch jobs of two runs done by a real worker against a loopback host
// where two feeds answer 503 (each tried twice) and one answers. The publishers are invented.
import { join } from 'node:path';
import { DEFAULT_CONFIG, runSettings } from '../../src/config.js';
import { createFetcher } from '../../src/fetch/index.js';
import { runPipeline } from '../../src/pipeline.js';
import { openJobQueue, waitForRun } from '../../src/queue/index.js';
import { fetchJob } from '../../src/queue/kinds/index.js';
import { fetchKind } from '../../src/queue/kinds/fetch.js';
import { runWorker } from '../../src/queue/worker.js';
import { openStore, type Store } from '../../src/store/index.js';
import { deskJobSource } from '../../src/web/jobs.js';
import { newToken } from '../../src/web/security.js';
import { startEditor, type RunningEditor } from '../../src/web/server.js';
import { tempDir } from './cli.js';
import { EDITOR_FIXTURES } from './editor.js';
import { startPostgres, type PostgresServer } from './postgres.js';
import { startServer, type TestServer } from './server.js';

const RSS = '<rss version="2.0"><channel><title>Tallow Creek Bulletin</title></channel></rss>';
/** Jobs tried twice, a second apart: a retry, then failed for good. */
const QUEUE = { retries: 1, retryDelaySeconds: 1, leaseCheckSeconds: 1 };

export interface FailedJobsDesk {
  editor: RunningEditor;
  token: string;
  store: Store;
  pg: PostgresServer;
  /** The feed URLs: run 1 asked for `quarry` (failed) and `tallow` (done), run 2 for `lantern` (failed). */
  feeds: { quarry: string; tallow: string; lantern: string };
  stop(): Promise<void>;
}

export async function startFailedJobsDesk(): Promise<FailedJobsDesk> {
  const pg = await startPostgres();
  const host: TestServer = await startServer({
    '/quarry-gazette/feed.xml': (_req, res) => void res.writeHead(503, 'Service Unavailable').end('down for maintenance'),
    '/lantern-weekly/feed.xml': (_req, res) => void res.writeHead(503, 'Service Unavailable').end('down for maintenance'),
    '/tallow-creek/feed.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS),
  });
  const feeds = { quarry: host.url('/quarry-gazette/feed.xml'), tallow: host.url('/tallow-creek/feed.xml'), lantern: host.url('/lantern-weekly/feed.xml') };
  const db = await pg.createDatabase();
  const store = await openStore(db);
  const dir = tempDir('newsdesk-failed-jobs-');
  const settings = runSettings(DEFAULT_CONFIG);
  await runPipeline({ inputs: [EDITOR_FIXTURES], outDir: join(dir, 'out'), settings, now: '2026-11-23T08:00:00.000Z' }, store);

  const queue = await openJobQueue(db, QUEUE);
  await queue.enqueue(1, [fetchJob(feeds.quarry), fetchJob(feeds.tallow)]);
  await queue.enqueue(2, [fetchJob(feeds.lantern)]);
  const fetcher = createFetcher({ allowPrivate: true, hostDelayMs: 0, retries: 0 }, store, store);
  const stop = new AbortController();
  const working = runWorker(queue, { fetch: fetchKind(fetcher, store) }, { concurrency: 2, signal: stop.signal, onEvent: () => {}, pollMs: 100 });
  for (const run of [1, 2]) await waitForRun(queue, run, { pollMs: 100 });
  stop.abort();
  await working;
  await fetcher.close();
  await queue.close();
  await host.close();

  const token = newToken();
  const editor = await startEditor({
    store,
    token,
    host: '127.0.0.1',
    port: 0,
    run: { inputs: [EDITOR_FIXTURES], outDir: join(dir, 'out'), settings },
    jobs: deskJobSource(db, {}),
  });
  return {
    editor,
    token,
    store,
    pg,
    feeds,
    stop: async () => {
      await editor.close();
      await store.close();
      await pg.stop();
    },
  };
}
