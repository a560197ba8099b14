// The desk's locks for SQLite: an exclusive transaction held open on a small file beside the database
// (`<db>.lock` for runs, `<db>.publish.lock` for publishing). SQLite's own file locks are released by the operating system when the process holding them
// ends, so a run killed with -9 never leaves a lock behind, and they also exclude other connections and
// worker threads of the same process. The database itself stays free for readers and editors' decisions.
import Database from 'better-sqlite3';
import type { LockHolder, LockOptions } from '../types.js';
import { waitForLock, type Lease } from '../waiting.js';

export type { Lease };

/** Serializes writers within this process for an in-memory database, which has no file to lock. */
class MemoryLock {
  private held = false;

  async acquire({ wait, signal }: LockOptions, holder: () => LockHolder): Promise<Lease> {
    // Taken in the same step as it is checked: two writers waiting in this process never both get it.
    const take = (): boolean => (this.held ? false : (this.held = true));
    await waitForLock(take, { wait, ...(signal ? { signal } : {}) }, holder);
    return { release: async () => void (this.held = false) };
  }
}

export function fileLock(file: string | undefined, suffix: string): (options: LockOptions, holder: () => LockHolder) => Promise<Lease> {
  if (file === undefined) {
    const memory = new MemoryLock();
    return (options, holder) => memory.acquire(options, holder);
  }
  return async (options, holder) => {
    const lock = new Database(`${file}.${suffix}`, { timeout: 0 });
    const take = (): boolean => {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        return true;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        return false;
      }
    };
    try {
      await waitForLock(take, options, holder);
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
