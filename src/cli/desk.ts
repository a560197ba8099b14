// What the editorial commands (mark, list, rank) share: the config, the store, and the latest run.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Config } from '../config.js';
import type { RunResult } from '../model.js';
import { openSqliteStore, type Store } from '../store/index.js';
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

export function openDeskStore(config: Config): Store {
  try {
    return openSqliteStore(resolve(config.db));
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
}

/**
 * The store for commands that only read or edit what runs stored (rank, list, mark, search): a missing
 * database is a mistake (a typo in --db), so it is reported and never created empty.
 */
export function openExistingDeskStore(config: Config): Store {
  if (!existsSync(resolve(config.db))) {
    throw new CliError(`no database at ${config.db}; run "newsdesk run" first, or pass --db with the database a run wrote`, 1);
  }
  return openDeskStore(config);
}

/** The latest committed run as the store holds it; a clear error when there is none yet. */
export async function latestRun(store: Store, config: Config): Promise<{ runId: number; result: RunResult }> {
  const run = await store.latestRun();
  if (run === undefined) throw new CliError(`no run in ${config.db} yet; run "newsdesk run" first (or pass --db)`, 1);
  return { runId: run.id, result: await store.loadRun(run.id) };
}
