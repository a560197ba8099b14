// The README's exit code table, kept by every command: the same fault gives the same code wherever it
// happens. 1: the work ran and an input failed (HTTP error, empty file), or nothing is stored yet.
// 2: bad usage, or a refused input (no such file, a private address).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCliAsync, tempDir } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

const ARTICLE = join(REPO, 'test/fixtures/command-line/orchard.txt');
const work = tempDir('newsdesk-exit-codes-');
const EMPTY = join(work, 'empty.txt');
const MISSING = join(work, 'missing.txt');
writeFileSync(EMPTY, '');

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ '/gone.xml': (_req, res) => void res.writeHead(404).end() });
});
afterAll(() => server.close());

/** Each fault, the commands it can happen in (`$` stands for the input), and the one exit code it gets. */
const TABLE: ReadonlyArray<{ fault: string; input: () => string; code: number; commands: string[][] }> = [
  {
    fault: 'no such file',
    input: () => MISSING,
    code: 2,
    commands: [['run', '$'], ['extract', '$'], ['summarize', '$'], ['parse-feed', '$'], ['audit', '--source', '$', '--summary', ARTICLE], ['audit', '--source', ARTICLE, '--summary', '$'], ['dedupe', '$'], ['cluster', '$'], ['sources', 'export', '--opml', '$']],
  },
  {
    fault: 'a private address',
    input: () => server.url('/gone.xml'),
    code: 2,
    commands: [['run', '$'], ['extract', '$'], ['summarize', '$'], ['parse-feed', '$'], ['audit', '--source', '$', '--summary', ARTICLE]],
  },
  {
    fault: 'an HTTP error',
    input: () => server.url('/gone.xml'),
    code: 1,
    commands: [['run', '--allow-private', '$'], ['extract', '--allow-private', '$'], ['summarize', '--allow-private', '$'], ['parse-feed', '--allow-private', '$'], ['audit', '--allow-private', '--source', '$', '--summary', ARTICLE]],
  },
  {
    fault: 'an empty file',
    input: () => EMPTY,
    code: 1,
    commands: [['run', '$'], ['extract', '$'], ['summarize', '$'], ['parse-feed', '$'], ['audit', '--source', ARTICLE, '--summary', '$'], ['dedupe', '$'], ['cluster', '$']],
  },
  {
    fault: 'nothing stored yet',
    input: () => join(work, 'no-such.db'),
    code: 1,
    commands: [['list', '--db', '$'], ['rank', '--db', '$'], ['mark', 'abcdef', 'selected', '--db', '$']],
  },
  {
    fault: 'an unknown option',
    input: () => '--frobnicate',
    code: 2,
    commands: [['run', '$'], ['extract', ARTICLE, '$'], ['summarize', ARTICLE, '$'], ['parse-feed', ARTICLE, '$'], ['audit', '$'], ['dedupe', '$'], ['cluster', '$'], ['list', '$'], ['rank', '$'], ['mark', '$'], ['serve', '$'], ['sources', '$'], ['worker', '$'], ['jobs', '$']],
  },
];

const cases = TABLE.flatMap(({ fault, input, code, commands }) => commands.map((command) => ({ fault, input, code, command })));

describe('one exit code per fault, in every command', () => {
  it.each(cases.map((c) => [c.fault, c.command.join(' '), c] as const))('%s: newsdesk %s', async (_fault, _line, { input, code, command }) => {
    const args = command.map((arg) => (arg === '$' ? input() : arg));
    const out = join(work, `out-${Math.random().toString(36).slice(2)}`);
    const extra = command[0] === 'run' ? ['--out', out, '--db', `${out}.db`] : [];
    const result = await runCliAsync([...args, ...extra], work);
    expect(result.status, result.stderr).toBe(code);
    expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });

  it('and 0 when all is well', async () => {
    const result = await runCliAsync(['extract', ARTICLE, '--json'], work);
    expect(result.status).toBe(0);
  });
});
