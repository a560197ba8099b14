// What the queued-run tests share: the demo corpus served by a loopback host, a working folder whose config
// lets a fleet fetch loopback quickly and gives a dead worker's jobs back within seconds, the arguments of a
// `newsdesk run --json`, and what a run ranked, as compared between runs.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, tempDir, type CliResult } from './cli.js';
import { startServer, type Route, type TestServer } from './server.js';

export const DEMO = join(REPO, 'examples/demo');

export interface RunJson {
  candidates: Array<{ id: string; initial_rank: number; rank: number; usage: string; story: string }>;
  failures: Array<{ path: string; reason: string }>;
}

/** What a run ranked, as compared between runs: candidates in order with their initial ranks. */
export function ranked(result: Pick<CliResult, 'stdout'>): Array<[string, number, number, string]> {
  const run = JSON.parse(result.stdout) as RunJson;
  return run.candidates.map((c) => [c.id, c.initial_rank, c.rank, c.usage]);
}

/** The demo corpus on a loopback host, and a hold on its answers: requests wait while it is held. */
export interface DemoHost {
  server: TestServer;
  urls: string[];
  /** From now on, requests wait unanswered until release(). */
  hold(): void;
  /** Answers the waiting requests (each after the host's delay) and stops holding. */
  release(): void;
  /** Requests waiting for release(). */
  held(): number;
}

/** The demo corpus's feeds and pages on a loopback host, each answered after `delayMs`, with an ETag. */
export async function demoHost(delayMs: number): Promise<DemoHost> {
  let waiting: Array<() => void> | undefined;
  const routes: Record<string, Route> = {};
  for (const folder of ['feeds', 'pages']) {
    for (const name of readdirSync(join(DEMO, folder)).sort()) {
      const body = readFileSync(join(DEMO, folder, name));
      const etag = `"${folder}-${name}"`;
      const answer: Route = (req, res) =>
        void setTimeout(() => {
          if (req.headers['if-none-match'] === etag) res.writeHead(304).end();
          else res.writeHead(200, { etag }).end(body);
        }, delayMs);
      routes[`/${folder}/${name}`] = (req, res, hits) => {
        if (waiting) waiting.push(() => answer(req, res, hits));
        else answer(req, res, hits);
      };
    }
  }
  const server = await startServer(routes);
  return {
    server,
    urls: Object.keys(routes).map((path) => server.url(path)),
    hold: () => void (waiting ??= []),
    release: () => {
      const answers = waiting ?? [];
      waiting = undefined;
      for (const go of answers) go();
    },
    held: () => waiting?.length ?? 0,
  };
}

/** A working folder whose config lets the fleet fetch loopback quickly and gives dead workers' jobs back within seconds. */
export function workFolder(): string {
  const dir = tempDir('newsdesk-queued-');
  writeFileSync(
    join(dir, 'newsdesk.yaml'),
    'fetch:\n  perHost: 16\n  hostDelayMs: 0\n  retries: 0\nqueue:\n  leaseSeconds: 5\n  leaseCheckSeconds: 1\n  retryDelaySeconds: 1\n',
  );
  return dir;
}

/**
 * `newsdesk run` on the config of workFolder, printing its JSON; each database publishes to its own folder,
 * named after the database (the file, or the name at the end of a URL: never the URL, which holds a password).
 */
export const runArgs = (db: string, inputs: string[]): string[] => [
  'run', '--config', 'newsdesk.yaml', '--allow-private', '--db', db, '--out', `out-${db.split('/').pop()!.replace(/\W+/g, '-')}`, '--json', ...inputs,
];
