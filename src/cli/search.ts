// `newsdesk search`: every stored article (of any run) that holds the query's words, best match first.
import { searchDesk, SEARCH_LIMIT } from '../search.js';
import { parseCommandLine, UsageError, type Command } from './common.js';
import { DESK_OPTIONS, loadDeskConfig, openDeskStore } from './desk.js';
import { textTable } from './table.js';

const HELP = `Usage: newsdesk search QUERY... [options]

Finds stored articles (from every run) whose title or text holds every word of QUERY, in any inflection
("bridges" finds "bridge"), best match first; titles weigh more than text.

Options:
  --limit N        at most N results (default ${SEARCH_LIMIT})
  --db FILE        SQLite database (default ./newsdesk.db; env NEWSDESK_DB)
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  --json           print {results:[{id, story, title, publisher, usage, snippet}]}
  -h, --help       this help

Exit: 0 success (also when nothing matches), 1 no database, 2 no query or a bad --limit.
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, { ...DESK_OPTIONS, limit: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('give the words to search for, e.g. newsdesk search bridge');
  const limit = values.limit === undefined ? SEARCH_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit "${values.limit}" is not a whole number from 1`);
  const config = loadDeskConfig(values);
  const store = await openDeskStore(config, 'read');
  try {
    const results = await searchDesk(store, query, limit);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
      return 0;
    }
    if (results.length === 0) {
      process.stderr.write(`newsdesk search: no stored article holds every word of "${query}"\n`);
      return 0;
    }
    const rows = results.map((r) => [r.id, r.usage ?? 'unranked', r.publisher, r.title]);
    process.stdout.write(textTable(['id', 'usage', 'publisher', 'title'], rows, process.stdout.columns));
    process.stderr.write(`newsdesk search: ${results.length === 1 ? '1 article' : `${results.length} articles`} (open one with newsdesk serve, /articles/ID)\n`);
    return 0;
  } finally {
    await store.close();
  }
};
