// The contract every job queue passes: one suite, run against each implementation's factory (memory.test.ts,
// pgboss/pgboss.test.ts). Written against the JobQueue interface only.
import { afterEach, describe, expect, it } from 'vitest';
import { waitForRun } from './wait.js';
import type { JobQueue, QueueOptions, TakenJob } from './types.js';

/** Opens an empty queue; `second` is another worker's view of the same queue (another process for pg-boss). */
export interface QueueFactory {
  open(options: Partial<QueueOptions>): Promise<{ queue: JobQueue; second: () => Promise<JobQueue> }>;
}

/** Short knobs: retries 1 s apart, leases of 1 s. */
const QUICK: Partial<QueueOptions> = { retries: 1, retryDelaySeconds: 1, leaseSeconds: 1 };
/** Between two looks while a test waits for a retry or a lease to come due. */
const POLL_MS = 100;

const fetchJob = (url: string) => ({ kind: 'fetch', key: url, data: { url } });

/** Takes until a job comes back (a backoff or a lease has to pass first). */
async function takeWhenDue(queue: JobQueue, kinds: string[]): Promise<TakenJob> {
  for (;;) {
    const [job] = await queue.take(kinds, 1);
    if (job) return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export function queueContract(name: string, factory: QueueFactory): void {
  describe(`job queue contract: ${name}`, () => {
    const opened: JobQueue[] = [];
    const open = async (options: Partial<QueueOptions> = QUICK) => {
      const made = await factory.open(options);
      opened.push(made.queue);
      return {
        queue: made.queue,
        second: async () => {
          const other = await made.second();
          opened.push(other);
          return other;
        },
      };
    };
    afterEach(async () => {
      for (const queue of opened.splice(0)) await queue.close();
    });

    it('gives one job per key: asked for twice while it waits, and again once it is done', async () => {
      const { queue } = await open();
      const [first, again] = await queue.enqueue(1, [fetchJob('https://millbrook-ledger.example/feed.xml'), fetchJob('https://millbrook-ledger.example/feed.xml')]);
      expect(first!.created).toBe(true);
      expect(again).toEqual({ id: first!.id, created: false });
      const [later] = await queue.enqueue(1, [fetchJob('https://millbrook-ledger.example/feed.xml')]);
      expect(later).toEqual({ id: first!.id, created: false });
      const taken = await queue.take(['fetch'], 10);
      expect(taken.map((j) => j.id)).toEqual([first!.id]);
      expect(taken[0]).toMatchObject({ kind: 'fetch', key: 'https://millbrook-ledger.example/feed.xml', runId: 1, data: { url: 'https://millbrook-ledger.example/feed.xml' }, attempt: 1, maxAttempts: 2 });
      await queue.complete(taken[0]!);
      const [afterDone] = await queue.enqueue(2, [fetchJob('https://millbrook-ledger.example/feed.xml')]);
      expect(afterDone).toEqual({ id: first!.id, created: false });
      expect(await queue.take(['fetch'], 10)).toEqual([]);
      const listed = await queue.list({ limit: 10 });
      expect(listed.map((j) => [j.id, j.state, j.attempts, j.data])).toEqual([[first!.id, 'done', 1, { url: 'https://millbrook-ledger.example/feed.xml' }]]);
    });

    it('gives each job to one worker: two taking at once share the jobs without overlap', async () => {
      const { queue, second } = await open();
      const other = await second();
      await queue.enqueue(1, Array.from({ length: 6 }, (_, i) => fetchJob(`https://harbor-gazette.example/${i}`)));
      const [mine, theirs] = await Promise.all([queue.take(['fetch'], 4), other.take(['fetch'], 4)]);
      const ids = [...mine!, ...theirs!].map((j) => j.id);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
    });

    it('takes only the kinds asked for, the oldest first', async () => {
      const { queue } = await open();
      await queue.enqueue(1, [fetchJob('https://a.example/1'), { kind: 'source', key: 'feeds/ledger.xml', data: { input: 'feeds/ledger.xml' } }, fetchJob('https://a.example/2')]);
      expect((await queue.take(['fetch'], 1)).map((j) => j.key)).toEqual(['https://a.example/1']);
      expect((await queue.take(['fetch'], 5)).map((j) => j.key)).toEqual(['https://a.example/2']);
      expect((await queue.take(['source'], 5)).map((j) => j.data)).toEqual([{ input: 'feeds/ledger.xml' }]);
    });

    it('retries a failed job after a backoff, then lists it failed for good with its last error', async () => {
      const { queue } = await open();
      await queue.enqueue(3, [fetchJob('https://pinecrest-herald.example/feed')]);
      const [first] = await queue.take(['fetch'], 1);
      const failedAt = Date.now();
      await queue.fail(first!, 'fetch: HTTP 503 Service Unavailable');
      const waiting = await queue.list({ limit: 10 });
      expect(waiting).toMatchObject([{ state: 'retry', attempts: 1, maxAttempts: 2, lastError: 'fetch: HTTP 503 Service Unavailable', runId: 3 }]);
      expect(await queue.take(['fetch'], 1)).toEqual([]);
      const second = await takeWhenDue(queue, ['fetch']);
      // The backoff is at least the base delay (1 s here).
      expect(Date.now() - failedAt).toBeGreaterThanOrEqual(1000);
      expect(second).toMatchObject({ id: first!.id, attempt: 2, maxAttempts: 2 });
      await queue.fail(second, 'fetch: HTTP 500 Internal Server Error');
      const failed = await queue.list({ state: 'failed', limit: 10 });
      expect(failed).toMatchObject([{ id: first!.id, state: 'failed', attempts: 2, lastError: 'fetch: HTTP 500 Internal Server Error' }]);
      expect(failed[0]!.finishedAt).toBeDefined();
      expect(await queue.list({ state: 'retry', limit: 10 })).toEqual([]);
    });

    it('keeps the last error while a job is retried and drops it once the job is done: a done job lists no error', async () => {
      const { queue } = await open();
      await queue.enqueue(4, [fetchJob('https://marrowgate-courier.example/feed')]);
      const [first] = await queue.take(['fetch'], 1);
      await queue.fail(first!, 'fetch: HTTP 503 Service Unavailable');
      const again = await takeWhenDue(queue, ['fetch']);
      // Taken again: the error of the attempt before is still the job's last word until this one ends.
      expect((await queue.list({ limit: 1 }))[0]).toMatchObject({ state: 'active', attempts: 2, lastError: 'fetch: HTTP 503 Service Unavailable' });
      await queue.complete(again, { bytes: 3 });
      const [done] = await queue.list({ limit: 1 });
      expect(done).toMatchObject({ state: 'done', attempts: 2, output: { bytes: 3 } });
      expect(done).not.toHaveProperty('lastError');
    });

    it('gives a job that failed for good one more attempt when it is asked for again', async () => {
      const { queue } = await open({ ...QUICK, retries: 0 });
      const [enqueued] = await queue.enqueue(1, [fetchJob('https://a.example/gone')]);
      const [job] = await queue.take(['fetch'], 1);
      await queue.fail(job!, 'fetch: HTTP 500');
      expect((await queue.list({ limit: 1 }))[0]?.state).toBe('failed');
      expect((await queue.enqueue(2, [fetchJob('https://a.example/gone')]))[0]).toEqual({ id: enqueued!.id, created: false });
      const again = await takeWhenDue(queue, ['fetch']);
      expect(again).toMatchObject({ id: enqueued!.id, attempt: 2, maxAttempts: 2 });
    });

    it('puts a job back in the queue when its lease runs out, for another worker to do', async () => {
      const { queue, second } = await open();
      const other = await second();
      await queue.enqueue(1, [fetchJob('https://a.example/stuck')]);
      const [held] = await queue.take(['fetch'], 1);
      // This worker never answers again; the other one gets the job once the lease has run out.
      const redone = await takeWhenDue(other, ['fetch']);
      expect(redone).toMatchObject({ id: held!.id, attempt: 2 });
      const listed = await other.list({ limit: 1 });
      expect(listed[0]).toMatchObject({ state: 'active', attempts: 2 });
      expect(listed[0]!.lastError).toMatch(/lease of 1 s ran out/);
      await other.complete(redone, { bytes: 12, validators: { 'https://a.example/stuck': { etag: '"v1"' } } });
      // What the job produced is listed with it, for every process: a queued run reads its jobs' outcomes so.
      const done = (await queue.list({ limit: 1 }))[0];
      expect(done).toMatchObject({ state: 'done', attempts: 2, output: { bytes: 12, validators: { 'https://a.example/stuck': { etag: '"v1"' } } } });
    });

    it("counts a run's jobs, its own and those it shares with another run, until none is pending", async () => {
      const { queue } = await open({ ...QUICK, retries: 0 });
      await queue.enqueue(1, ['a', 'b', 'c'].map((k) => fetchJob(`https://a.example/${k}`)));
      await queue.enqueue(2, ['c', 'd'].map((k) => fetchJob(`https://a.example/${k}`)));
      expect(await queue.progress(1)).toEqual({ total: 3, done: 0, failed: 0, pending: 3 });
      const jobs = new Map((await queue.take(['fetch'], 10)).map((j) => [j.key.slice(-1), j]));
      expect(jobs.get('c')?.runId).toBe(1);
      await queue.complete(jobs.get('a')!);
      await queue.fail(jobs.get('b')!, 'fetch: HTTP 404');
      await queue.complete(jobs.get('c')!);
      expect(await queue.progress(1)).toEqual({ total: 3, done: 2, failed: 1, pending: 0 });
      expect(await queue.progress(2)).toEqual({ total: 2, done: 1, failed: 0, pending: 1 });
      expect((await queue.list({ runId: 2, limit: 10 })).map((j) => j.key).sort()).toEqual(['https://a.example/c', 'https://a.example/d']);
      expect(await queue.progress(99)).toEqual({ total: 0, done: 0, failed: 0, pending: 0 });
    });

    it("cancels a run's unfinished jobs that no other run shares: none is taken again, and a worker's late word is ignored", async () => {
      const { queue, second } = await open({ ...QUICK, retries: 0 });
      const worker = await second();
      // Two batches, so that the first two are the oldest and taken first.
      await queue.enqueue(5, ['done', 'held'].map((k) => fetchJob(`https://a.example/${k}`)));
      await queue.enqueue(5, ['waiting', 'shared'].map((k) => fetchJob(`https://a.example/${k}`)));
      await queue.enqueue(6, [fetchJob('https://a.example/shared')]);
      const held = new Map((await worker.take(['fetch'], 2)).map((j) => [j.key.split('/').pop(), j]));
      await worker.complete(held.get('done')!);
      expect(await queue.cancelRun(5)).toBe(2);
      // The worker still holding a cancelled job reports on it: it stays cancelled.
      await worker.complete(held.get('held')!, { bytes: 1 });
      const states = Object.fromEntries((await queue.list({ runId: 5, limit: 10 })).map((j) => [j.key.split('/').pop(), j.state]));
      expect(states).toEqual({ done: 'done', held: 'cancelled', waiting: 'cancelled', shared: 'queued' });
      expect((await worker.take(['fetch'], 10)).map((j) => j.key)).toEqual(['https://a.example/shared']);
      expect(await queue.progress(5)).toEqual({ total: 4, done: 1, failed: 2, pending: 1 });
      // Asked for again, a cancelled job stays cancelled: its key names work nobody waits for.
      expect(await queue.enqueue(7, [fetchJob('https://a.example/waiting')])).toEqual([{ id: expect.any(String), created: false }]);
      expect(await queue.progress(7)).toEqual({ total: 1, done: 0, failed: 1, pending: 0 });
      expect(await queue.cancelRun(5)).toBe(0);
    });

    it('lets a run wait until every job of it is done or failed for good, seeing the counts change', async () => {
      const { queue, second } = await open({ ...QUICK, retries: 0 });
      const worker = await second();
      await queue.enqueue(7, ['a', 'b'].map((k) => fetchJob(`https://a.example/${k}`)));
      const seen: string[] = [];
      let started: () => void;
      const firstLook = new Promise<void>((resolve) => (started = resolve));
      const waiting = waitForRun(queue, 7, {
        pollMs: 20,
        onProgress: (p) => {
          seen.push(`${p.done}/${p.failed}/${p.total}`);
          started();
        },
      });
      await firstLook;
      const [a, b] = await worker.take(['fetch'], 2);
      await worker.complete(a!);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await worker.fail(b!, 'fetch: HTTP 410');
      expect(await waiting).toEqual({ total: 2, done: 1, failed: 1, pending: 0 });
      expect(seen[0]).toBe('0/0/2');
      expect(seen).toContain('1/0/2');
      expect(seen.at(-1)).toBe('1/1/2');
    });
  });
}
