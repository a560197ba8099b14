// Waiting for one of the desk's locks, the same way on every backend: try, and while another process holds
// the lock either fail at once (DeskBusy) or say who holds it and try again shortly.
import { DeskBusy, type LockHolder, type LockOptions } from './types.js';

/** Pause between attempts while another run holds the lock: short enough to start soon after it ends. */
export const LOCK_POLL_MS = 200;

export interface Lease {
  release(): Promise<void>;
}

/**
 * Calls `take` until it gets the lock. While it does not: with `wait` false, throws DeskBusy naming the
 * holder; else tells `onWait` who holds it (once, and again only when another run takes over: not when the
 * holder is between its commit and its release) and tries again after LOCK_POLL_MS, until `signal` aborts.
 */
export async function waitForLock(
  take: () => boolean | Promise<boolean>,
  { wait, onWait, signal }: LockOptions,
  holder: () => LockHolder | Promise<LockHolder>,
): Promise<void> {
  let shown: string | undefined;
  while (!(await take())) {
    const who = await holder();
    if (!wait) throw new DeskBusy(who);
    const key = JSON.stringify(who);
    if (shown === undefined || (key !== shown && who.runId !== undefined)) {
      shown = key;
      onWait?.(who);
    }
    await pause(signal);
  }
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
