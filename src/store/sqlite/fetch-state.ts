// Per-URL fetch state: validators for conditional GET and the failure streak a feed is backed off by.
import type Database from 'better-sqlite3';
import type { FetchHealth, HttpValidators } from '../../model.js';

export function getValidators(db: Database.Database, url: string): HttpValidators | undefined {
  const row = db.prepare('SELECT etag, last_modified FROM fetch_state WHERE url = ?').get(url) as
    | { etag: string | null; last_modified: string | null }
    | undefined;
  if (!row || (!row.etag && !row.last_modified)) return undefined;
  return { ...(row.etag ? { etag: row.etag } : {}), ...(row.last_modified ? { lastModified: row.last_modified } : {}) };
}

export function saveValidators(db: Database.Database, url: string, validators: HttpValidators): void {
  db
    .prepare(`INSERT INTO fetch_state (url, etag, last_modified) VALUES (?, ?, ?)
      ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified`)
    .run(url, validators.etag ?? null, validators.lastModified ?? null);
}

export function getFetchHealth(db: Database.Database, url: string): FetchHealth | undefined {
  const row = db.prepare('SELECT failures, last_error, last_attempt, fresh_until FROM fetch_state WHERE url = ?').get(url) as
    | { failures: number; last_error: string | null; last_attempt: string | null; fresh_until: string | null }
    | undefined;
  if (!row) return undefined;
  return {
    failures: row.failures,
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.last_attempt ? { lastAttempt: row.last_attempt } : {}),
    ...(row.fresh_until ? { freshUntil: row.fresh_until } : {}),
  };
}

export function recordFetch(db: Database.Database, url: string, at: string, error?: string, freshUntil?: string): void {
  db
    .prepare(`INSERT INTO fetch_state (url, failures, last_error, last_attempt, fresh_until) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(url) DO UPDATE SET
        failures = CASE WHEN excluded.last_error IS NULL THEN 0 ELSE fetch_state.failures + 1 END,
        last_error = excluded.last_error, last_attempt = excluded.last_attempt, fresh_until = excluded.fresh_until`)
    .run(url, error ? 1 : 0, error ?? null, at, freshUntil ?? null);
}

export function saveFreshness(db: Database.Database, url: string, freshUntil: string): void {
  db.prepare(`INSERT INTO fetch_state (url, fresh_until) VALUES (?, ?) ON CONFLICT(url) DO UPDATE SET fresh_until = excluded.fresh_until`).run(url, freshUntil);
}
