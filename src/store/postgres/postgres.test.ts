import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../../test/helpers/postgres.js';
import { storeContract } from '../contract.js';
import { openPostgresStore } from './index.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

storeContract('postgres', {
  async open() {
    const url = await server.createDatabase();
    return { store: await openPostgresStore(url), second: () => openPostgresStore(url) };
  },
});
