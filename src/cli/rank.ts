// `newsdesk rank`: the latest run's ranking as stored, optionally with every score taken apart.
import { parseCommandLine, type Command } from './common.js';
import { DESK_OPTIONS, latestRun, loadDeskConfig, openDeskStore } from './desk.js';
import { explainJson, explainText } from './explain.js';
import { candidateTable } from './table.js';

const HELP = `Usage: newsdesk rank [--explain] [options]

Prints the latest run's ranking. With --explain, each candidate's rank, score and every component's
value × weight = contribution (the contributions sum to the score), and any diversity cap that moved it.

Options:
  --explain        show the score components
  --db FILE        SQLite database (default ./newsdesk.db; env NEWSDESK_DB)
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  --json           print {candidates:[{id, story, rank, score, usage, components:[{name, value, weight, contribution, detail}]}]}
  -h, --help       this help

Exit: 0 success, 1 no run stored yet, 2 bad usage.
`;

export const command: Command = async (argv) => {
  const { values } = parseCommandLine(argv, { ...DESK_OPTIONS, explain: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const config = loadDeskConfig(values);
  const store = openDeskStore(config);
  try {
    const { result } = latestRun(store, config);
    if (values.json) process.stdout.write(`${JSON.stringify(explainJson(result), null, 2)}\n`);
    else if (values.explain) process.stdout.write(explainText(result));
    else process.stdout.write(candidateTable(result, process.stdout.isTTY ? process.stdout.columns : undefined));
    return 0;
  } finally {
    store.close();
  }
};
