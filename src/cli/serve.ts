// `newsdesk serve`: the web editor over the same store as `newsdesk run`, on loopback by default.
import { printErr, printOut } from './terminal.js';
import { existsSync } from 'node:fs';
import { REMOTE_URL } from '../ingest/index.js';
import { resolve } from 'node:path';
import { runSettings } from '../config.js';
import { formatDuration } from '../duration.js';
import { describeDb, isDatabaseUrl, openStore } from '../store/index.js';
import { startEditor } from '../web/server.js';
import { workerRunner } from '../web/runs.js';
import { deskJobSource, runJobLog } from '../web/jobs.js';
import { newToken } from '../web/security.js';
import { CliError, parseCommandLine, UsageError, configFromFlags, type Command } from './common.js';

/** Loopback only by default: the editor changes the store and should not be reachable from the network. */
export const DEFAULT_HOST = '127.0.0.1';
/** An unassigned port near other local dev tools' habits; `--port 0` asks the system for a free one. */
export const DEFAULT_PORT = 4317;
/** Shortest token accepted from the user: shorter ones could be guessed by a page probing localhost. */
const MIN_TOKEN_LENGTH = 16;

const HELP = `Usage: newsdesk serve [options]

Starts the web editor over the store: the board of today's stories by rank, each article's source text
beside its summary (with provenance), audit findings, usage changes with notes, and a button that runs the
pipeline on the configured sources (like "newsdesk run" with no arguments). Prints one line,
"newsdesk editor: http://HOST:PORT/?token=TOKEN", once it listens; open it in a browser. Ctrl-C stops it.

Options:
  --host HOST      address to bind (default ${DEFAULT_HOST}; anything else exposes the editor to the network)
  --port PORT      port (default ${DEFAULT_PORT}; 0 picks a free port)
  --db FILE|URL    SQLite file or postgres://user@host:port/name (default ./newsdesk.db; env NEWSDESK_DB)
  --sources PATH   a file or folder the run button reads; repeat for more (default: the config's "sources",
                   else the bundled demo corpus)
  --out DIR        output folder of runs started from the editor (default ./out; env NEWSDESK_OUT)
  --token TOKEN    access token (default: a random one per start; env NEWSDESK_TOKEN; at least ${MIN_TOKEN_LENGTH} characters)
  --every DURATION run the desk on its sources this often, e.g. 15m or 1h (config schedule.every; at least 1m);
                   the board shows the last and the next run
  --threads N      runs summarize and audit on N threads (config summarize.threads; default 1)
  --queue          runs (the schedule's and the run button's) go to the desk's job queue, as with
                   "newsdesk run --queue": with a PostgreSQL --db, \`newsdesk worker\` processes read,
                   fetch, summarize and audit the sources, and this server dedupes, clusters, ranks,
                   commits and publishes once their jobs are done; with SQLite, the run's thread does them
                   (the editor's Failed jobs page then lists the jobs of its runs that failed for good;
                   with a PostgreSQL --db it lists the queue's, with or without --queue)
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  --debug          stack traces on unexpected errors
  -h, --help       this help

Config keys used: all of them, as "newsdesk run" does: db, out, sources (a list of files, folders and feed
URLs, e.g. "sources: [feeds/, pages/]" in YAML; relative paths are taken from the working folder), and
schedule (every; perSource, the least time between two fetches of one feed), ranking.mute, ranking.boost
and searches (listed on the editor's Rules page beside the rules and searches kept in the store).

Every decision made in the editor (usage, story usage, pins, rules) is published to the output folder at once.

Exit: 0 after a clean stop (SIGINT/SIGTERM), 1 when it cannot listen, 2 bad usage.
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    host: { type: 'string' },
    port: { type: 'string' },
    db: { type: 'string' },
    sources: { type: 'string', multiple: true },
    out: { type: 'string' },
    token: { type: 'string' },
    config: { type: 'string' },
    every: { type: 'string' },
    queue: { type: 'boolean' },
    threads: { type: 'string' },
  });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; serve takes only options`);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port "${values.port}" is not a port number (0-65535)`);
  const token = values.token ?? (process.env.NEWSDESK_TOKEN || newToken());
  if (token.length < MIN_TOKEN_LENGTH || !/^[A-Za-z0-9._~-]+$/.test(token)) {
    throw new UsageError(`--token must be at least ${MIN_TOKEN_LENGTH} characters of letters, digits, ".", "_", "~" or "-"`);
  }
  const host = values.host ?? DEFAULT_HOST;
  const config = configFromFlags(values);

  // Feed and site URLs are fetched by the run, as with `newsdesk run`; files and folders are paths.
  const inputs = config.sources.map((p) => (REMOTE_URL.test(p) ? p : resolve(p)));
  // Checked now rather than at the first click: a typo should stop the start, not surface later in the browser.
  const missing = inputs.find((p) => !REMOTE_URL.test(p) && !existsSync(p));
  if (missing) throw new UsageError(`source ${missing} does not exist; fix --sources or the "sources" config key`);

  let store;
  try {
    store = await openStore(config.db);
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
  // Failed jobs for the editor: a PostgreSQL desk's queue, or the reports of this server's own queued runs on SQLite.
  const log = !isDatabaseUrl(config.db) && values.queue ? runJobLog() : undefined;
  const jobs = isDatabaseUrl(config.db) ? deskJobSource(config.db, config.queue) : log;
  let editor;
  try {
    editor = await startEditor({
      store,
      token,
      host,
      port,
      // The same settings `newsdesk run` uses, so a run from the editor ranks, publishes and fetches alike.
      run: {
        inputs,
        outDir: resolve(config.out),
        settings: runSettings(config),
      },
      // Runs work in a thread of their own so the editor keeps answering while one is under way.
      runner: workerRunner(config.db, values.queue ? config.queue : undefined, log ? (failed) => log.add(failed) : undefined),
      ...(jobs ? { jobs } : {}),
      ...(config.schedule.everyMs !== undefined ? { everyMs: config.schedule.everyMs } : {}),
      searches: config.searches,
    });
  } catch (error) {
    await store.close();
    throw new CliError(`cannot listen on ${host}:${port}: ${(error as Error).message}; pick another --port or --host`, 1);
  }
  printOut(`newsdesk editor: ${editor.url}/?token=${token}\n`);
  if (values.queue) printErr(`newsdesk serve: runs go to the job queue of ${describeDb(config.db)}${isDatabaseUrl(config.db) ? '; `newsdesk worker` processes do their sources' : ''}\n`);
  if (config.schedule.everyMs !== undefined) {
    printErr(`newsdesk serve: runs the desk every ${formatDuration(config.schedule.everyMs)}, first at ${new Date(Date.now() + config.schedule.everyMs).toISOString()}\n`);
  }

  const running = editor;
  const openedStore = store;
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running
        .close()
        .then(() => openedStore.close())
        .finally(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  printErr('newsdesk serve: stopped\n');
  return 0;
};
