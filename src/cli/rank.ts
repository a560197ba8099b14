// `newsdesk rank`: the latest run's ranking as stored, optionally with every score taken apart, or ranked
// again with the current config (without saving) to see what a change of weights would do.
import { rankSettings } from '../config.js';
import type { RunResult } from '../model.js';
import { rankWithMemory } from '../pipeline.js';
import { parseCommandLine, type Command } from './common.js';
import { DESK_OPTIONS, latestRun, loadDeskConfig, openExistingDeskStore } from './desk.js';
import { explainJson, explainText } from './explain.js';
import { candidateTable } from './table.js';

const HELP = `Usage: newsdesk rank [--explain] [options]

Prints the latest run's ranking. With --explain, each candidate's rank, score and every component's
value × weight = contribution (the contributions sum to the score), and any diversity cap that moved it.
With --rerank, the latest run's articles are ranked again with the config as it is now (weights,
ranking.*), nothing is saved, and each line says where the article stood in the stored ranking.

Options:
  --explain        show the score components
  --rerank         rank again with the current config; show old → new ranks (saves nothing)
  --db FILE        SQLite database (default ./newsdesk.db; env NEWSDESK_DB)
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  --json           print {candidates:[{id, story, rank, score, usage, components:[{name, value, weight, contribution, detail}]}]}
  -h, --help       this help

Exit: 0 success, 1 no run stored yet, 2 bad usage.
`;

/** The articles whose rank changed: "#1 ← #4  title". */
function movesText(result: RunResult, before: Map<string, number>): string {
  const titles = new Map(result.articles.map((a) => [a.id, a.title]));
  const moved = result.candidates.filter((c) => before.get(c.articleId) !== c.rank);
  if (moved.length === 0) return '\nno rank changed\n';
  return `\nmoved (new ← stored):\n${moved.map((c) => `  #${c.rank} ← #${before.get(c.articleId) ?? '?'}  ${titles.get(c.articleId) ?? c.articleId}`).join('\n')}\n`;
}

export const command: Command = async (argv) => {
  const { values } = parseCommandLine(argv, { ...DESK_OPTIONS, explain: { type: 'boolean' }, rerank: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const config = loadDeskConfig(values);
  const store = openExistingDeskStore(config);
  try {
    const { runId, result: stored } = await latestRun(store, config);
    const stale = values.rerank ? stored : undefined;
    const result: RunResult = stale ? { ...stale, candidates: await rankWithMemory(store, runId, stale, rankSettings(config)) } : stored;
    const before = stale ? new Map(stale.candidates.map((c) => [c.articleId, c.rank])) : undefined;
    if (values.json) process.stdout.write(`${JSON.stringify(explainJson(result, before), null, 2)}\n`);
    else {
      if (before) process.stderr.write(`newsdesk rank: run ${runId} ranked again with the current config; nothing saved\n`);
      if (values.explain) process.stdout.write(explainText(result, before));
      else process.stdout.write(candidateTable(result, process.stdout.isTTY ? process.stdout.columns : undefined));
      if (before && !values.explain) process.stdout.write(movesText(result, before));
    }
    return 0;
  } finally {
    await store.close();
  }
};
