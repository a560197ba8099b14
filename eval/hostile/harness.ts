// What every hostile-input class shares: running the compiled CLI as a user would, in a scratch folder,
// and sorting each tried input into clean, crashed or leaked. A case crashes when the command dies in a
// way the exit-code contract does not allow (a stack overflow, an uncaught error, a signal) or loses an
// input it should have read; it leaks when the shared checker (check.ts) finds anything in its output.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from './check.js';

export interface Tally {
  tried: number;
  clean: number;
  crashed: number;
  leaked: number;
}

export interface HostileClass {
  name: string;
  run: () => Promise<Tally>;
}

/** The compiled CLI, from dist/eval/hostile/ (where this file runs from) to dist/src/cli/. */
export const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` with no ambient configuration, asynchronously (a loopback server may live in this process). */
export function runCli(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NEWSDESK_DB: '', NEWSDESK_OUT: '', NEWSDESK_CONFIG: '' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('close', (status, signal) => resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** A case that did not survive: the reason is printed under the table. */
export class Crash extends Error {}

/** Signs of a command that died instead of reporting: these never appear in a handled failure. */
const UNHANDLED = /Maximum call stack size exceeded|\(run again with --debug for details\)|out of memory|FATAL ERROR/i;

/** Throws Crash unless the command ended with one of `statuses` and reported every problem itself. */
export function expectHandled(result: CliResult, statuses: readonly number[], what: string): CliResult {
  if (result.signal) throw new Crash(`${what}: killed by ${result.signal}`);
  const unhandled = UNHANDLED.exec(result.stderr);
  if (unhandled) throw new Crash(`${what}: ${unhandled[0]} (exit ${result.status})`);
  if (result.status === null || !statuses.includes(result.status)) throw new Crash(`${what}: exit ${result.status}: ${result.stderr.split('\n')[0] ?? ''}`);
  return result;
}

/** A scratch folder for one class; `file` writes into it, creating folders. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'newsdesk-hostile-'));
  file(relative: string, content: string | Uint8Array): string {
    const path = join(this.dir, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }
  folder(relative: string): string {
    const path = join(this.dir, relative);
    mkdirSync(path, { recursive: true });
    return path;
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The cases of one class: each is tried once and counted; what went wrong is kept for the report. */
export class Cases {
  readonly tally: Tally = { tried: 0, clean: 0, crashed: 0, leaked: 0 };
  readonly problems: string[] = [];

  constructor(private readonly className: string) {}

  /** Runs one case; it returns the checker's findings, or throws (Crash or anything else) when it crashed. */
  async try(label: string, attempt: () => Promise<Finding[]>): Promise<void> {
    this.tally.tried++;
    try {
      const findings = await attempt();
      if (findings.length === 0) {
        this.tally.clean++;
        return;
      }
      this.tally.leaked++;
      for (const f of findings.slice(0, 3)) this.problems.push(`${this.className} / ${label}: leaked: ${f.file}: ${f.rule}: ${f.excerpt}`);
    } catch (error) {
      this.tally.crashed++;
      this.problems.push(`${this.className} / ${label}: crashed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Problems of every class, gathered for the runner to print after the table. */
export const PROBLEMS: string[] = [];

/** Builds a class from a function that tries its cases in a scratch folder removed afterwards. */
export function defineClass(name: string, body: (cases: Cases, scratch: Scratch) => Promise<void>): HostileClass {
  return {
    name,
    run: async () => {
      const cases = new Cases(name);
      const scratch = new Scratch();
      try {
        await body(cases, scratch);
      } finally {
        scratch.remove();
        for (const entry of cases.problems) PROBLEMS.push(entry);
      }
      return cases.tally;
    },
  };
}
