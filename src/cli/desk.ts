// What the editorial commands (mark, list, rank) share: the config, the store, and the latest run.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Config } from '../config.js';
import type { RunResult } from '../model.js';
import { describeDb, isDatabaseUrl, openStore, type Store } from '../store/index.js';
import { CliError, configFromFlags } from './common.js';

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
  return configFromFlags(flags);
}

/**
 * The configured store. `read` (list, rank) and `write` (mark) need a database that exists: a missing one
 * is "nothing stored yet" (exit 1) and is not created, nor its folder; `read` opens it for reading only,
 * so it works on a read-only disk. `create` (cluster --db) makes it when missing, as `run` does. A
 * PostgreSQL URL names a server's database, which opening never creates.
 */
export async function openDeskStore(config: Config, mode: 'read' | 'write' | 'create'): Promise<Store> {
  if (!isDatabaseUrl(config.db) && mode !== 'create' && !existsSync(resolve(config.db))) {
    throw new CliError(`no database at ${config.db}; run "newsdesk run" first (or pass --db)`, 1);
  }
  try {
    return await openStore(config.db, { readOnly: mode === 'read' });
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
}

/** The latest committed run as the store holds it; a clear error when there is none yet. */
export async function latestRun(store: Store, config: Config): Promise<{ runId: number; result: RunResult }> {
  const run = await store.latestRun();
  if (run === undefined) throw new CliError(`no run in ${describeDb(config.db)} yet; run "newsdesk run" first (or pass --db)`, 1);
  return { runId: run.id, result: await store.loadRun(run.id) };
}
