// The desk's locks for PostgreSQL: session-level advisory locks, each held by a connection of its own for as
// long as the lease lasts. The server releases a session's advisory locks when its connection ends, so a run
// killed with -9 (or a machine that drops off the network) never leaves a lock behind. Locks are per
// database: two desks on one server do not wait for each other.
import type pg from 'pg';
import { DeskBusy, type LockHolder, type LockName, type LockOptions } from '../types.js';
import { openClient } from './connection.js';
import { LOCK_NAMESPACE } from './migrations.js';

/** Pause between attempts while another process holds the lock: short enough to start soon after it ends. */
export const LOCK_POLL_MS = 200;

/** The second half of each lock's key (the first is LOCK_NAMESPACE); 0 is the migrations' lock. */
const LOCK_KEYS: Record<LockName, number> = { run: 1, publish: 2 };

export interface Lease {
  release(): Promise<void>;
}

export async function advisoryLock(url: string, name: LockName, { wait, onWait, signal }: LockOptions, holder: () => Promise<LockHolder>): Promise<Lease> {
  signal?.throwIfAborted();
  const client = await openClient(url);
  let shown: string | undefined;
  try {
    while (!(await tryLock(client, name))) {
      const who = await holder();
      if (!wait) throw new DeskBusy(who);
      const key = JSON.stringify(who);
      // Said once, and again only when another run takes over: not when the holder is between commit and release.
      if (shown === undefined || (key !== shown && who.runId !== undefined)) {
        shown = key;
        onWait?.(who);
      }
      await pause(signal);
    }
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

function pause(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, LOCK_POLL_MS);
    const stop = (): void => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}
