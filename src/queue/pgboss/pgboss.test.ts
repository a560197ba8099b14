import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../../test/helpers/postgres.js';
import { queueContract } from '../contract.js';
import { openPgBossQueue } from './index.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

queueContract('pg-boss', {
  async open(options) {
    const url = await server.createDatabase();
    // Leases looked at every second, so that a lease of 1 s runs out within the test.
    const quick = { ...options, leaseCheckSeconds: 1 };
    return { queue: await openPgBossQueue(url, quick), second: () => openPgBossQueue(url, quick) };
  },
});

describe('pg-boss queue', () => {
  it('makes its queue while other processes take jobs from a new database at once (a deadlock PostgreSQL breaks is tried again)', async () => {
    // The race is not every time: a few new databases make it likely (it failed 2 rounds of 8 before the retry).
    for (let round = 0; round < 8; round++) {
      const url = await server.createDatabase();
      const queues = await Promise.all([1, 2, 3].map(() => openPgBossQueue(url)));
      try {
        const [enqueued, ...taken] = await Promise.all([queues[0]!.enqueue(1, [{ kind: 'fetch', key: `round ${round}`, data: {} }]), queues[1]!.take(['fetch'], 4), queues[2]!.take(['fetch'], 4)]);
        expect(enqueued).toHaveLength(1);
        expect(taken.flat().length).toBeLessThanOrEqual(1);
      } finally {
        for (const queue of queues) await queue.close();
      }
    }
  });
});
