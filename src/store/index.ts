// The store seam: the interfaces every backend implements (types.ts), the backends themselves, and the one
// factory every command and the editor open a store with. Stages never see it; pipeline.ts, desk.ts, the
// CLI and the editor do.
import { resolve } from 'node:path';
import { MEMORY, openSqliteStore } from './sqlite/index.js';
import { POSTGRES_URL, redactUrl } from './postgres/url.js';
import type { Store } from './types.js';

export * from './types.js';
export { openSqliteStore };

/** Any `scheme://`: a URL rather than a file path. */
const ANY_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Opens the store `db` names: a `postgres://` or `postgresql://` URL opens PostgreSQL; anything else is a
 * SQLite file (relative to the working folder), or `:memory:`.
 */
export async function openStore(db: string, options: { readOnly?: boolean } = {}): Promise<Store> {
  if (POSTGRES_URL.test(db)) {
    // Loaded only when asked for: a SQLite desk never loads the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres/index.js');
    return openPostgresStore(db);
  }
  if (ANY_URL.test(db)) {
    throw new Error(`store: ${describeDb(db)} is not a database newsdesk can open; pass a postgres://user@host:port/name URL or a SQLite file path`);
  }
  return openSqliteStore(db === MEMORY ? db : resolve(db), options);
}

/** True when `db` is a URL (a server's database) rather than a SQLite file path. */
export function isDatabaseUrl(db: string): boolean {
  return ANY_URL.test(db);
}

/** The database as it may be printed: a file path as given, a URL without its password. */
export function describeDb(db: string): string {
  return ANY_URL.test(db) ? redactUrl(db) : db;
}
