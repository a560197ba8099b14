// `newsdesk worker`: takes jobs from a PostgreSQL desk's queue and does them until stopped. Any number of
// them, on any machines, share the queue and the per-host politeness kept in the database.
import { runSettings } from '../config.js';
import { createFetcher } from '../fetch/index.js';
import { jobKinds } from '../queue/kinds/index.js';
import { stageSource } from '../pipeline-source.js';
import { openJobQueue, type JobQueue } from '../queue/index.js';
import { DEFAULT_CONCURRENCY, runWorker, STOP_GRACE_MS, type WorkerEvent, type JobKind } from '../queue/worker.js';
import { describeDb, isDatabaseUrl, openStore, type Store } from '../store/index.js';
import { redactError } from '../store/postgres/url.js';
import { CliError, configFromFlags, parseCommandLine, UsageError, type Command } from './common.js';
import { jobLine } from './job-lines.js';
import { boundHeapGrowth } from '../memory.js';
import { printErr, printOut } from './terminal.js';

/** The most jobs one worker holds at once: each can hold a database connection and a host slot. */
const MAX_CONCURRENCY = 64;

const HELP = `Usage: newsdesk worker --db postgres://user@host:port/name [options]

Takes jobs from the desk's queue in PostgreSQL and does them, N at a time, until stopped. Run any number
of workers on any machines against one database: each job is done by one worker; a job whose worker dies
goes back to the queue when its lease runs out (queue.leaseSeconds) and another worker does it; per-host
politeness (fetch.perHost, fetch.hostDelayMs, Retry-After, robots.txt) holds for all of them together.

Job kinds it does: fetch (one URL, politely; its validators and failure streak kept in the desk), and
source (one input of a \`newsdesk run --queue\`: ingested, fetched, summarized, audited and staged for the
run, which commits it). Give every worker the run's config file: summaries follow the worker's settings.

Prints one line per job done or failed on stdout, notices on stderr. SIGTERM or Ctrl-C: no new job is
taken, those in hand get ${STOP_GRACE_MS / 1000} s to finish (Ctrl-C again: at once), the rest go back to the queue.

Options:
  --db URL           the desk's PostgreSQL (env NEWSDESK_DB); a SQLite desk has no workers
  --concurrency N    jobs at a time (default ${DEFAULT_CONCURRENCY}, at most ${MAX_CONCURRENCY})
  --config FILE      YAML or JSON config file (env NEWSDESK_CONFIG): fetch.* and queue.* apply
  --allow-private    fetch loopback and private addresses (local setups)
  --user-agent UA    User-Agent sent (env NEWSDESK_USER_AGENT)
  --debug            stack traces on unexpected errors
  -h, --help         this help

Exit: 0 after a stop by SIGTERM or SIGINT, 2 bad usage, a database that is not PostgreSQL, or one that
cannot be opened.
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    db: { type: 'string' },
    concurrency: { type: 'string' },
    config: { type: 'string' },
    'allow-private': { type: 'boolean' },
    'user-agent': { type: 'string' },
  });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; worker takes only options`);
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency "${values.concurrency}" is not a whole number from 1 to ${MAX_CONCURRENCY}`);
  }
  const config = configFromFlags(values);
  if (!isDatabaseUrl(config.db)) {
    throw new CliError(
      `workers need PostgreSQL: the SQLite desk ${config.db} keeps its jobs inside the process that runs them, where no worker can take them; pass --db postgres://user@host:port/name (or set NEWSDESK_DB)`,
      2,
    );
  }
  const where = describeDb(config.db);
  let store: Store;
  let queue: JobQueue;
  try {
    store = await openStore(config.db);
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
  try {
    queue = await openJobQueue(config.db, config.queue);
  } catch (error) {
    await store.close();
    throw new CliError((error as Error).message, 2);
  }
  const fetcher = createFetcher(config.fetch, store, store);
  const kinds: Record<string, JobKind> = jobKinds({ store, fetcher, settings: runSettings(config), sourceStage: stageSource });

  const stop = new AbortController();
  const hurry = new AbortController();
  const tally = { done: 0, failed: 0, released: 0 };
  const onSignal = (): void => {
    if (stop.signal.aborted) {
      hurry.abort();
      return;
    }
    printErr(`newsdesk worker: stopping; jobs in hand get up to ${STOP_GRACE_MS / 1000} s to finish (again to give them back now)\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const onEvent = (event: WorkerEvent): void => {
    if (event.type === 'database-lost') printErr(`newsdesk worker: lost the database ${where} (${redactError(config.db, event.error)}); trying again\n`);
    else if (event.type === 'database-back') printErr(`newsdesk worker: the database ${where} answers again\n`);
    else {
      tally[event.type]++;
      printOut(`${jobLine(event, kinds[event.job.kind]!)}\n`);
    }
  };

  printErr(`newsdesk worker: taking ${Object.keys(kinds).join(', ')} jobs from ${where}, ${concurrency} at a time (pid ${process.pid}); stop with Ctrl-C or SIGTERM\n`);
  try {
    boundHeapGrowth();
    await runWorker(queue, kinds, { concurrency, signal: stop.signal, hurry: hurry.signal, onEvent });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await fetcher.close().catch(() => {});
    await queue.close().catch(() => {});
    await store.close().catch(() => {});
  }
  printErr(`newsdesk worker: stopped; ${tally.done} done, ${tally.failed} failed, ${tally.released} given back to the queue\n`);
  return 0;
};
