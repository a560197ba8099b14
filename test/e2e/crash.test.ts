// A run is a transaction over the desk: killed with SIGKILL at ten points of a 6,000-article run (every stage,
// the commit and the publishing included), the desk keeps its last committed state, no lock is left behind,
// and the next run ends with the same articles, initial ranks and order as a run that was never interrupted.
// Also: two runs started together on one database take turns, the second saying for whom it waits.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/corpus.js';
import { CLI, REPO, runCli, runCliAsync, tempDir } from '../helpers/cli.js';

const SIZE = 6_000;

/**
 * Progress lines (`--progress`) after which a run is killed: each stage, after the first staged batch, with
 * some 1,000, 3,000 and 5,000 articles staged, the commit, publishing.
 */
const KILL_POINTS = [
  /^newsdesk run: ingest 0\//,
  /^newsdesk run: dedupe /,
  /^newsdesk run: cluster /,
  /^newsdesk run: summarize \d{3}\//,
  /^newsdesk run: summarize 3\d{3}\//,
  /^newsdesk run: summarize 5\d{3}\//,
  /^newsdesk run: rank /,
  /^newsdesk run: store /,
  /^newsdesk run: publish /,
  /^newsdesk run: summarize 1\d{3}\//,
];

interface Listed {
  id: string;
  initial_rank: number;
  usage: string;
}

function runUntil(args: string[], cwd: string, point: RegExp): Promise<{ killed: boolean; status: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NEWSDESK_DB: '', NEWSDESK_OUT: '', NEWSDESK_CONFIG: '' } });
    let killed = false;
    let pending = '';
    child.stderr.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      if (!killed && lines.some((line) => point.test(line))) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stdout.resume();
    child.on('close', (status) => resolve({ killed, status }));
  });
}

function listed(work: string, db: string): Listed[] {
  const result = runCli(['list', '--json', '--db', db], work);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { candidates: Listed[] }).candidates.map(({ id, initial_rank, usage }) => ({ id, initial_rank, usage }));
}

describe('a run is a transaction over the desk', () => {
  let work: string;
  let corpus: string;
  beforeAll(() => {
    work = tempDir('newsdesk-crash-');
    corpus = join(work, 'in');
    writeSyntheticCorpus(corpus, SIZE);
  });

  it('survives kill -9 at ten points and then ends exactly like an uninterrupted run', { timeout: 15 * 60_000 }, async () => {
    const reference = await runCliAsync(['run', corpus, '--db', 'reference.db', '--out', 'reference-out', '--quiet'], work);
    expect(reference.status, reference.stderr).toBe(0);
    const expected = listed(work, 'reference.db');
    expect(expected.length).toBeGreaterThan(SIZE * 0.9);

    for (const point of KILL_POINTS) {
      const outcome = await runUntil(['run', corpus, '--db', 'crashed.db', '--out', 'crashed-out', '--progress'], work, point);
      expect(outcome.killed, `never reached ${point}`).toBe(true);
    }
    // --no-wait: a lock left behind by a killed run would make this exit 2.
    const final = await runCliAsync(['run', corpus, '--db', 'crashed.db', '--out', 'crashed-out', '--quiet', '--no-wait'], work);
    expect(final.status, final.stderr).toBe(0);
    expect(listed(work, 'crashed.db')).toEqual(expected);
  });

  it('makes a second run started at the same time wait for the first, then run; the outputs show the latest', async () => {
    const demo = join(REPO, 'examples/demo');
    const [a, b] = await Promise.all([
      runCliAsync(['run', demo, '--db', 'turns.db', '--out', 'turns-out', '--quiet'], work),
      runCliAsync(['run', demo, '--db', 'turns.db', '--out', 'turns-out', '--quiet'], work),
    ]);
    expect([a.status, b.status], `${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
    const waited = [a, b].filter((r) => /waiting for run \d+, pid \d+, started \S+ to finish with turns\.db/.test(r.stderr));
    expect(waited).toHaveLength(1);
    const list = listed(work, 'turns.db');
    const runJson = JSON.parse(runCli(['rank', '--json', '--db', 'turns.db'], work).stdout) as { candidates: Array<{ id: string }> };
    expect(runJson.candidates.map((c) => c.id)).toEqual(list.map((c) => c.id));
    const published = readFileSync(join(work, 'turns-out', 'run.json'), 'utf8');
    expect((JSON.parse(published) as { candidates: Array<{ id: string }> }).candidates.map((c) => c.id)).toEqual(list.map((c) => c.id));
  });
});
