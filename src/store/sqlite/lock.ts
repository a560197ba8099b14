// The desk's locks for SQLite: an exclusive transaction held open on a small file beside the database
// (`<db>.lock` for runs, `<db>.publish.lock` for publishing). SQLite's own file locks are released by the operating system when the process holding them
// ends, so a run killed with -9 never leaves a lock behind, and they also exclude other connections and
// worker threads of the same process. The database itself stays free for readers and editors' decisions.
import Database from 'better-sqlite3';
import { DeskBusy, type LockHolder, type LockOptions } from '../types.js';

/** Pause between attempts while another run holds the lock: short enough to start soon after it ends. */
export const LOCK_POLL_MS = 200;

export interface Lease {
  release(): Promise<void>;
}

/** Serializes writers within this process for an in-memory database, which has no file to lock. */
class MemoryLock {
  private held = false;

  async acquire({ wait, signal }: LockOptions, holder: () => LockHolder): Promise<Lease> {
    while (this.held) {
      if (!wait) throw new DeskBusy(holder());
      await pause(signal);
    }
    this.held = true;
    return { release: async () => void (this.held = false) };
  }
}

export function fileLock(file: string | undefined, suffix: string): (options: LockOptions, holder: () => LockHolder) => Promise<Lease> {
  if (file === undefined) {
    const memory = new MemoryLock();
    return (options, holder) => memory.acquire(options, holder);
  }
  return async ({ wait, onWait, signal }, holder) => {
    const lock = new Database(`${file}.${suffix}`, { timeout: 0 });
    let shown: string | undefined;
    try {
      for (;;) {
        try {
          lock.exec('BEGIN EXCLUSIVE');
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        }
        const who = holder();
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
      lock.close();
      throw error;
    }
    return {
      release: async () => {
        if (!lock.open) return;
        lock.exec('ROLLBACK');
        lock.close();
      },
    };
  };
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
