// The desk's locks for PostgreSQL: session-level advisory locks, each held by a connection of its own for as
// long as the lease lasts. The server releases a session's advisory locks when its connection ends, so a run
// killed with -9 (or a machine that drops off the network) never leaves a lock behind. Locks are per
// database: two desks on one server do not wait for each other. A connection the server drops while its
// holder lives on (a restart) is opened again and the lock taken again, so that a run outlives the restart
// still holding the desk; should another process have taken it meanwhile, that one holds it.
import { setTimeout as delay } from 'node:timers/promises';
import type pg from 'pg';
import type { LockHolder, LockName, LockOptions } from '../types.js';
import { waitForLock, type Lease } from '../waiting.js';
import { openClient } from './connection.js';
import { LOCK_NAMESPACE } from './migrations.js';

/** The second half of each lock's key (the first is LOCK_NAMESPACE); 0 is the migrations' lock. */
const LOCK_KEYS: Record<LockName, number> = { run: 1, publish: 2 };
/** Taking a lock again after its connection dropped: at once, then doubling to this while the server is away. */
const RETAKE_MIN_MS = 250;
const RETAKE_MAX_MS = 5_000;

export type { Lease };

export async function advisoryLock(url: string, name: LockName, options: LockOptions, holder: () => Promise<LockHolder>): Promise<Lease> {
  options.signal?.throwIfAborted();
  let client = await openClient(url);
  try {
    await waitForLock(() => tryLock(client, name), options, holder);
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  let released = false;
  let retaking: Promise<void> | undefined;
  const hold = (held: pg.Client): void => {
    held.once('end', () => {
      if (released || held !== client) return;
      retaking = retake().finally(() => (retaking = undefined));
    });
  };
  /** Until the server answers again: a new connection, and the lock on it unless someone else has it now. */
  const retake = async (): Promise<void> => {
    for (let wait = RETAKE_MIN_MS; !released; wait = Math.min(wait * 2, RETAKE_MAX_MS)) {
      await delay(wait);
      const fresh = await openClient(url).catch(() => undefined);
      if (!fresh) continue;
      const taken = released ? false : await tryLock(fresh, name).catch(() => undefined);
      if (taken) {
        client = fresh;
        hold(fresh);
        return;
      }
      await fresh.end().catch(() => {});
      // Taken by another process while this one was cut off, or given up meanwhile: this lease holds nothing.
      if (taken === false) return;
    }
  };
  hold(client);
  return {
    release: async () => {
      if (released) return;
      released = true;
      await retaking;
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
