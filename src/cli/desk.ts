// What the editorial commands (mark, list, rank) share: the config, the store, and the latest run.
import { type Config } from '../config.js';
import type { RunResult } from '../model.js';
import { describeDb, openStore, type Store } from '../store/index.js';
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

export async function openDeskStore(config: Config): Promise<Store> {
  try {
    return await openStore(config.db);
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
