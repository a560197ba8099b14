// The job queue for a desk: pg-boss on its PostgreSQL, or the in-process queue for a SQLite desk.
import { POSTGRES_URL } from '../store/postgres/url.js';
import { memoryJobQueue } from './memory.js';
import type { JobQueue, QueueOptions } from './types.js';

export * from './types.js';
export { memoryJobQueue };
export { waitForRun, type WaitOptions } from './wait.js';

/** The queue of the desk `db` names: shared by every process on a PostgreSQL desk, this process's own on SQLite. */
export async function openJobQueue(db: string, options: Partial<QueueOptions> = {}): Promise<JobQueue> {
  if (!POSTGRES_URL.test(db)) return memoryJobQueue(options);
  // Loaded only when asked for, like the PostgreSQL store.
  const { openPgBossQueue } = await import('./pgboss/index.js');
  return openPgBossQueue(db, options);
}
