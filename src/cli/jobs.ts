// `newsdesk jobs`: the jobs of a PostgreSQL desk's queue, newest first, with their state, attempts and last error.
import { JOB_STATES, type JobState } from '../model.js';
import { openJobQueue, type JobFilter, type JobProgress, type JobQueue } from '../queue/index.js';
import { describeDb, isDatabaseUrl } from '../store/index.js';
import { CliError, configFromFlags, parseCommandLine, UsageError, type Command } from './common.js';
import { jobRow } from './job-lines.js';
import { textTable } from './table.js';
import { printErr, printOut } from './terminal.js';

/** Jobs listed unless --limit says otherwise: a screenful or two; a run of thousands is counted, not listed. */
export const DEFAULT_LIMIT = 100;

const HELP = `Usage: newsdesk jobs --db postgres://user@host:port/name [options]

Lists the jobs of the desk's queue, newest first: id, kind, state, attempts, the run that asked for it,
its key and its last error. States: ${JOB_STATES.join(', ')} (retry: failed, waiting to be tried again;
failed: its attempts are spent).

Options:
  --failed         only jobs that failed for good (the same as --state failed)
  --state S        only jobs in state S
  --run N          only the jobs run N asked for, and how far they are (done/failed/total)
  --limit N        at most N jobs (default ${DEFAULT_LIMIT})
  --db URL         the desk's PostgreSQL (env NEWSDESK_DB); a SQLite desk keeps no queue between processes
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  --json           print {jobs:[{id, kind, key, run, state, attempts, max_attempts, last_error, created_at,
                   finished_at}]}, with --run also {progress:{total, done, failed, pending}}
  -h, --help       this help

Exit: 0 listed (also when none match), 2 bad usage, a database that is not PostgreSQL or cannot be opened.
`;

function wholeNumber(flag: string, value: string | undefined, fallback: number | undefined, least: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) throw new UsageError(`${flag} "${value}" is not a whole number from ${least}`);
  return n;
}

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    db: { type: 'string' },
    config: { type: 'string' },
    json: { type: 'boolean' },
    failed: { type: 'boolean' },
    state: { type: 'string' },
    run: { type: 'string' },
    limit: { type: 'string' },
  });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; jobs takes only options`);
  if (values.state !== undefined && !(JOB_STATES as readonly string[]).includes(values.state)) {
    throw new UsageError(`--state "${values.state}" is not a job state; use one of ${JOB_STATES.join(', ')}`);
  }
  if (values.failed && values.state !== undefined && values.state !== 'failed') throw new UsageError(`--failed and --state ${values.state} ask for different jobs; give one of them`);
  const state = values.failed ? 'failed' : (values.state as JobState | undefined);
  const runId = wholeNumber('--run', values.run, undefined, 1);
  const limit = wholeNumber('--limit', values.limit, DEFAULT_LIMIT, 1)!;
  const config = configFromFlags(values);
  if (!isDatabaseUrl(config.db)) {
    throw new CliError(
      `jobs are kept in PostgreSQL: the SQLite desk ${config.db} keeps its jobs inside the process that runs them, and none are left to list; pass --db postgres://user@host:port/name (or set NEWSDESK_DB)`,
      2,
    );
  }
  let queue: JobQueue;
  try {
    queue = await openJobQueue(config.db, config.queue);
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
  try {
    const filter: JobFilter = { limit, ...(state ? { state } : {}), ...(runId !== undefined ? { runId } : {}) };
    const jobs = await queue.list(filter);
    const progress: JobProgress | undefined = runId !== undefined ? await queue.progress(runId) : undefined;
    if (values.json) {
      const rows = jobs.map((j) => ({
        id: j.id,
        kind: j.kind,
        key: j.key,
        run: j.runId ?? null,
        state: j.state,
        attempts: j.attempts,
        max_attempts: j.maxAttempts,
        last_error: j.lastError ?? null,
        created_at: j.createdAt,
        finished_at: j.finishedAt ?? null,
      }));
      printOut(`${JSON.stringify({ jobs: rows, ...(progress ? { progress } : {}) }, null, 2)}\n`);
      return 0;
    }
    if (jobs.length > 0) printOut(textTable(['id', 'kind', 'state', 'tries', 'run', 'key', 'last error'], jobs.map(jobRow), process.stdout.columns));
    const what = state ? `${state} jobs` : 'jobs';
    printErr(`newsdesk jobs: ${jobs.length === 0 ? `no ${what}` : `${jobs.length} ${what}${jobs.length === limit ? ` (the newest ${limit}; --limit for more)` : ''}`} in ${describeDb(config.db)}\n`);
    if (progress) printErr(`newsdesk jobs: run ${runId}: ${progress.done} done, ${progress.failed} failed, ${progress.pending} pending of ${progress.total}\n`);
    return 0;
  } finally {
    await queue.close();
  }
};
