// Per-URL fetch state: validators for conditional GET and the failure streak a feed is backed off by.
import type { FetchHealth, HttpValidators } from '../../model.js';
import type { Queryable } from './connection.js';

export async function getValidators(db: Queryable, url: string): Promise<HttpValidators | undefined> {
  const { rows } = await db.query<{ etag: string | null; last_modified: string | null }>('SELECT etag, last_modified FROM fetch_state WHERE url = $1', [url]);
  const row = rows[0];
  if (!row || (!row.etag && !row.last_modified)) return undefined;
  return { ...(row.etag ? { etag: row.etag } : {}), ...(row.last_modified ? { lastModified: row.last_modified } : {}) };
}

export async function saveValidators(db: Queryable, url: string, validators: HttpValidators): Promise<void> {
  await db.query(
    `INSERT INTO fetch_state (url, etag, last_modified) VALUES ($1, $2, $3)
      ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified`,
    [url, validators.etag ?? null, validators.lastModified ?? null],
  );
}

export async function getFetchHealth(db: Queryable, url: string): Promise<FetchHealth | undefined> {
  const { rows } = await db.query<{ failures: number; last_error: string | null; last_attempt: string | null; fresh_until: string | null }>(
    'SELECT failures, last_error, last_attempt, fresh_until FROM fetch_state WHERE url = $1',
    [url],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    failures: row.failures,
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.last_attempt ? { lastAttempt: row.last_attempt } : {}),
    ...(row.fresh_until ? { freshUntil: row.fresh_until } : {}),
  };
}

export async function recordFetch(db: Queryable, url: string, at: string, error?: string, freshUntil?: string): Promise<void> {
  await db.query(
    `INSERT INTO fetch_state (url, failures, last_error, last_attempt, fresh_until) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (url) DO UPDATE SET
        failures = CASE WHEN excluded.last_error IS NULL THEN 0 ELSE fetch_state.failures + 1 END,
        last_error = excluded.last_error, last_attempt = excluded.last_attempt, fresh_until = excluded.fresh_until`,
    [url, error ? 1 : 0, error ?? null, at, freshUntil ?? null],
  );
}

export async function saveFreshness(db: Queryable, url: string, freshUntil: string): Promise<void> {
  await db.query('INSERT INTO fetch_state (url, fresh_until) VALUES ($1, $2) ON CONFLICT (url) DO UPDATE SET fresh_until = excluded.fresh_until', [url, freshUntil]);
}
