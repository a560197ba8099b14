// stageInputs stages one batch while ingest reads the next. A batch the store refuses ends the reading: the
// error is the run's, nothing is staged after it, and no staging is left running when stageInputs returns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../bench/corpus.js';
import { DEFAULT_CONFIG, runSettings } from './config.js';
import { INGEST_BATCH_DOCUMENTS } from './ingest/index.js';
import { stageInputs } from './pipeline-batch.js';
import { openSqliteStore, type Store } from './store/index.js';

const work = mkdtempSync(join(tmpdir(), 'newsdesk-batches-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('stageInputs', () => {
  const folder = join(work, 'in');
  writeSyntheticCorpus(folder, INGEST_BATCH_DOCUMENTS * 3 + 10);

  // On one thread each batch is staged before the next is read; with summary threads, while it is read.
  it.each([1, 2])('stops at the first batch the store refuses, with its error, and stages nothing after it (%i summary threads)', async (threads) => {
    const store = openSqliteStore(':memory:');
    const runId = await store.beginRun({ startedAt: '2026-12-01T06:00:00.000Z', inputs: [folder] });
    const calls: number[] = [];
    // The store as it is, but its second staging fails (a full disk, say).
    const refusing: Store = Object.assign(Object.create(store) as Store, {
      async stageArticles(id: number, batch: Parameters<Store['stageArticles']>[1]) {
        calls.push(batch.length);
        if (calls.length === 2) throw new Error('disk full while staging');
        return store.stageArticles(id, batch);
      },
    });
    const told: number[] = [];
    await expect(
      stageInputs(runId, [folder], runSettings({ ...DEFAULT_CONFIG, summarize: { ...DEFAULT_CONFIG.summarize, threads } }), refusing, {
        hooks: { onCancel: () => new Error('cancelled') },
        staged: () => false,
        onStaged: (articles) => told.push(articles.length),
      }),
    ).rejects.toThrow('disk full while staging');
    expect(calls).toHaveLength(2);
    // Only the first batch was staged and reported; the second's articles are in no table.
    expect(told).toEqual([calls[0]]);
    expect(await store.stagedIds(runId)).toHaveLength(calls[0]!);
    await store.close();
  });
});
