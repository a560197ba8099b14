#!/usr/bin/env node
// Entry point: dispatches to one file per command, loaded lazily so that each command starts fast.
import { CliError, UsageError, type Command } from './common.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  run: { summary: 'ingest → publish on files, folders or the bundled demo corpus', load: () => import('./run.js') },
  extract: { summary: 'extract one article (text or HTML file) as JSON', load: () => import('./extract.js') },
  summarize: { summary: 'summarize one article with sentence provenance', load: () => import('./summarize.js') },
  dedupe: { summary: 'groups of copies with the chosen original and why', load: () => import('./dedupe.js') },
  cluster: { summary: 'stories across publishers, with why each article joined', load: () => import('./cluster.js') },
};

const HELP = `newsdesk: turns the day's news into a ranked, faithfully summarized list of story candidates

Usage: newsdesk <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(11)} ${c.summary}`)
  .join('\n')}

Run "newsdesk <command> --help" for a command's options.
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const debug = argv.includes('--debug');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    process.stdout.write(`${(createRequire(import.meta.url)('../../../package.json') as { version: string }).version}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`newsdesk: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')} (newsdesk --help)\n`);
    return 2;
  }
  try {
    const { command } = await entry.load();
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`newsdesk ${name}: ${error.message}\nRun "newsdesk ${name} --help" for usage.\n`);
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`newsdesk ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`newsdesk ${name}: ${message}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('(run again with --debug for details)\n');
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
