#!/usr/bin/env node
// Entry point: dispatches to one file per command, loaded lazily so that each command starts fast.
import { printErr, printOut } from './terminal.js';
import { CliError, UsageError, type Command } from './common.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  run: { summary: 'ingest → publish on files, folders or the bundled demo corpus', load: () => import('./run.js') },
  extract: { summary: 'extract one article (text or HTML file, or URL): body and metadata', load: () => import('./extract.js') },
  'parse-feed': { summary: 'parse one feed (file or URL) and print its items', load: () => import('./parse-feed.js') },
  sources: { summary: 'export the feeds of files, folders and OPML lists as OPML', load: () => import('./sources.js') },
  summarize: { summary: 'summarize one article with sentence provenance', load: () => import('./summarize.js') },
  serve: { summary: 'the web editor: board, source beside summary, usage changes (127.0.0.1)', load: () => import('./serve.js') },
  rank: { summary: "the latest run's ranking; --explain takes every score apart", load: () => import('./rank.js') },
  list: { summary: "the latest run's candidates with the ids mark accepts", load: () => import('./list.js') },
  search: { summary: 'full-text search over every stored article: title, text, story and usage', load: () => import('./search.js') },
  mark: { summary: 'set the usage of articles or stories (selected, background, rejected, …)', load: () => import('./mark.js') },
  rules: { summary: 'mute or boost by keyword, publisher, author or story; saved searches', load: () => import('./rules.js') },
  audit: { summary: 'check a summary against its source, sentence by sentence', load: () => import('./audit.js') },
  dedupe: { summary: 'groups of copies with the chosen original and why', load: () => import('./dedupe.js') },
  cluster: { summary: 'stories across publishers, with why each article joined', load: () => import('./cluster.js') },
  worker: { summary: "take jobs from a PostgreSQL desk's queue and do them, until stopped", load: () => import('./worker.js') },
  jobs: { summary: "the jobs of a PostgreSQL desk's queue: state, attempts, last error", load: () => import('./jobs.js') },
};

const HELP = `newsdesk: turns the day's news into a ranked, faithfully summarized list of story candidates

Usage: newsdesk <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(11)} ${c.summary}`)
  .join('\n')}

Run "newsdesk <command> --help" for a command's options.
`;

/**
 * Errors thrown below the CLI whose message already names the file and what to do (a full disk while
 * publishing): printed as one line, exit 1, without the "--debug" hint. Matched by name so that this
 * entry point loads no stage to ask.
 */
const SELF_EXPLAINING_ERRORS = new Set(['OutputWriteError']);

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const debug = argv.includes('--debug');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printOut(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    printOut(`${(createRequire(import.meta.url)('../../../package.json') as { version: string }).version}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    printErr(`newsdesk: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')} (newsdesk --help)\n`);
    return 2;
  }
  try {
    const { command } = await entry.load();
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      printErr(`newsdesk ${name}: ${error.message}\nRun "newsdesk ${name} --help" for usage.\n`);
      return 2;
    }
    if (error instanceof CliError) {
      printErr(`newsdesk ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    printErr(`newsdesk ${name}: ${message}\n`);
    if (error instanceof Error && SELF_EXPLAINING_ERRORS.has(error.name) && !debug) return 1;
    if (debug && error instanceof Error && error.stack) printErr(`${error.stack}\n`);
    else printErr('(run again with --debug for details)\n');
    return 1;
  }
}

// A reader that stops early (`newsdesk list | head`) closes the pipe: that ends the output, not in an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
