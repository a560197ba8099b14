// `newsdesk mark`: an editor's decision on articles or whole stories, kept with time and note.
import { printErr, printOut } from './terminal.js';
import { resolve } from 'node:path';
import { USAGES, type Candidate, type Usage } from '../model.js';
import { decideUsage } from '../desk.js';
import type { Store } from '../store/index.js';
import { parseCommandLine, storeFailure, UsageError, type Command } from './common.js';
import { DESK_OPTIONS, latestRun, loadDeskConfig, openDeskStore } from './desk.js';

/** `duplicate` belongs to dedupe: a run would overwrite it, so an editor cannot set it. */
export const EDITOR_USAGES: readonly Usage[] = USAGES.filter((u) => u !== 'duplicate');

/** Shortest id prefix accepted: long enough that a typo does not hit another article. */
const MIN_PREFIX = 6;

const HELP = `Usage: newsdesk mark <article-or-story-id...> <usage> [options]

Sets the usage of articles (by article id) or of every original article of a story (by story id), records
the change with its time and note in the audit trail, and re-publishes the latest run so that the
per-article files, the briefing and the feeds show it. The decision survives later runs.

Usage values: ${EDITOR_USAGES.join(', ')} (duplicate is set by dedupe).
Ids: as printed by "newsdesk list" (a unique prefix of at least ${MIN_PREFIX} characters is enough).

Options:
  --note TEXT      why (kept in the audit trail)
  --db FILE|URL    SQLite file or postgres://user@host:port/name (default ./newsdesk.db; env NEWSDESK_DB)
  --out DIR        output folder to re-publish (default ./out; env NEWSDESK_OUT)
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  --json           print the recorded changes as JSON
  -h, --help       this help

Exit: 0 success, 1 no run stored yet, 2 unknown id or usage value.
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, { ...DESK_OPTIONS, note: { type: 'string' } });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  if (positionals.length < 2) throw new UsageError('name at least one article or story id and a usage value, e.g. "newsdesk mark s-1a2b selected"');
  const usage = positionals[positionals.length - 1]!;
  if (!(EDITOR_USAGES as readonly string[]).includes(usage)) {
    throw new UsageError(`"${usage}" is not a usage value; use one of ${EDITOR_USAGES.join(', ')} (last argument)`);
  }
  const config = loadDeskConfig(values);
  const store = await openDeskStore(config, 'write');
  try {
    const { result } = await latestRun(store, config);
    const ids = await resolveIds(store, result.candidates, positionals.slice(0, -1));
    const { events, published } = await decideUsage(store, ids, usage as Usage, new Date().toISOString(), values.note, {
      outDir: resolve(config.out),
      options: config.publish,
    });
    if (values.json) {
      printOut(`${JSON.stringify({ changes: events.map((e) => ({ id: e.articleId, usage: e.usage, previous: e.previous ?? null, note: e.note ?? null, at: e.at })) }, null, 2)}\n`);
    } else {
      for (const e of events) printOut(`${e.articleId}  ${e.previous ?? '-'} → ${e.usage}\n`);
    }
    const files = published?.changed.length ?? 0;
    printErr(
      `newsdesk mark: ${events.length === 1 ? '1 article' : `${events.length} articles`} marked ${usage}; re-published ${files === 1 ? '1 changed file' : `${files} changed files`} to ${config.out}\n`,
    );
    return 0;
  } catch (error) {
    throw storeFailure(config.db, error);
  } finally {
    await store.close();
  }
};

/** Article ids as given, story ids expanded to their original articles, prefixes completed. */
async function resolveIds(store: Store, known: Candidate[], given: string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const id of given) {
    const ranked = async (ids: string[]): Promise<string[]> => {
      const memory = await store.recall(ids);
      return ids.filter((articleId) => memory.get(articleId)?.initialRank !== undefined);
    };
    if ((await ranked([id])).length > 0) {
      out.add(id);
      continue;
    }
    const members = await ranked(await store.storyArticleIds(id));
    if (members.length > 0) {
      // Copies keep their duplicate usage: a story decision is about its original reporting.
      const copies = new Set(known.filter((c) => c.usage === 'duplicate').map((c) => c.articleId));
      const originals = members.filter((m) => !copies.has(m));
      for (const m of originals.length ? originals : members) out.add(m);
      continue;
    }
    const matches = id.length >= MIN_PREFIX ? [...new Set(known.flatMap((c) => [c.articleId, c.storyId]).filter((k) => k.startsWith(id)))] : [];
    if (matches.length === 1) {
      for (const m of await resolveIds(store, known, matches)) out.add(m);
      continue;
    }
    if (matches.length > 1) throw new UsageError(`id prefix "${id}" matches ${matches.length} ids (${matches.slice(0, 3).join(', ')}…); give more characters`);
    if (id.length < MIN_PREFIX && known.some((c) => c.articleId.startsWith(id) || c.storyId.startsWith(id))) {
      throw new UsageError(`id prefix "${id}" is too short: give at least ${MIN_PREFIX} characters of an id from "newsdesk list"`);
    }
    throw new UsageError(`unknown article or story id "${id}"; see "newsdesk list" for the ids of the latest run`);
  }
  return [...out];
}
