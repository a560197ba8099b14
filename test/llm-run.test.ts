// A run with the model backend, in process: cancelled while a request is in flight, it stops, stores nothing
// and is recorded as cancelled.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, runSettings } from '../src/config.js';
import { RunCancelled, runPipeline } from '../src/pipeline.js';
import { openSqliteStore } from '../src/store/index.js';
import { startFakeModel } from '../eval/llm/fake-server.js';
import { REPO, tempDir } from './helpers/cli.js';

describe('a run with the model backend', () => {
  it('is cancelled while a model request is in flight: nothing is stored and the run says cancelled', async () => {
    const server = await startFakeModel(() => ({ content: '{"sentences":[]}', delayMs: 600_000 }));
    const dir = tempDir('newsdesk-llm-cancel-');
    const store = openSqliteStore(join(dir, 'desk.db'));
    const settings = runSettings(DEFAULT_CONFIG);
    let cancel = false;
    try {
      const run = runPipeline(
        {
          inputs: [join(REPO, 'eval/llm/articles/ferry-fares.txt')],
          outDir: join(dir, 'out'),
          now: '2026-12-06T08:00:00.000Z',
          settings: { ...settings, summarize: { backend: 'llm' }, llm: { ...settings.llm!, url: server.url, model: 'slow-7b', allowPrivate: true } },
          cancelled: () => cancel,
        },
        store,
      );
      while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
      cancel = true;
      await expect(run).rejects.toBeInstanceOf(RunCancelled);
      expect((await store.listRuns()).map((r) => r.status)).toEqual(['cancelled']);
      expect(await store.countRows('articles')).toBe(0);
    } finally {
      await store.close();
      await server.close();
    }
  });
});
