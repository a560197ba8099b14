// One validated configuration object: defaults, then a config file, then environment, then flags.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ConfigError } from './config-error.js';
import { DEFAULT_RANK_SETTINGS, DEFAULT_WEIGHTS, type RankSettings, type RankWeights } from './rank/settings.js';
import { DEFAULT_FETCH_OPTIONS, FETCH_NUMBER_BOUNDS, type FetchOptions } from './fetch/options.js';
import { STORY_SIMILARITY, STORY_WINDOW_HOURS } from './cluster/index.js';
import { durationMs, formatDuration } from './duration.js';
import { DEFAULT_PUBLISH_OPTIONS, type PublishOptions } from './publish/options.js';
import { DEFAULT_DIGEST_WORDS, DEFAULT_SUMMARY_OPTIONS } from './summarize/options.js';
import { DEFAULT_LLM_AUDIT_OPTIONS, LLM_AUDIT_NUMBER_BOUNDS, type LlmAuditOptions } from './audit/llm/options.js';
import { API_KEY_ENV, DEFAULT_LLM_OPTIONS, LLM_NUMBER_BOUNDS, type LlmOptions } from './llm/options.js';
import { RULE_ACTIONS, RULE_FIELDS, type Rule } from './model.js';
import { describeRule, readRule, sameMatch } from './rank/rules.js';
import { readSavedSearch } from './saved-search.js';
import { DEFAULT_QUEUE_OPTIONS, QUEUE_NUMBER_BOUNDS, type QueueOptions } from './queue/types.js';

export interface Config {
  /** SQLite database file. */
  db: string;
  /**
   * True when the config file, NEWSDESK_DB or --db named the database rather than the default: commands
   * that also work without a store (`newsdesk cluster`) use one only then.
   */
  dbNamed?: boolean;
  /** Output folder for articles, briefing and run.json. */
  out: string;
  weights: RankWeights;
  summary: { ratio: number; minWords: number; maxWords: number };
  /** Who writes article summaries: extraction (default) or a language model behind the gate. */
  summarize: { backend: SummarizeBackend; threads?: number };
  /** The language model server, for `summarize.backend: llm`. Its API key comes only from NEWSDESK_LLM_API_KEY. */
  llm: LlmOptions;
  /** Everything the rank stage reads besides the weights (mute and boost rules included: `ranking.mute`, `ranking.boost`). */
  ranking: Omit<RankSettings, 'weights'>;
  /** Saved searches the editor flags on the board, beside those editors save in the store. */
  searches: string[];
  publish: PublishConfig;
  /** Files and folders a run reads when none are named: `newsdesk run` without arguments and the editor's run button. */
  sources: string[];
  /** HTTP client: user agent, timeouts, size cap, politeness, the private-address guard. */
  fetch: FetchOptions;
  /** Story clustering: join threshold and the quiet time after which a story closes. */
  cluster: { similarity: number; windowHours: number };
  schedule: ScheduleConfig;
  /** `newsdesk audit`: the rules alone (default), or the rules and a model's entailment check. */
  audit: AuditConfig;
  /** The job queue workers take from: retries, their backoff, and how long a worker may hold a job. */
  queue: QueueOptions;
}

export interface AuditConfig {
  backend: 'rules' | 'llm';
  llm: Omit<LlmAuditOptions, 'url' | 'model'> & { url?: string; model?: string };
}

export type SummarizeBackend = 'extractive' | 'llm';
/** Most threads `summarize.threads` may ask for: more than a machine has cores only costs memory. */
export const MAX_SUMMARY_THREADS = 64;
export const SUMMARIZE_BACKENDS: readonly SummarizeBackend[] = ['extractive', 'llm'];

export interface ScheduleConfig {
  /** How often `newsdesk serve` runs the desk on its sources; undefined: only when asked. */
  everyMs?: number;
  /** Least time between two fetches of one feed; a feed's own TTL or Cache-Control may lengthen it. */
  perSourceMs: number;
}

/** Shortest schedule accepted: a desk that runs more often than this only re-reads what has not changed. */
export const MIN_SCHEDULE_MS = 60_000;

/** Publishing's own options (src/publish/options.ts), as the config holds them: every one set. */
export type PublishConfig = PublishOptions & { digestWords: number };

/** The bundled demo corpus that `newsdesk run` reads when given no sources. */
export const DEMO_CORPUS = fileURLToPath(new URL('../../examples/demo', import.meta.url));

export const DEFAULT_CONFIG: Config = {
  db: './newsdesk.db',
  out: './out',
  weights: DEFAULT_WEIGHTS,
  // The summarizer's own defaults (src/summarize/options.ts), so the numbers live in one place.
  summary: { ratio: DEFAULT_SUMMARY_OPTIONS.ratio, minWords: DEFAULT_SUMMARY_OPTIONS.minWords, maxWords: DEFAULT_SUMMARY_OPTIONS.maxWords },
  // Extraction unless asked: a model server is the user's to choose, and costs time or money.
  summarize: { backend: 'extractive', threads: 1 },
  llm: DEFAULT_LLM_OPTIONS,
  ranking: {
    halfLifeHours: DEFAULT_RANK_SETTINGS.halfLifeHours,
    sources: DEFAULT_RANK_SETTINGS.sources,
    topics: DEFAULT_RANK_SETTINGS.topics,
    diversity: DEFAULT_RANK_SETTINGS.diversity,
    rules: DEFAULT_RANK_SETTINGS.rules,
  },
  searches: [],
  publish: { ...DEFAULT_PUBLISH_OPTIONS, digestWords: DEFAULT_DIGEST_WORDS },
  sources: [DEMO_CORPUS],
  fetch: DEFAULT_FETCH_OPTIONS,
  // Measured defaults; see STORY_SIMILARITY and STORY_WINDOW_HOURS in src/cluster/index.ts.
  cluster: { similarity: STORY_SIMILARITY, windowHours: STORY_WINDOW_HOURS },
  // No schedule unless asked for; feeds are left alone only as long as they say themselves.
  schedule: { perSourceMs: 0 },
  // Off by default: the model check needs a server, and the rules need nothing.
  audit: { backend: 'rules', llm: DEFAULT_LLM_AUDIT_OPTIONS },
  queue: DEFAULT_QUEUE_OPTIONS,
};

/** What a run's stages read from the config: `newsdesk run`, the editor's runs and the schedule alike. */
export type RunSettings = Pick<Config, 'weights' | 'summary' | 'ranking' | 'publish' | 'cluster' | 'fetch' | 'schedule'> & Partial<Pick<Config, 'summarize' | 'llm'>>;

/** The stages' settings of a loaded config. */
export function runSettings(config: Config): RunSettings {
  const { weights, summary, ranking, publish, cluster, fetch, schedule, summarize, llm } = config;
  return { weights, summary, ranking, publish, cluster, fetch, schedule, summarize, llm };
}

/** The rank stage's settings from a loaded config. */
export function rankSettings(config: Config): RankSettings {
  return { weights: config.weights, ...config.ranking };
}

/** A configuration problem (see config-error.ts): the message names the file or key and what to do. Exit code 2. */
export { ConfigError };

export interface ConfigSources {
  file?: string;
  env?: NodeJS.ProcessEnv;
  flags?: Partial<Pick<Config, 'db' | 'out' | 'sources'>> & { allowPrivate?: boolean; userAgent?: string; every?: string; llmUrl?: string; llmModel?: string; threads?: string };
}

export function loadConfig({ file, env = process.env, flags = {} }: ConfigSources): Config {
  const path = file ?? env.NEWSDESK_CONFIG;
  const fromFile = path ? readConfigFile(path) : {};
  const dbFromFile = pickString(fromFile, 'db', path);
  const config: Config = {
    db: dbFromFile ?? DEFAULT_CONFIG.db,
    out: pickString(fromFile, 'out', path) ?? DEFAULT_CONFIG.out,
    weights: { ...DEFAULT_CONFIG.weights, ...pickNumbers(fromFile, 'weights', Object.keys(DEFAULT_WEIGHTS), path) },
    summary: { ...DEFAULT_CONFIG.summary, ...pickNumbers(fromFile, 'summary', Object.keys(DEFAULT_CONFIG.summary), path) },
    ranking: readRanking(fromFile, path),
    searches: readSearches(fromFile, path),
    publish: readPublish(fromFile, path),
    sources: pickPaths(fromFile, 'sources', path) ?? DEFAULT_CONFIG.sources,
    fetch: { ...DEFAULT_CONFIG.fetch, ...pickFetch(fromFile, path) },
    cluster: { ...DEFAULT_CONFIG.cluster, ...pickNumbers(fromFile, 'cluster', Object.keys(DEFAULT_CONFIG.cluster), path) },
    schedule: readSchedule(fromFile, path),
    audit: readAudit(fromFile, path),
    summarize: readSummarize(fromFile, path),
    llm: { ...DEFAULT_CONFIG.llm, ...pickLlm(fromFile, path) },
    queue: readQueue(fromFile, path),
  };
  applyLlmOverrides(config, env, flags);
  if (flags.every !== undefined) config.schedule.everyMs = scheduleMs(flags.every, '--every');
  if (flags.threads !== undefined) config.summarize.threads = summaryThreads(flags.threads, '--threads');
  if (env.NEWSDESK_USER_AGENT) config.fetch.userAgent = env.NEWSDESK_USER_AGENT;
  if (env.NEWSDESK_ALLOW_PRIVATE === '1' || env.NEWSDESK_ALLOW_PRIVATE === 'true') config.fetch.allowPrivate = true;
  if (flags.allowPrivate) config.fetch.allowPrivate = true;
  if (flags.userAgent) config.fetch.userAgent = flags.userAgent;
  if (env.NEWSDESK_DB) config.db = env.NEWSDESK_DB;
  if (env.NEWSDESK_OUT) config.out = env.NEWSDESK_OUT;
  if (flags.db) config.db = flags.db;
  if (dbFromFile || env.NEWSDESK_DB || flags.db) config.dbNamed = true;
  if (flags.out) config.out = flags.out;
  if (config.ranking.halfLifeHours <= 0) throw new ConfigError(`config: ranking.halfLifeHours in ${path} must be above 0`);
  if (flags.sources && flags.sources.length > 0) config.sources = flags.sources;
  if (config.summary.minWords > config.summary.maxWords) {
    throw new ConfigError(`config: summary.minWords (${config.summary.minWords}) is above summary.maxWords (${config.summary.maxWords}); lower one of them`);
  }
  if (!(config.cluster.similarity > 0 && config.cluster.similarity <= 1) || !(config.cluster.windowHours > 0)) {
    throw new ConfigError(`config: cluster.similarity must be in (0, 1] and cluster.windowHours above 0 (got ${config.cluster.similarity}, ${config.cluster.windowHours})`);
  }
  return config;
}

/** NEWSDESK_LLM_URL / NEWSDESK_LLM_MODEL, then --llm-url / --llm-model; naming a server on the command line chooses the model backend. */
function applyLlmOverrides(config: Config, env: NodeJS.ProcessEnv, flags: NonNullable<ConfigSources['flags']>): void {
  if (env.NEWSDESK_LLM_URL) config.llm.url = env.NEWSDESK_LLM_URL;
  if (env.NEWSDESK_LLM_MODEL) config.llm.model = env.NEWSDESK_LLM_MODEL;
  if (flags.llmUrl) config.llm.url = flags.llmUrl;
  if (flags.llmModel) config.llm.model = flags.llmModel;
  if (flags.llmUrl || flags.llmModel) config.summarize.backend = 'llm';
  if (config.summarize.backend === 'llm' && (!config.llm.url || !config.llm.model)) {
    const missing = [!config.llm.url ? 'llm.url (--llm-url)' : '', !config.llm.model ? 'llm.model (--llm-model)' : ''].filter(Boolean).join(' and ');
    throw new ConfigError(`config: the llm summarize backend needs ${missing}, e.g. --llm-url http://localhost:11434/v1 --llm-model qwen2.5:7b`);
  }
}

function readSummarize(fromFile: Record<string, unknown>, path?: string): Config['summarize'] {
  const summarize = pickMapping(fromFile, 'summarize', ['backend', 'threads'], path);
  const backend = pickString(summarize, 'backend', path) ?? DEFAULT_CONFIG.summarize.backend;
  if (!SUMMARIZE_BACKENDS.includes(backend as SummarizeBackend)) {
    throw new ConfigError(`config: "summarize.backend" in ${path} is "${backend}"; use ${SUMMARIZE_BACKENDS.join(' or ')}`);
  }
  const threads = summarize['threads'] === undefined ? DEFAULT_CONFIG.summarize.threads! : summaryThreads(summarize['threads'], `"summarize.threads" in ${path}`);
  return { backend: backend as SummarizeBackend, threads };
}

/** A thread count from the config file or --threads: a whole number from 1 to MAX_SUMMARY_THREADS. */
function summaryThreads(value: unknown, where: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_SUMMARY_THREADS) {
    throw new ConfigError(`config: ${where} must be a whole number from 1 to ${MAX_SUMMARY_THREADS} (this machine has ${availableParallelism()} cores); got ${JSON.stringify(value)}`);
  }
  return n;
}

/** `llm:` keys, each checked against the default's type; a key in the file is refused, pointing at the environment. */
function pickLlm(source: Record<string, unknown>, path?: string): Partial<LlmOptions> {
  const value = source['llm'];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`config: "llm" in ${path} must be a mapping`);
  const types: Record<string, string> = { url: 'string', model: 'string' };
  for (const [name, v] of Object.entries(DEFAULT_LLM_OPTIONS)) types[name] = typeof v;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    if (/key|token$|secret|password/i.test(name) && name !== 'tokenBudget') {
      throw new ConfigError(`config: "llm.${name}" in ${path}: an API key never goes in a config file; set ${API_KEY_ENV} in the environment and remove it from the file`);
    }
    const expected = types[name];
    if (!expected) throw new ConfigError(`config: unknown key "llm.${name}" in ${path}; known: ${Object.keys(types).join(', ')}`);
    out[name] = checkOption('llm.', name, v, expected, LLM_NUMBER_BOUNDS, path);
  }
  return out as Partial<LlmOptions>;
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
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`config: ${path} must hold a mapping of keys (db, out, sources, weights, summary, summarize, llm, ranking, searches, publish, fetch, cluster, schedule, audit, queue)`);
  const known = new Set(Object.keys(DEFAULT_CONFIG));
  for (const key of Object.keys(value)) {
    if (!known.has(key)) throw new ConfigError(`config: unknown key "${key}" in ${path}; known keys: ${[...known].join(', ')}`);
  }
  return value as Record<string, unknown>;
}

function readQueue(fromFile: Record<string, unknown>, path?: string): QueueOptions {
  return { ...DEFAULT_QUEUE_OPTIONS, ...pickNumbers(fromFile, 'queue', Object.keys(DEFAULT_QUEUE_OPTIONS), path, '', QUEUE_NUMBER_BOUNDS) };
}

function readRanking(fromFile: Record<string, unknown>, path?: string): Config['ranking'] {
  const defaults = DEFAULT_CONFIG.ranking;
  const ranking = pickMapping(fromFile, 'ranking', ['halfLifeHours', 'sources', 'topics', 'diversity', ...RULE_ACTIONS], path);
  const counts = Object.keys(defaults.diversity);
  const diversity = pickNumbers(ranking, 'diversity', counts, path, 'ranking.', { positive: counts, fractional: [] });
  const halfLife = ranking.halfLifeHours;
  if (halfLife !== undefined && (typeof halfLife !== 'number' || !Number.isFinite(halfLife))) {
    throw new ConfigError(`config: "ranking.halfLifeHours" in ${path} must be a number of hours`);
  }
  return {
    halfLifeHours: halfLife ?? defaults.halfLifeHours,
    // Publisher slugs and topic phrases are the user's own words: any key, a weight ≥ 0 each.
    sources: pickNumbers(ranking, 'sources', undefined, path, 'ranking.'),
    topics: pickNumbers(ranking, 'topics', undefined, path, 'ranking.'),
    diversity: { ...defaults.diversity, ...diversity },
    rules: readRules(ranking, path),
  };
}

/** `ranking.mute` and `ranking.boost`: per field (keyword, publisher, author, story) one value or a list. */
function readRules(ranking: Record<string, unknown>, path?: string): Rule[] {
  const rules: Rule[] = [];
  for (const action of RULE_ACTIONS) {
    const fields = pickMapping(ranking, action, [...RULE_FIELDS], path, 'ranking.');
    for (const [field, given] of Object.entries(fields)) {
      const where = `"ranking.${action}.${field}" in ${path}`;
      const values = typeof given === 'string' ? [given] : given;
      if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) throw new ConfigError(`config: ${where} must be a ${field} or a list of them`);
      for (const value of values) {
        const rule = readRule({ action, field, value });
        if (typeof rule === 'string') throw new ConfigError(`config: ${where}: ${rule}`);
        const clash = rules.find((r) => sameMatch(r, rule));
        if (clash) throw new ConfigError(`config: ${where} names what "${describeRule(clash)}" already does; keep one of them`);
        rules.push(rule);
      }
    }
  }
  return rules;
}

/** `searches`: a list of queries (words, as `newsdesk search` takes them). */
function readSearches(fromFile: Record<string, unknown>, path?: string): string[] {
  const given = fromFile['searches'];
  if (given === undefined || given === null) return [];
  if (!Array.isArray(given)) throw new ConfigError(`config: "searches" in ${path} must be a list of queries, e.g. [dam spillway, rent vote]`);
  return given.map((query) => {
    const search = readSavedSearch(query);
    if (typeof search === 'string') throw new ConfigError(`config: "searches" in ${path}: ${search}`);
    return search.query;
  });
}

function readSchedule(fromFile: Record<string, unknown>, path?: string): ScheduleConfig {
  const schedule = pickMapping(fromFile, 'schedule', ['every', 'perSource'], path);
  const every = pickString(schedule, 'every', path);
  const perSource = pickString(schedule, 'perSource', path);
  return {
    ...(every !== undefined ? { everyMs: scheduleMs(every, `"schedule.every" in ${path}`) } : {}),
    perSourceMs: perSource !== undefined ? scheduleMs(perSource, `"schedule.perSource" in ${path}`, 0) : DEFAULT_CONFIG.schedule.perSourceMs,
  };
}

function scheduleMs(text: string, where: string, least = MIN_SCHEDULE_MS): number {
  const ms = durationMs(text);
  if (ms === undefined || ms < least) {
    const floor = least > 0 ? ` of at least ${formatDuration(least)}` : '';
    throw new ConfigError(`config: ${where} is "${text}"; give a duration${floor} such as 15m, 2h or 1d`);
  }
  return ms;
}

function readAudit(fromFile: Record<string, unknown>, path?: string): AuditConfig {
  const audit = pickMapping(fromFile, 'audit', ['backend', 'llm'], path);
  const backend = audit.backend ?? DEFAULT_CONFIG.audit.backend;
  if (backend !== 'rules' && backend !== 'llm') throw new ConfigError(`config: "audit.backend" in ${path} must be rules or llm`);
  const numberKeys = Object.keys(DEFAULT_LLM_AUDIT_OPTIONS);
  const llm = pickMapping(audit, 'llm', ['url', 'model', ...numberKeys], path, 'audit.');
  // The key is a secret: it is read from NEWSDESK_LLM_API_KEY only, so no config file can leak it.
  const url = pickString(llm, 'url', path);
  const model = pickString(llm, 'model', path);
  const numbers = pickNumbers({ llm: Object.fromEntries(Object.entries(llm).filter(([k]) => numberKeys.includes(k))) }, 'llm', numberKeys, path, 'audit.', LLM_AUDIT_NUMBER_BOUNDS);
  return { backend, llm: { ...DEFAULT_LLM_AUDIT_OPTIONS, ...numbers, ...(url ? { url } : {}), ...(model ? { model } : {}) } };
}

function readPublish(fromFile: Record<string, unknown>, path?: string): PublishConfig {
  const publish = pickMapping(fromFile, 'publish', ['title', 'siteUrl', 'templates', 'digestWords'], path);
  const templates = pickMapping(publish, 'templates', ['html', 'markdown'], path, 'publish.');
  const siteUrl = pickString(publish, 'siteUrl', path) ?? DEFAULT_CONFIG.publish.siteUrl;
  if (!/^https?:\/\/[^\s/]+/i.test(siteUrl)) throw new ConfigError(`config: "publish.siteUrl" in ${path} must be an absolute http(s) URL`);
  // Template paths are relative to the config file, so a config and its templates move together.
  const relativeToConfig = (file: string | undefined): string | undefined => (file && path ? resolve(dirname(path), file) : file);
  const html = relativeToConfig(pickString(templates, 'html', path));
  const markdown = relativeToConfig(pickString(templates, 'markdown', path));
  // Checked here so that a wrong path stops the run before any work, with exit code 2.
  for (const [name, file] of Object.entries({ html, markdown })) {
    if (file && !existsSync(file)) throw new ConfigError(`config: publish.templates.${name} in ${path}: template ${file} does not exist; fix the path (relative to the config file)`);
  }
  const digestWords = publish['digestWords'] ?? DEFAULT_CONFIG.publish.digestWords;
  if (typeof digestWords !== 'number' || !Number.isInteger(digestWords) || digestWords < 1) {
    throw new ConfigError(`config: "publish.digestWords" in ${path} must be a whole number of words, at least 1`);
  }
  return {
    title: pickString(publish, 'title', path) ?? DEFAULT_CONFIG.publish.title,
    siteUrl,
    templates: { ...(html ? { html } : {}), ...(markdown ? { markdown } : {}) },
    digestWords,
  };
}

function pickMapping(source: Record<string, unknown>, key: string, allowed: string[], path?: string, prefix = ''): Record<string, unknown> {
  const value = source[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`config: "${prefix}${key}" in ${path} must be a mapping`);
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) throw new ConfigError(`config: unknown key "${prefix}${key}.${name}" in ${path}; known: ${allowed.join(', ')}`);
  }
  return value as Record<string, unknown>;
}

function pickString(source: Record<string, unknown>, key: string, path?: string): string | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new ConfigError(`config: "${key}" in ${path} must be a non-empty string`);
  return value;
}

/** A list of paths, or one path as a plain string; relative paths are taken from the working folder, like db and out. */
function pickPaths(source: Record<string, unknown>, key: string, path?: string): string[] | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((p) => typeof p === 'string' && p.trim() !== '')) {
    throw new ConfigError(`config: "${key}" in ${path} must be a non-empty list of file or folder paths or feed URLs`);
  }
  return list as string[];
}

/**
 * How a stage bounds its numeric options: every one is ≥ 0; those in `positive` are at least 1, and all but
 * those in `fractional` are whole numbers. Each stage's options file says it beside its defaults.
 */
interface NumberBounds {
  positive: readonly string[];
  fractional: readonly string[] | 'all';
}

/** Numbers of a mapping the user names (publishers, topics, weights): any number ≥ 0. */
const ANY_NUMBER: NumberBounds = { positive: [], fractional: 'all' };

/**
 * Option `name` under `prefix` ("fetch.", "audit.llm."), of the type its default has: a number within the
 * stage's bounds, a non-empty string, or a boolean.
 */
function checkOption(prefix: string, name: string, v: unknown, expected: string, bounds: NumberBounds, path?: string): unknown {
  const label = `${prefix}${name}`;
  if (expected !== 'number') {
    const valid = expected === 'string' ? typeof v === 'string' && v !== '' : typeof v === expected;
    if (!valid) throw new ConfigError(`config: "${label}" in ${path} must be a ${expected}`);
    return v;
  }
  const least = bounds.positive.includes(name) ? 1 : 0;
  const whole = bounds.fractional !== 'all' && !bounds.fractional.includes(name);
  if (typeof v !== 'number' || !Number.isFinite(v) || v < least || (whole && !Number.isInteger(v))) {
    throw new ConfigError(`config: "${label}" in ${path} must be a ${whole ? 'whole number' : 'number'} ≥ ${least}${typeof v === 'number' || typeof v === 'string' ? `; got ${JSON.stringify(v)}` : ''}`);
  }
  return v;
}

/** A mapping of numbers within `bounds` (any number ≥ 0 by default); `allowed` undefined accepts any key (user-named publishers, topics). */
function pickNumbers(
  source: Record<string, unknown>,
  key: string,
  allowed: readonly string[] | undefined,
  path?: string,
  prefix = '',
  bounds: NumberBounds = ANY_NUMBER,
): Record<string, number> {
  const value = source[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`config: "${prefix}${key}" in ${path} must be a mapping`);
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(value)) {
    if (allowed && !allowed.includes(name)) throw new ConfigError(`config: unknown key "${prefix}${key}.${name}" in ${path}; known: ${allowed.join(', ')}`);
    out[name] = checkOption(`${prefix}${key}.`, name, n, 'number', bounds, path) as number;
  }
  return out;
}

/** `fetch:` keys: strings, booleans and numbers, each checked against the default's type. */
function pickFetch(source: Record<string, unknown>, path?: string): Partial<FetchOptions> {
  const value = source['fetch'];
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`config: "fetch" in ${path} must be a mapping`);
  const out: Record<string, unknown> = {};
  const defaults = DEFAULT_FETCH_OPTIONS as unknown as Record<string, unknown>;
  for (const [name, v] of Object.entries(value)) {
    if (!(name in defaults)) throw new ConfigError(`config: unknown key "fetch.${name}" in ${path}; known: ${Object.keys(defaults).join(', ')}`);
    out[name] = checkOption('fetch.', name, v, typeof defaults[name], FETCH_NUMBER_BOUNDS, path);
  }
  return out as Partial<FetchOptions>;
}
