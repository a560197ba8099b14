// The desk's locks for PostgreSQL: session-level advisory locks, each held by a connection of its own for as
// long as the lease lasts. The server releases a session's advisory locks when its connection ends, so a run
// killed with -9 (or a machine that drops off the network) never leaves a lock behind. Locks are per
// database: two desks on one server do not wait for each other.
import type pg from 'pg';
import type { LockHolder, LockName, LockOptions } from '../types.js';
import { waitForLock, type Lease } from '../waiting.js';
import { openClient } from './connection.js';
import { LOCK_NAMESPACE } from './migrations.js';

/** The second half of each lock's key (the first is LOCK_NAMESPACE); 0 is the migrations' lock. */
const LOCK_KEYS: Record<LockName, number> = { run: 1, publish: 2 };

export type { Lease };

export async function advisoryLock(url: string, name: LockName, options: LockOptions, holder: () => Promise<LockHolder>): Promise<Lease> {
  options.signal?.throwIfAborted();
  const client = await openClient(url);
  try {
    await waitForLock(() => tryLock(client, name), options, holder);
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      // Ending the session releases its advisory locks; the explicit unlock only says so sooner.
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, LOCK_KEYS[name]]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

async function tryLock(client: pg.Client, name: LockName): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [LOCK_NAMESPACE, LOCK_KEYS[name]]);
  return rows[0]?.locked === true;
}
