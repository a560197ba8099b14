// What the editorial commands (mark, list, rank) share: the config, the store, and the latest run.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import type { RunResult } from '../model.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { CliError, withConfigErrors } from './common.js';

export const DESK_OPTIONS = {
  db: { type: 'string' },
  out: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export interface DeskFlags {
  db?: string;
  out?: string;
  config?: string;
}

export function loadDeskConfig(flags: DeskFlags): Config {
  return withConfigErrors(() =>
    loadConfig({ ...(flags.config ? { file: flags.config } : {}), flags: { ...(flags.db ? { db: flags.db } : {}), ...(flags.out ? { out: flags.out } : {}) } }),
  );
}

/**
 * The configured store. `read` (list, rank) and `write` (mark) need a database that exists: a missing one
 * is "nothing stored yet" (exit 1) and is not created, nor its folder; `read` opens it for reading only,
 * so it works on a read-only disk. `create` (cluster --db) makes it when missing, as `run` does.
 */
export function openDeskStore(config: Config, mode: 'read' | 'write' | 'create'): Store {
  const file = resolve(config.db);
  if (mode !== 'create' && !existsSync(file)) throw new CliError(`no database at ${config.db}; run "newsdesk run" first (or pass --db)`, 1);
  try {
    return openSqliteStore(file, { readOnly: mode === 'read' });
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
}

/** The latest finished run as the store holds it; a clear error when there is none yet. */
export function latestRun(store: Store, config: Config): { runId: number; result: RunResult } {
  const runId = store.latestRunId();
  if (runId === undefined) throw new CliError(`no run in ${config.db} yet; run "newsdesk run" first (or pass --db)`, 1);
  return { runId, result: store.loadRun(runId) };
}
