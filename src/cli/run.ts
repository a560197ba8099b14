// `newsdesk run`: the whole pipeline on files, folders, or the bundled demo corpus.
import { printErr, printOut, STYLE, terminalText } from './terminal.js';
import { accessSync, constants } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeDirectory } from '../directories.js';
import { countCopies } from '../dedupe/index.js';
import { runSettings } from '../config.js';
import { runPipeline, type Progress, type RunOptions } from '../pipeline.js';
import { runQueued } from '../pipeline-queued.js';
import { memoryJobQueue, openJobQueue, type JobQueue } from '../queue/index.js';
import { DEFAULT_CONCURRENCY } from '../queue/worker.js';
import { redactError } from '../store/postgres/url.js';
import { DeskBusy, describeDb, describeHolder, isDatabaseUrl, openStore } from '../store/index.js';
import { runJson } from '../publish/index.js';
import { groupNotices } from './notices.js';
import { CliError, configFromFlags, failureExitCode, parseCommandLine, storeFailure, UsageError, type Command } from './common.js';
import { candidateTable } from './table.js';
import { explainText } from './explain.js';
import { REMOTE_URL } from '../ingest/index.js';
import { refusedModelUrl } from './summarize-model.js';

const HELP = `Usage: newsdesk run [options] [SOURCES...]

Runs ingest → dedupe → cluster → summarize → audit → rank → publish on the given files and folders
(recursively), or, when none are given, on the config file's "sources" list (default: the bundled demo
corpus). Writes out/articles/<publisher>/<slug>.md, briefing.md, briefing.html, feed.xml, feed.json,
articles.jsonl and run.json, stores everything in SQLite, and prints the ranked list.

Sources: plain-text articles (a "The post … appeared first on …" footer gives title and publisher),
HTML article pages, RSS / Atom / JSON Feed files, OPML lists of feeds, and http(s) URLs of feeds, pages
or OPML lists; detected by content. Remote feeds are fetched politely (conditional GET, per-host limits,
retries); items that are only a teaser get their article page fetched and extracted.

Options:
  --url URL        URL of the article when exactly one file is given
  --out DIR        output folder (default ./out; env NEWSDESK_OUT)
  --db FILE|URL    SQLite file or postgres://user@host:port/name (default ./newsdesk.db; env NEWSDESK_DB)
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  --allow-private  fetch loopback/private/link-local addresses (local setups; config fetch.allowPrivate)
  --user-agent UA  User-Agent for fetching (config fetch.userAgent; env NEWSDESK_USER_AGENT)
  --llm-url URL    summaries and story digests by a language model at this OpenAI-compatible server
                   (up to /v1), each sentence audited before it is published (config llm.url,
                   summarize.backend: llm)
  --llm-model NAME the model name to ask for (config llm.model); the API key comes only from
                   NEWSDESK_LLM_API_KEY; a server on this machine needs --allow-private
  --threads N      summarize and audit on N threads (config summarize.threads; default 1): faster on
                   a machine with spare cores, at the cost of a heap per thread
  --queue          one job per source in the desk's job queue: with a PostgreSQL --db, \`newsdesk worker\`
                   processes (any number, any machines) read, fetch, summarize and audit the sources,
                   and this run shows their progress, then dedupes, clusters, ranks, commits and
                   publishes once every job is done or failed for good (a failed job is a failed
                   input, with its last error); with SQLite, this process does the jobs itself,
                   ${DEFAULT_CONCURRENCY} at a time. Workers summarize with their own config: give them the same file.
  --no-wait        when another run holds the database, exit 2 naming it instead of waiting
  --json           print the run as JSON instead of the table
  --explain        print every candidate's score components instead of the table
  --quiet          no progress on stderr
  --progress       progress as one line per step on stderr even when it is not a terminal (logs)
  --debug          stack traces on unexpected errors
  -h, --help       this help

A run is one transaction: what it read is committed at its end, and only then are the outputs rendered
from the database. A run in which no input gave an article changes nothing. One run at a time per
database: a second one waits for the first (and says for which) unless --no-wait.

Exit: 0 success; 1 some inputs failed (the rest is written), or none gave an article (nothing changed);
2 bad usage or configuration, a refused input (no such file, over the size cap, a private address; the
rest is still written, and when nothing is left nothing changes), or --no-wait while another run holds
the database.
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    url: { type: 'string' },
    out: { type: 'string' },
    db: { type: 'string' },
    config: { type: 'string' },
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    quiet: { type: 'boolean' },
    'allow-private': { type: 'boolean' },
    'user-agent': { type: 'string' },
    'no-wait': { type: 'boolean' },
    queue: { type: 'boolean' },
    progress: { type: 'boolean' },
    'llm-url': { type: 'string' },
    'llm-model': { type: 'string' },
    threads: { type: 'string' },
  });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  const config = configFromFlags(values);

  const named = positionals.length > 0 ? positionals : config.sources;
  const inputs = named.map((p) => (REMOTE_URL.test(p) ? p : resolve(p)));
  if (values.url !== undefined) {
    if (inputs.length !== 1) throw new UsageError('--url applies to a single file; name exactly one source');
    if (!/^https?:\/\/[^\s/]+/i.test(values.url)) throw new UsageError(`--url "${values.url}" is not an http(s) URL`);
    if (values.queue) throw new UsageError('--url names the article of one file, which a queued run does not take; leave out --queue or --url');
  }

  // Checked before any work: a run that fails to publish at its end has already been stored.
  const outDir = resolve(config.out);
  try {
    makeDirectory(outDir);
    accessSync(outDir, constants.W_OK);
  } catch (error) {
    throw new CliError(`cannot write to the output folder ${outDir} (${(error as Error).message}); pass --out or set "out" in the config`, 2);
  }

  let store;
  try {
    store = await openStore(config.db);
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
  const showProgress = !values.quiet && process.stderr.isTTY && !values.progress;
  const logProgress = !values.quiet && values.progress === true;
  let queue: JobQueue | undefined;
  try {
    const now = new Date().toISOString();
    const options: RunOptions = {
      inputs,
      ...(values.url ? { url: values.url } : {}),
      outDir,
      settings: runSettings(config),
      now,
      wait: !values['no-wait'],
      onWait: (holder) => {
        if (showProgress) process.stderr.write(STYLE.eraseLine);
        printErr(`newsdesk run: waiting for ${describeHolder(holder)} to finish with ${describeDb(config.db)}\n`);
      },
      ...(showProgress ? { onProgress: printProgress } : logProgress ? { onProgress: printProgressLine } : {}),
    };
    let running;
    if (values.queue) {
      const shared = isDatabaseUrl(config.db);
      try {
        queue = shared ? await openJobQueue(config.db, config.queue) : memoryJobQueue(config.queue);
      } catch (error) {
        throw new CliError((error as Error).message, 2);
      }
      if (shared && !values.quiet) printErr(`newsdesk run: one source job per input in the queue of ${describeDb(config.db)}; \`newsdesk worker --db …\` processes do them\n`);
      let lost = false;
      running = runQueued(
        {
          ...options,
          queue,
          ...(shared ? {} : { localConcurrency: DEFAULT_CONCURRENCY }),
          onQueueError: (error) => {
            if (!lost) printErr(`newsdesk run: lost the queue's database ${describeDb(config.db)} (${redactError(config.db, error)}); asking again\n`);
            lost = true;
          },
          onQueueBack: () => {
            printErr(`newsdesk run: the queue's database ${describeDb(config.db)} answers again\n`);
            lost = false;
          },
        },
        store,
      );
    } else {
      running = runPipeline(options, store);
    }
    const outcome = await running.catch((error: unknown) => {
      if (error instanceof DeskBusy) throw new CliError(`${describeDb(config.db)} is busy: ${describeHolder(error.holder)} is writing to it; try again when it ends, or leave out --no-wait to wait`, 2);
      throw refusedModelUrl(error);
    });
    const { result, published, fetches } = outcome;
    if (showProgress) process.stderr.write(STYLE.eraseLine);
    if (!outcome.committed) {
      for (const failure of result.failures) printErr(`newsdesk run: ${failure.path}: ${failure.reason}\n`);
      if (!values.quiet) for (const notice of groupNotices(result.notices)) printErr(`newsdesk run: note: ${notice}\n`);
      const why = result.failures.length > 0 ? 'no input could be read' : 'no articles found in the given sources; name text, HTML, feed or OPML files';
      throw new CliError(`${why}; nothing was stored and ${config.out} was left as it was`, Math.max(1, failureExitCode(result.failures)));
    }
    for (const failure of result.failures) printErr(`newsdesk run: ${failure.path}: ${failure.reason}\n`);
    if (!values.quiet) for (const notice of groupNotices(result.notices)) printErr(`newsdesk run: note: ${notice}\n`);

    const files = published?.files ?? new Map<string, string>();
    const ranked = { candidates: result.candidates, articles: result.heads };
    if (values.json) printOut(`${JSON.stringify(runJson(await store.loadRun(outcome.runId), files, now), null, 2)}\n`);
    else if (values.explain) printOut(explainText(ranked));
    else printOut(candidateTable(ranked, process.stdout.isTTY ? process.stdout.columns : undefined));

    if (fetches.total > 0) {
      const fetched = fetches.total - fetches.failed - fetches.notModified;
      printErr(`newsdesk run: fetched ${fetched} of ${plural(fetches.total, 'source')} (${fetches.notModified} not modified, ${fetches.failed} failed)\n`);
    }
    const copies = countCopies(result.duplicates);
    printErr(
      `newsdesk run: ${plural(result.heads.length, 'article')}, ${plural(result.stories.length, 'story', 'stories')}, ` +
        `${plural(copies, 'duplicate')}, ${plural(result.failures.length, 'failed input')}; ` +
        `wrote ${plural(published?.changed.length ?? 0, 'changed file')} to ${config.out}\n`,
    );
    if (!values.quiet && !values.json) {
      // Where to look next: the briefing to read, and the editor to decide in.
      printErr(`newsdesk run: read the briefing: ${join(config.out, 'briefing.md')}\n`);
      printErr(`newsdesk run: review, select and reject stories in the editor: newsdesk serve${values.db ? ` --db ${config.db}` : ''}${values.out ? ` --out ${config.out}` : ''}\n`);
    }
    return failureExitCode(result.failures);
  } catch (error) {
    throw storeFailure(config.db, error);
  } finally {
    await queue?.close();
    await store.close();
  }
};

/** Width of the progress bar on a terminal: readable, and short enough for an 80-column line with counts. */
const BAR_WIDTH = 24;

function printProgress({ stage, done, total, detail }: Progress): void {
  const filled = total > 0 ? Math.round((done / total) * BAR_WIDTH) : 0;
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
  process.stderr.write(STYLE.eraseLine + terminalText(`newsdesk run: ${stage.padEnd(9)} ${bar} ${done}/${total}${detail ? ` (${detail})` : ''}`));
}

function printProgressLine({ stage, done, total, detail }: Progress): void {
  process.stderr.write(`newsdesk run: ${stage} ${done}/${total}${detail ? ` (${detail})` : ''}\n`);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
