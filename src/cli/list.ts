// `newsdesk list`: the latest run's candidates with the ids `mark` accepts.
import { printErr, printOut } from './terminal.js';
import { USAGES, type Usage } from '../model.js';
import { durationMs } from '../duration.js';
import { parseCommandLine, UsageError, type Command } from './common.js';
import { textTable } from './table.js';
import { DESK_OPTIONS, latestRun, loadDeskConfig, openDeskStore } from './desk.js';

const HELP = `Usage: newsdesk list [options]

Lists the candidates of the latest run in rank order, with the ids that "newsdesk mark" accepts.

Options:
  --usage U        only candidates with this usage (${USAGES.join(', ')})
  --since D        only articles published (or, without a date, first seen) within D: 90m, 24h, 7d, 2w
  --db FILE|URL    SQLite file or postgres://user@host:port/name (default ./newsdesk.db; env NEWSDESK_DB)
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  --json           print {candidates:[{id, story, title, publisher, url, usage, initial_rank, score}]}
  -h, --help       this help

Exit: 0 success, 1 no run stored yet, 2 bad usage value or duration.
`;

export function parseDuration(text: string): number {
  const ms = durationMs(text);
  if (ms === undefined) throw new UsageError(`--since "${text}" is not a duration; use a number and a unit: 90m, 24h, 7d, 2w`);
  return ms;
}

export const command: Command = async (argv) => {
  const { values } = parseCommandLine(argv, { ...DESK_OPTIONS, usage: { type: 'string' }, since: { type: 'string' } });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  if (values.usage !== undefined && !(USAGES as readonly string[]).includes(values.usage)) {
    throw new UsageError(`--usage "${values.usage}" is not a usage value; use one of ${USAGES.join(', ')}`);
  }
  const since = values.since !== undefined ? Date.now() - parseDuration(values.since) : undefined;
  const config = loadDeskConfig(values);
  const store = await openDeskStore(config, 'read');
  try {
    const { result } = await latestRun(store, config);
    const articles = new Map(result.articles.map((a) => [a.id, a]));
    const firstSeen = await store.recall(result.articles.map((a) => a.id));
    const runStarted = new Map((await store.listRuns()).map((r) => [r.id, Date.parse(r.startedAt)]));
    const rows = result.candidates
      .filter((c) => values.usage === undefined || c.usage === (values.usage as Usage))
      .filter((c) => {
        if (since === undefined) return true;
        const a = articles.get(c.articleId)!;
        const seen = firstSeen.get(c.articleId)?.firstSeenRun;
        const at = a.published ? Date.parse(a.published) : seen !== undefined ? (runStarted.get(seen) ?? 0) : 0;
        return at >= since;
      })
      .map((c) => {
        const a = articles.get(c.articleId)!;
        return { id: c.articleId, story: c.storyId, title: a.title, publisher: a.publisher, url: a.url, usage: c.usage, initial_rank: c.initialRank, score: c.score };
      });
    if (values.json) {
      printOut(`${JSON.stringify({ candidates: rows }, null, 2)}\n`);
    } else {
      const cells = rows.map((r) => [r.id, r.story || '-', r.usage, r.score.toFixed(2), r.publisher, r.title]);
      printOut(textTable(['id', 'story', 'usage', 'score', 'publisher', 'title'], cells, process.stdout.columns, [3]));
      printErr(`newsdesk list: ${rows.length === 1 ? '1 candidate' : `${rows.length} candidates`}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
};
