// `newsdesk summarize` with a model server: the flags, where answers are cached, and the gated summaries.
//
// Where the cache lives: summarizing one file uses no desk database, so answers go to a store of their own
// under the user's cache folder ($XDG_CACHE_HOME/newsdesk/llm-answers.db, else ~/.cache/newsdesk/…), or to
// NEWSDESK_LLM_CACHE; with --db (or a db named in the config or NEWSDESK_DB), to that desk's database, so a
// later `newsdesk run` on the same articles asks nothing either.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Article, Summary, AuditReport } from '../model.js';
import type { SummaryOptions } from '../summarize/index.js';
import type { GateCounts } from '../audit/model-gate.js';
import { modelGateCounts } from '../audit/gate.js';
import { CliError } from './common.js';
import { LlmError } from '../llm/errors.js';

export const MODEL_FLAGS = {
  'llm-url': { type: 'string' },
  'llm-model': { type: 'string' },
  db: { type: 'string' },
} as const;

const MODEL_FLAGS_LINES: ReadonlyArray<[string, string]> = [
  ['--llm-url URL', 'OpenAI-compatible server, up to /v1 (config llm.url; env NEWSDESK_LLM_URL)'],
  ['--llm-model NAME', 'model name sent to it (config llm.model; env NEWSDESK_LLM_MODEL)'],
  ['--db FILE', "cache model answers in this desk database instead of the user's cache folder"],
];

export function modelFlagsHelp(column: number): string {
  return MODEL_FLAGS_LINES.map(([flag, text]) => `  ${flag}`.padEnd(column) + text).join('\n');
}

export interface ModelSummaries {
  gated: Map<string, { summary: Summary; audit: AuditReport; counts: GateCounts }>;
  notices: string[];
}

/** A model URL the guard refuses is the user's to fix (exit 2), like a refused fetch address; anything else passes. */
export function refusedModelUrl(error: unknown): unknown {
  return error instanceof LlmError && error.kind === 'refused' ? new CliError(error.message, 2) : error;
}

/** The answer cache's file when no desk database is named. */
export function defaultCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEWSDESK_LLM_CACHE) return resolve(env.NEWSDESK_LLM_CACHE);
  const base = env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), '.cache');
  return join(base, 'newsdesk', 'llm-answers.db');
}

export async function modelSummaries(articles: Article[], options: Partial<SummaryOptions>, config: Config, flags: { db?: string | undefined }): Promise<ModelSummaries> {
  const [{ openSqliteStore }, { summarizeRunWithModel }] = await Promise.all([import('../store/index.js'), import('../pipeline-model.js')]);
  const file = flags.db || config.dbNamed ? resolve(config.db) : defaultCacheFile();
  let store;
  try {
    store = openSqliteStore(file);
  } catch (error) {
    throw new CliError(`${(error as Error).message} (the model-answer cache; set NEWSDESK_LLM_CACHE or pass --db)`, 2);
  }
  try {
    const made = await summarizeRunWithModel(articles, { ...config, summary: { ...config.summary, ...options } }, store, {
      onCancel: () => new CliError('summarize: cancelled', 1),
    }).catch((error: unknown) => {
      throw refusedModelUrl(error);
    });
    const gated: ModelSummaries['gated'] = new Map();
    const notices = [...made.notices];
    for (const article of articles) {
      const one = made.gated.get(article.id);
      if (!one) continue;
      gated.set(article.id, { summary: one.summary, audit: one.audit, counts: modelGateCounts([one.audit])! });
      if (one.notice) notices.push(one.notice);
    }
    return { gated, notices };
  } finally {
    await store.close();
  }
}
