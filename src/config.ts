// One validated configuration object: defaults, then a config file, then environment, then flags.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DEFAULT_WEIGHTS, type RankWeights } from './rank/index.js';
import { STORY_SIMILARITY, STORY_WINDOW_HOURS } from './cluster/index.js';

export interface Config {
  /** SQLite database file. */
  db: string;
  /** Output folder for articles, briefing and run.json. */
  out: string;
  weights: RankWeights;
  summary: { ratio: number; minWords: number; maxWords: number };
  /** Story clustering: join threshold and the quiet time after which a story closes. */
  cluster: { similarity: number; windowHours: number };
}

/** The bundled demo corpus that `newsdesk run` reads when given no sources. */
export const DEMO_CORPUS = fileURLToPath(new URL('../../examples/demo', import.meta.url));

export const DEFAULT_CONFIG: Config = {
  db: './newsdesk.db',
  out: './out',
  weights: DEFAULT_WEIGHTS,
  // About 30% of the article, clamped to 100–300 words: the length of a useful newsletter paragraph.
  summary: { ratio: 0.3, minWords: 100, maxWords: 300 },
  // Measured defaults; see STORY_SIMILARITY and STORY_WINDOW_HOURS in src/cluster/index.ts.
  cluster: { similarity: STORY_SIMILARITY, windowHours: STORY_WINDOW_HOURS },
};

/** A configuration problem: the message names the file or key and what to do. Exit code 2. */
export class ConfigError extends Error {}

export interface ConfigSources {
  file?: string;
  env?: NodeJS.ProcessEnv;
  flags?: Partial<Pick<Config, 'db' | 'out'>>;
}

export function loadConfig({ file, env = process.env, flags = {} }: ConfigSources): Config {
  const path = file ?? env.NEWSDESK_CONFIG;
  const fromFile = path ? readConfigFile(path) : {};
  const config: Config = {
    db: pickString(fromFile, 'db', path) ?? DEFAULT_CONFIG.db,
    out: pickString(fromFile, 'out', path) ?? DEFAULT_CONFIG.out,
    weights: { ...DEFAULT_CONFIG.weights, ...pickNumbers(fromFile, 'weights', Object.keys(DEFAULT_WEIGHTS), path) },
    summary: { ...DEFAULT_CONFIG.summary, ...pickNumbers(fromFile, 'summary', Object.keys(DEFAULT_CONFIG.summary), path) },
    cluster: { ...DEFAULT_CONFIG.cluster, ...pickNumbers(fromFile, 'cluster', Object.keys(DEFAULT_CONFIG.cluster), path) },
  };
  if (env.NEWSDESK_DB) config.db = env.NEWSDESK_DB;
  if (env.NEWSDESK_OUT) config.out = env.NEWSDESK_OUT;
  if (flags.db) config.db = flags.db;
  if (flags.out) config.out = flags.out;
  if (config.summary.minWords > config.summary.maxWords) {
    throw new ConfigError(`config: summary.minWords (${config.summary.minWords}) is above summary.maxWords (${config.summary.maxWords}); lower one of them`);
  }
  if (!(config.cluster.similarity > 0 && config.cluster.similarity <= 1) || !(config.cluster.windowHours > 0)) {
    throw new ConfigError(`config: cluster.similarity must be in (0, 1] and cluster.windowHours above 0 (got ${config.cluster.similarity}, ${config.cluster.windowHours})`);
  }
  return config;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`config: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the --config path`);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new ConfigError(`config: ${path} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`config: ${path} must hold a mapping of keys (db, out, weights, summary, cluster)`);
  const known = new Set(Object.keys(DEFAULT_CONFIG));
  for (const key of Object.keys(value)) {
    if (!known.has(key)) throw new ConfigError(`config: unknown key "${key}" in ${path}; known keys: ${[...known].join(', ')}`);
  }
  return value as Record<string, unknown>;
}

function pickString(source: Record<string, unknown>, key: string, path?: string): string | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new ConfigError(`config: "${key}" in ${path} must be a non-empty string`);
  return value;
}

function pickNumbers(source: Record<string, unknown>, key: string, allowed: string[], path?: string): Record<string, number> {
  const value = source[key];
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) throw new ConfigError(`config: "${key}" in ${path} must be a mapping`);
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(value)) {
    if (!allowed.includes(name)) throw new ConfigError(`config: unknown key "${key}.${name}" in ${path}; known: ${allowed.join(', ')}`);
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new ConfigError(`config: "${key}.${name}" in ${path} must be a number ≥ 0`);
    out[name] = n;
  }
  return out;
}
