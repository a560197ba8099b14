// stageInputs stages one batch while ingest reads the next. A batch the store refuses ends the reading: the
// error is the run's, nothing is staged after it, and no staging is left running when stageInputs returns.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../bench/corpus.js';
import { DEFAULT_CONFIG, runSettings } from './config.js';
import { INGEST_BATCH_DOCUMENTS } from './ingest/index.js';
import { stageInputs } from './pipeline-batch.js';
import { openSqliteStore, type Store } from './store/index.js';
import { runPipeline } from './pipeline.js';

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

describe('an article met twice in one batch', () => {
  it('is staged and ranked once: initial ranks leave no gap and a copy is not counted twice', async () => {
    const folder = join(work, 'twice');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'a-quarry.txt'),
      'Quarry expansion approved at Tollen Ridge\n\nThe Tollen Ridge council approved the quarry expansion on Tuesday by six votes to one.\n\nResidents said trucks would pass the school twice an hour.\n',
    );
    // The same file saved twice under another name: one article, with one id.
    copyFileSync(join(folder, 'a-quarry.txt'), join(folder, 'b-quarry-copy.txt'));
    writeFileSync(
      join(folder, 'c-library.txt'),
      'Library hours extended in Marlow Cove\n\nThe Marlow Cove library will stay open until nine on weekdays from March, its director said.\n\nThe change costs the town 14,000 a year.\n',
    );
    const store = openSqliteStore(join(work, 'twice.db'));
    const staged: number[] = [];
    const { result } = await runPipeline(
      { inputs: [folder], outDir: join(work, 'twice-out'), settings: runSettings(DEFAULT_CONFIG), now: '2026-12-01T06:00:00.000Z', onProgress: (p) => void (p.stage === 'summarize' && staged.push(p.done)) },
      store,
    );
    expect(staged.at(-1)).toBe(2);
    expect(result.candidates.map((c) => c.initialRank).sort()).toEqual([1, 2]);
    expect(result.duplicates).toEqual([]);
    await store.close();
  });
});
