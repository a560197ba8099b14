// `newsdesk run`: the whole pipeline on files, folders, or the bundled demo corpus.
import { resolve } from 'node:path';
import { DEMO_CORPUS, loadConfig } from '../config.js';
import { runPipeline, type Progress } from '../pipeline.js';
import { openSqliteStore } from '../store/index.js';
import { runJson } from '../publish/index.js';
import { CliError, parseCommandLine, UsageError, withConfigErrors, type Command } from './common.js';
import { candidateTable } from './table.js';

const HELP = `Usage: newsdesk run [options] [SOURCES...]

Runs ingest → dedupe → cluster → summarize → audit → rank → publish on the given files and folders
(recursively), or on the bundled demo corpus when none are given. Writes out/articles/<publisher>/<slug>.md,
out/briefing.md and out/run.json, stores everything in SQLite, and prints the ranked list.

Sources: plain-text articles (a "The post … appeared first on …" footer gives title and publisher),
HTML article pages, RSS / Atom / JSON Feed files, and OPML lists of local feed files; detected by content.

Options:
  --url URL        URL of the article when exactly one file is given
  --out DIR        output folder (default ./out; env NEWSDESK_OUT)
  --db FILE        SQLite database (default ./newsdesk.db; env NEWSDESK_DB)
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  --json           print the run as JSON instead of the table
  --quiet          no progress on stderr
  --debug          stack traces on unexpected errors
  -h, --help       this help

Exit: 0 success, 1 some inputs failed (the rest is written), 2 bad usage or configuration.
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    url: { type: 'string' },
    out: { type: 'string' },
    db: { type: 'string' },
    config: { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const config = withConfigErrors(() =>
    loadConfig({ ...(values.config ? { file: values.config } : {}), flags: { ...(values.db ? { db: values.db } : {}), ...(values.out ? { out: values.out } : {}) } }),
  );
  const inputs = positionals.length > 0 ? positionals.map((p) => resolve(p)) : [DEMO_CORPUS];
  if (values.url !== undefined) {
    if (inputs.length !== 1) throw new UsageError('--url applies to a single file; name exactly one source');
    if (!/^https?:\/\/[^\s/]+/i.test(values.url)) throw new UsageError(`--url "${values.url}" is not an http(s) URL`);
  }

  let store;
  try {
    store = openSqliteStore(resolve(config.db));
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
  const showProgress = !values.quiet && process.stderr.isTTY;
  try {
    const now = new Date().toISOString();
    const outcome = await runPipeline(
      {
        inputs,
        ...(values.url ? { url: values.url } : {}),
        outDir: resolve(config.out),
        weights: config.weights,
        summary: config.summary,
        cluster: config.cluster,
        now,
        ...(showProgress ? { onProgress: printProgress } : {}),
      },
      store,
    );
    const { result, published } = outcome;
    if (showProgress) process.stderr.write('\r\x1b[K');
    for (const failure of result.failures) process.stderr.write(`newsdesk run: ${failure.path}: ${failure.reason}\n`);
    if (!values.quiet) for (const notice of result.notices) process.stderr.write(`newsdesk run: note: ${notice}\n`);

    if (values.json) process.stdout.write(`${JSON.stringify(runJson(result, published.files, now), null, 2)}\n`);
    else process.stdout.write(candidateTable(result, process.stdout.isTTY ? process.stdout.columns : undefined));

    const copies = result.duplicates.reduce((n, g) => n + g.duplicateIds.length, 0);
    process.stderr.write(
      `newsdesk run: ${plural(result.articles.length, 'article')}, ${plural(result.stories.length, 'story', 'stories')}, ` +
        `${plural(copies, 'duplicate')}, ${plural(result.failures.length, 'failed input')}; ` +
        `wrote ${plural(published.changed.length, 'changed file')} to ${config.out}\n`,
    );
    if (result.articles.length === 0 && result.failures.length === 0) {
      throw new CliError('no articles found in the given sources; name text, HTML, feed or OPML files', 1);
    }
    return result.failures.length > 0 ? 1 : 0;
  } finally {
    store.close();
  }
};

function printProgress({ stage, done, total }: Progress): void {
  process.stderr.write(`\r\x1b[Knewsdesk run: ${stage} ${done}/${total}`);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
