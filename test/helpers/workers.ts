// `newsdesk worker` processes (and other long commands, such as a queued run) for end-to-end tests: started
// from the compiled CLI, their output collected line by line so that a test can wait for a line, and stopped
// or killed like a real process.
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './cli.js';

/** Between two looks at a worker's output while a test waits for a line. */
const LINE_POLL_MS = 50;

export interface WorkerProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first line of the stream matching `pattern` (waiting for it to be printed). */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<string>;
  /** Lines of stdout matching `pattern`. */
  lines(pattern: RegExp): string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startWorker(args: string[], cwd: string): WorkerProcess {
  return startCommand(['worker', ...args], cwd);
}

/** Any command of the CLI, followed as a worker is: a run to kill in the middle, say. */
/** A `newsdesk worker` on the working folder's newsdesk.yaml, allowed to fetch from loopback test hosts. */
export function startDeskWorker(db: string, cwd: string, concurrency: number): WorkerProcess {
  return startWorker(['--db', db, '--config', 'newsdesk.yaml', '--allow-private', '--concurrency', String(concurrency)], cwd);
}

export function startCommand(args: string[], cwd: string): WorkerProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NEWSDESK_DB: '', NEWSDESK_OUT: '', NEWSDESK_CONFIG: '' } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let ended = false;
  void exited.then(() => (ended = true));
  const find = (pattern: RegExp, text: string): string | undefined => text.split('\n').find((line) => pattern.test(line));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    lines: (pattern) => out.split('\n').filter((line) => pattern.test(line)),
    async waitFor(pattern, stream = 'stdout') {
      for (;;) {
        const found = find(pattern, stream === 'stdout' ? out : err);
        if (found !== undefined) return found;
        if (ended) throw new Error(`the process exited before printing ${pattern} on ${stream}; stdout:\n${out}\nstderr:\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, LINE_POLL_MS));
      }
    },
    exited,
  };
}
