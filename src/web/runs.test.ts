import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, runSettings } from '../config.js';
import { openSqliteStore } from '../store/index.js';
import { RunTracker } from './runs.js';
import { runSummary } from './pages.js';

describe('RunTracker', () => {
  it('reports a run that throws as failed with its message, and can start again afterwards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-runs-'));
    const store = openSqliteStore(join(dir, 'newsdesk.db'));
    let calls = 0;
    const tracker = new RunTracker(
      store,
      { inputs: [join(dir, 'feeds')], outDir: join(dir, 'out'), settings: runSettings(DEFAULT_CONFIG) },
      () => '2026-11-23T10:00:00.000Z',
      async (options) => {
        calls += 1;
        options.onProgress?.({ stage: 'ingest', done: 0, total: 1 });
        throw new Error('disk <full>');
      },
    );
    expect(tracker.start()).toMatchObject({ status: 'running', startedAt: '2026-11-23T10:00:00.000Z' });
    await tracker.settled();
    const failed = tracker.current();
    expect(failed).toMatchObject({ status: 'failed', error: 'disk <full>', stages: ['ingest'], progress: { stage: 'ingest', done: 0, total: 1 } });
    expect(runSummary(failed)).toBe('Run failed: disk <full>');
    expect(tracker.start()?.status).toBe('running');
    await tracker.settled();
    expect(calls).toBe(2);
    await store.close();
  });
});
