// `newsdesk rules`: mute and boost rules and saved searches. Listing them reads the store; a rule change ranks
// the latest run again and re-publishes it at once, as the editor's rule buttons do.
import { resolve } from 'node:path';
import { printErr, printOut } from './terminal.js';
import { rankSettings, type Config } from '../config.js';
import { RULE_FIELDS } from '../model.js';
import { addRule, allRules, removeRule, RuleRefused, ruleJson, ruleLine, ruleMatchCounts, type RuleChange } from '../rules.js';
import { allSavedSearches, keepSearch, savedSearchJson, savedSearchMatches } from '../saved-search.js';
import type { Store } from '../store/index.js';
import { CliError, parseCommandLine, storeFailure, UsageError, type Command } from './common.js';
import { DESK_OPTIONS, loadDeskConfig, openDeskStore } from './desk.js';
import { textTable } from './table.js';

const HELP = `Usage: newsdesk rules [options]                     every rule and saved search, with what it matches
       newsdesk rules mute FIELD VALUE... [--note TEXT]  rank what matches after every article not muted
       newsdesk rules boost FIELD VALUE... [--note TEXT] add the boost component (weights.boost) to its score
       newsdesk rules remove RULE-ID
       newsdesk rules save-search QUERY...               the editor's board flags what it finds
       newsdesk rules remove-search SEARCH-ID

FIELD is one of ${RULE_FIELDS.join(', ')}: a word or phrase in the headline or text (stems compared, as for
ranking.topics), a publisher (slug or name), a name in the byline, or a story id (as "newsdesk list" prints
it; the rule holds while the story continues). A rule change ranks the latest run again with the config and
every rule, and re-publishes the outputs at once; "newsdesk rank --explain" says which rule moved what.
Rules and searches in the config file (ranking.mute, ranking.boost, searches) are listed with "config" and
are changed there.

Options:
  --note TEXT      why (kept with the rule)
  --db FILE|URL    SQLite file or postgres://user@host:port/name (default ./newsdesk.db; env NEWSDESK_DB)
  --out DIR        output folder to re-publish (default ./out; env NEWSDESK_OUT)
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  --json           print {rules:[{id, action, field, value, note, from, matches}], searches:[{id, query, from,
                   matches, new}]} (matches: articles of the latest run; new: of those, first seen by it)
  -h, --help       this help

Exit: 0 success, 1 no database yet (listing), 2 bad usage, an unknown id or a refused rule.
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, { ...DESK_OPTIONS, note: { type: 'string' } });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  const [verb, ...rest] = positionals;
  const config = loadDeskConfig(values);
  if (verb === undefined || verb === 'list') {
    if (rest.length > 0) throw new UsageError(`"rules list" takes no arguments (got "${rest[0]}")`);
    return withStore(config, 'read', (store) => list(store, config, Boolean(values.json)));
  }
  if (verb === 'mute' || verb === 'boost') {
    const [field, ...words] = rest;
    if (field === undefined || words.length === 0) throw new UsageError(`name what to ${verb}, e.g. "newsdesk rules ${verb} publisher islandwire"`);
    return withStore(config, 'create', async (store) => {
      const change = await refusedAsUsage(() => addRule(store, { action: verb, field, value: words.join(' '), note: values.note }, new Date().toISOString(), rankSettings(config), target(config)));
      report(change, change.changed ? 'kept' : 'was already kept; nothing changed', config, Boolean(values.json));
      return 0;
    });
  }
  if (verb === 'remove') {
    const id = readId(rest, 'remove RULE-ID');
    return withStore(config, 'write', async (store) => {
      const change = await removeRule(store, id, rankSettings(config), target(config));
      if (!change) throw new UsageError(`no rule ${id}; "newsdesk rules" lists the rules with their ids (rules from the config file are changed there)`);
      report(change, 'removed', config, Boolean(values.json));
      return 0;
    });
  }
  if (verb === 'save-search') {
    if (rest.length === 0) throw new UsageError('give the words to search for, e.g. "newsdesk rules save-search dam spillway"');
    return withStore(config, 'create', async (store) => {
      const search = await keepSearch(store, rest.join(' '), new Date().toISOString(), config.searches);
      if (typeof search === 'string') throw new UsageError(search);
      if (values.json) printOut(`${JSON.stringify({ search: savedSearchJson(search) }, null, 2)}\n`);
      else printOut(`search ${search.id ?? '(config)'}: ${search.query}\n`);
      printErr(`newsdesk rules: the editor's board flags the articles "${search.query}" finds\n`);
      return 0;
    });
  }
  if (verb === 'remove-search') {
    const id = readId(rest, 'remove-search SEARCH-ID');
    return withStore(config, 'write', async (store) => {
      const removed = await store.removeSavedSearch(id);
      if (!removed) throw new UsageError(`no saved search ${id}; "newsdesk rules" lists them with their ids (searches from the config file are changed there)`);
      if (values.json) printOut(`${JSON.stringify({ removed: { id: removed.id, query: removed.query } }, null, 2)}\n`);
      else printOut(`search ${removed.id} removed: ${removed.query}\n`);
      return 0;
    });
  }
  throw new UsageError(`"${verb}" is not a rules command; use mute, boost, remove, save-search, remove-search or list`);
};

function target(config: Config) {
  return { outDir: resolve(config.out), options: config.publish };
}

function readId(rest: string[], usage: string): number {
  const [given, ...extra] = rest;
  const id = Number(given);
  if (given === undefined || extra.length > 0 || !Number.isInteger(id) || id < 1) {
    throw new UsageError(`give one id as "newsdesk rules" lists it: newsdesk rules ${usage}`);
  }
  return id;
}

async function refusedAsUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RuleRefused) throw new UsageError(error.message);
    throw error;
  }
}

async function withStore(config: Config, mode: 'read' | 'write' | 'create', work: (store: Store) => Promise<number>): Promise<number> {
  const store = await openDeskStore(config, mode);
  try {
    return await work(store);
  } catch (error) {
    throw error instanceof UsageError || error instanceof CliError ? error : storeFailure(config.db, error);
  } finally {
    await store.close();
  }
}

function report(change: RuleChange, what: string, config: Config, json: boolean): void {
  const { rule, moved, published } = change;
  if (json) printOut(`${JSON.stringify({ rule: ruleJson(rule), changed: change.changed, moved }, null, 2)}\n`);
  else printOut(`${ruleLine(rule)}\n`);
  if (!change.changed) {
    printErr(`newsdesk rules: rule ${rule.id ?? '(config)'} ${what}\n`);
    return;
  }
  const files = published?.changed.length ?? 0;
  const effect = published ? `; ${moved === 1 ? '1 article' : `${moved} articles`} moved; re-published ${files === 1 ? '1 changed file' : `${files} changed files`} to ${config.out}` : '; no run yet to rank';
  printErr(`newsdesk rules: rule ${rule.id} ${what}${effect}\n`);
}

async function list(store: Store, config: Config, json: boolean): Promise<number> {
  const run = await store.latestRun();
  const result = run ? await store.loadRun(run.id) : undefined;
  const rules = await allRules(store, rankSettings(config));
  const counts = result ? ruleMatchCounts(result, rules) : rules.map(() => 0);
  const searches = await allSavedSearches(store, config.searches);
  const ids = result?.articles.map((a) => a.id) ?? [];
  const found = await savedSearchMatches(store, searches, ids);
  const memory = await store.recall(ids);
  const fresh = found.map((matches) => matches.filter((id) => memory.get(id)?.firstSeenRun === run?.id).length);
  if (json) {
    printOut(
      `${JSON.stringify(
        {
          run: run?.id ?? null,
          rules: rules.map((r, i) => ruleJson(r, counts[i])),
          searches: searches.map((s, i) => savedSearchJson(s, { matches: found[i]!.length, new: fresh[i]! })),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const where = run ? `articles of run ${run.id}` : 'no run yet';
  if (rules.length === 0) printOut('no mute or boost rules (add one: newsdesk rules mute publisher SLUG)\n');
  else {
    const rows = rules.map((r, i) => [r.id === undefined ? 'config' : String(r.id), r.action, r.field, String(counts[i]), r.value + (r.note ? `  (${r.note})` : '')]);
    printOut(textTable(['rule', 'action', 'field', 'matches', 'value'], rows, process.stdout.columns, [3]));
  }
  printOut('\n');
  if (searches.length === 0) printOut('no saved searches (add one: newsdesk rules save-search WORDS)\n');
  else {
    const rows = searches.map((s, i) => [s.id === undefined ? 'config' : String(s.id), String(found[i]!.length), String(fresh[i]), s.query]);
    printOut(textTable(['search', 'matches', 'new', 'query'], rows, process.stdout.columns, [1, 2]));
  }
  printErr(`newsdesk rules: matches counted among the ${where}${run ? '; new: first seen by that run' : ''}\n`);
  return 0;
}
