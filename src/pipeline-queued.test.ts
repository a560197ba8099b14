// A queued run on the real SQLite store and the in-process queue, with this test as its worker: a job that
// fails for good is a failed input with its last error, and the run commits what the other jobs staged.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, runSettings } from './config.js';
import { runQueued } from './pipeline-queued.js';
import type { Progress } from './pipeline.js';
import { stageSource } from './pipeline-source.js';
import { memoryJobQueue, type JobQueue, type TakenJob } from './queue/index.js';
import { SOURCE_KIND } from './queue/kinds/index.js';
import { openSqliteStore, type Store } from './store/index.js';

const DEMO = fileURLToPath(new URL('../examples/demo/', import.meta.url));
const settings = runSettings(DEFAULT_CONFIG);
const NOW = '2026-11-24T06:00:00.000Z';

/** Takes jobs until `count` have been taken. */
async function takeAll(queue: JobQueue, count: number): Promise<TakenJob[]> {
  const taken: TakenJob[] = [];
  while (taken.length < count) {
    taken.push(...(await queue.take([SOURCE_KIND], count)));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return taken;
}

async function doJob(job: TakenJob, store: Store, queue: JobQueue): Promise<void> {
  const output = await stageSource({ runId: job.runId!, input: String(job.data.input) }, { store, settings, signal: new AbortController().signal });
  await queue.complete(job, output);
}

describe('runQueued', () => {
  it('reports a job failed for good as a failed input with its last error, and commits what the others staged', async () => {
    const store = openSqliteStore(':memory:');
    const queue = memoryJobQueue({ retries: 0 });
    const [feeds, pages] = [join(DEMO, 'feeds'), join(DEMO, 'pages')];
    const running = runQueued({ inputs: [feeds, pages], outDir: mkdtempSync(join(tmpdir(), 'newsdesk-queued-')), settings, now: NOW, queue, pollMs: 10 }, store);
    const jobs = await takeAll(queue, 2);
    expect(jobs.map((j) => j.key)).toEqual([`run 1: ${feeds}`, `run 1: ${pages}`]);
    await doJob(jobs[0]!, store, queue);
    await queue.fail(jobs[1]!, 'store: the database went away');
    const outcome = await running;
    expect(outcome.committed).toBe(true);
    expect(outcome.result.failures).toEqual([
      { path: pages, reason: 'its source job failed for good after 1 of 1 attempts: store: the database went away; see newsdesk jobs --failed' },
    ]);
    // Only the feeds' articles: every one of them from a feed.
    expect(outcome.result.heads.length).toBeGreaterThan(10);
    expect(new Set((await store.loadRun(outcome.runId)).articles.map((a) => a.origin.path.startsWith(feeds)))).toEqual(new Set([true]));
    expect(await store.latestRun()).toMatchObject({ id: 1, status: 'committed', articleCount: outcome.result.heads.length, failureCount: 1 });
    await store.close();
  });

  it('reads what one job staged while another is under way, and commits the same run whatever the order of the jobs', async () => {
    const [feeds, pages, text] = [join(DEMO, 'feeds'), join(DEMO, 'pages'), join(DEMO, 'text')];
    const runs: unknown[] = [];
    for (const order of [[0, 1, 2], [2, 1, 0]]) {
      const store = openSqliteStore(':memory:');
      // Told each time the run reads staged articles back, with their ids, until dedupe reads some again.
      const reads: string[][] = [];
      let told: (() => void) | undefined;
      let deduping = false;
      const watched: Store = Object.assign(Object.create(store) as Store, {
        stagedArticles: async (runId: number, ids: string[]) => {
          if (!deduping) reads.push(ids);
          told?.();
          return store.stagedArticles(runId, ids);
        },
      });
      const queue = memoryJobQueue({ retries: 0 });
      const onProgress = (p: Progress): void => void (deduping ||= p.stage === 'dedupe');
      const running = runQueued({ inputs: [feeds, pages, text], outDir: mkdtempSync(join(tmpdir(), 'newsdesk-queued-')), settings, now: NOW, queue, pollMs: 10, onProgress }, watched);
      const jobs = await takeAll(queue, 3);
      const [first, ...rest] = order.map((i) => jobs[i]!);
      const readBack = new Promise<void>((resolve) => (told = resolve));
      await doJob(first!, store, queue);
      // The run reads the first job's articles while the others are still to do.
      await readBack;
      const firstIds = await store.stagedIds(1);
      expect(reads.flat().sort()).toEqual(firstIds);
      for (const job of rest) await doJob(job, store, queue);
      const outcome = await running;
      expect(outcome.committed).toBe(true);
      // Every staged article read once, none twice.
      expect(reads.flat().length).toBe(new Set(reads.flat()).size);
      expect(reads.flat().length).toBe((await store.latestRun())!.articleCount);
      runs.push({ result: outcome.result, run: await store.loadRun(outcome.runId) });
      await store.close();
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it('commits nothing when every job failed, and says why the run failed', async () => {
    const store = openSqliteStore(':memory:');
    const queue = memoryJobQueue({ retries: 0 });
    const running = runQueued({ inputs: [join(DEMO, 'text')], outDir: mkdtempSync(join(tmpdir(), 'newsdesk-queued-')), settings, now: NOW, queue, pollMs: 10 }, store);
    const [job] = await takeAll(queue, 1);
    await queue.fail(job!, 'source job: the worker stopped');
    const outcome = await running;
    expect(outcome.committed).toBe(false);
    expect(outcome.result.failures.map((f) => f.reason)).toEqual([expect.stringMatching(/^its source job failed for good after 1 of 1 attempts: source job: the worker stopped/)]);
    expect((await store.listRuns()).map((r) => [r.status, r.reason])).toEqual([['failed', 'no input could be read']]);
    expect(await store.countRows('articles')).toBe(0);
    await store.close();
  });

  it('cancels the jobs it leaves undone when it is cancelled, and those of a run whose process died', async () => {
    const store = openSqliteStore(':memory:');
    const queue = memoryJobQueue({ retries: 0 });
    const [feeds, pages] = [join(DEMO, 'feeds'), join(DEMO, 'pages')];
    // A run whose process died with its jobs in the queue: still marked running, its lock long gone.
    const dead = await store.beginRun({ startedAt: NOW, inputs: [feeds], pid: 999_999 });
    await queue.enqueue(dead, [{ kind: SOURCE_KIND, key: `run ${dead}: ${feeds}`, data: { runId: dead, input: feeds } }]);
    const stop = new AbortController();
    const running = runQueued({ inputs: [feeds, pages], outDir: mkdtempSync(join(tmpdir(), 'newsdesk-queued-')), settings, now: NOW, queue, pollMs: 10, signal: stop.signal }, store);
    // The dead run's job is cancelled before this run's are asked for: once they are, only they are there to take.
    while ((await queue.progress(2)).total < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const jobs = await takeAll(queue, 2);
    expect(jobs.map((j) => j.runId)).toEqual([2, 2]);
    expect((await queue.list({ runId: dead, limit: 10 })).map((j) => j.state)).toEqual(['cancelled']);
    await doJob(jobs[0]!, store, queue);
    stop.abort();
    await expect(running).rejects.toThrow(/cancelled/);
    // The job left undone is cancelled with its run: no worker takes it again.
    expect((await queue.list({ runId: 2, limit: 10 })).map((j) => [j.key, j.state]).sort()).toEqual([
      [`run 2: ${feeds}`, 'done'],
      [`run 2: ${pages}`, 'cancelled'],
    ]);
    expect((await store.listRuns()).map((r) => [r.id, r.status])).toEqual([
      [1, 'abandoned'],
      [2, 'cancelled'],
    ]);
    expect(await store.stagedIds(2)).toEqual([]);
    await store.close();
  });
});
