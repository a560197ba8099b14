// Counting one hostile-input class's cases for `npm run eval:hostile`: each case is tried once and ends
// clean (refused or handled as documented), leaked (the hostile input got through: a private address
// fetched, a redirect off-site, a body read whole, a file created where none may be) or crashed (an
// uncaught error, a stack trace, a signal, an exit code outside the README's table).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Tally {
  tried: number;
  clean: number;
  crashed: number;
  leaked: number;
  /** One line per case that was not clean, for the report. */
  problems: string[];
}

/** What a case found: nothing wrong, or what leaked. */
export type Outcome = { leaked?: string };

export interface Case {
  name: string;
  run: () => Promise<Outcome>;
}

/** A case that did not survive (rather than leaked): thrown by a case, counted as crashed. */
export class Crash extends Error {}

export async function tally(cases: readonly Case[]): Promise<Tally> {
  const result: Tally = { tried: 0, clean: 0, crashed: 0, leaked: 0, problems: [] };
  for (const entry of cases) {
    result.tried++;
    try {
      const { leaked } = await entry.run();
      if (leaked === undefined) result.clean++;
      else {
        result.leaked++;
        result.problems.push(`${entry.name}: leaked: ${leaked}`);
      }
    } catch (error) {
      result.crashed++;
      result.problems.push(`${entry.name}: crashed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}

/** The compiled CLI, from dist/eval/hostile/ to dist/src/cli/. */
export const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI in a child process with no ambient configuration; `command` replaces node for wrappers (sh, unshare). */
export function runCli(args: string[], cwd: string, command: string[] = [process.execPath, CLI]): Promise<CliRun> {
  return new Promise((resolve) => {
    const [program, ...prefix] = command;
    const child = spawn(program!, [...prefix, ...args], { cwd, env: { ...process.env, CLI, NODE: process.execPath, NEWSDESK_DB: '', NEWSDESK_OUT: '', NEWSDESK_CONFIG: '' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (error) => resolve({ status: null, signal: null, stdout: '', stderr: error.message }));
    child.on('close', (status, signal) => resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** Signs of a command that died instead of reporting. */
const UNHANDLED = /\n\s+at .*:\d+:\d+|Maximum call stack size exceeded|\(run again with --debug for details\)|FATAL ERROR/;

/** Throws Crash unless the command ended on its own with `status` and reported any problem itself. */
export function expectExit(result: CliRun, status: number, what: string): CliRun {
  if (result.signal) throw new Crash(`${what}: killed by ${result.signal}`);
  const unhandled = UNHANDLED.exec(result.stderr);
  if (unhandled) throw new Crash(`${what}: ${unhandled[0].trim()}`);
  if (result.status !== status) throw new Crash(`${what}: exit ${result.status}, expected ${status}: ${result.stderr.split('\n')[0] ?? ''}`);
  return result;
}
