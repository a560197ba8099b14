import { afterAll, beforeAll } from 'vitest';
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
