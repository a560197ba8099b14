import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type PostgresServer } from '../../../test/helpers/postgres.js';
import { politenessContract } from '../../fetch/shared-politeness-contract.js';
import { openPostgresStore } from './index.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

// Two stores, two connection pools: what two worker processes on one PostgreSQL see.
politenessContract('PostgreSQL, two connections', {
  async open() {
    const url = await server.createDatabase();
    const first = await openPostgresStore(url);
    const second = await openPostgresStore(url);
    return {
      first,
      second,
      close: async () => {
        await first.close();
        await second.close();
      },
    };
  },
});
