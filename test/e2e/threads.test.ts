// `run --threads`: summaries and audits made on threads publish exactly what one thread publishes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/corpus.js';
import { listFiles, runCli, tempDir } from '../helpers/cli.js';

/** A run's JSON without the time it started, which two runs cannot share. */
const untimed = (json: string): Record<string, unknown> => ({ ...(JSON.parse(json) as Record<string, unknown>), generated_at: 'the run’s start' });

describe('newsdesk run --threads', () => {
  it('writes the same article files, list and run.json (audits included) on two threads as on one', () => {
    const dir = tempDir('newsdesk-threads-');
    // Enough articles that each 200-document batch is split over the threads (THREADED_MIN_ARTICLES).
    writeSyntheticCorpus(join(dir, 'in'), 300, 11);
    const one = runCli(['run', 'in', '--db', 'one.db', '--out', 'one', '--quiet', '--json'], dir);
    const two = runCli(['run', 'in', '--db', 'two.db', '--out', 'two', '--quiet', '--json', '--threads', '2'], dir);
    expect([one.status, two.status]).toEqual([0, 0]);
    expect(two.stderr.replace(' to two', ' to one')).toBe(one.stderr);
    expect(untimed(two.stdout)).toEqual(untimed(one.stdout));
    const articles = listFiles(join(dir, 'one')).filter((f) => f.startsWith('articles'));
    expect(articles.length).toBeGreaterThan(250);
    expect(listFiles(join(dir, 'two')).filter((f) => f.startsWith('articles'))).toEqual(articles);
    for (const file of articles) expect(readFileSync(join(dir, 'two', file), 'utf8'), file).toBe(readFileSync(join(dir, 'one', file), 'utf8'));
    // run.json holds every candidate's audit verdicts and findings, and the gate's notices.
    const run = (out: string) => untimed(readFileSync(join(dir, out, 'run.json'), 'utf8'));
    expect(run('two')).toEqual(run('one'));
  });

  it('refuses a thread count that is not a whole number, before reading anything', () => {
    const dir = tempDir('newsdesk-threads-');
    const result = runCli(['run', '--threads', '0', '--db', 'x.db', '--out', 'out'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--threads must be a whole number from 1 to 64 .*; got "0"/);
    expect(listFiles(dir)).toEqual([]);
  });
});
