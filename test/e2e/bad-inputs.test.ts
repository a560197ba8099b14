// Bad inputs: each gets one line naming the file and the reason; the good ones are still written; exit 1
// when inputs only failed (empty, binary, broken), 2 when one was refused (a missing file).
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, runCli, tempDir } from '../helpers/cli.js';

const GOOD = `Lantern Festival Draws Record Crowd to Old Harbor

PORT HALLEY — More than 9,000 people walked the Old Harbor lantern route on Saturday night, the largest crowd in the festival's 14-year history, organizers said.

“We ran out of paper lanterns by 7 p.m.,” said Noor Abadi, the festival director. Volunteers folded 2,500 more on the spot.

The city closed Wharf Street to cars for the evening, and the ferry added two late crossings.
`;

describe('newsdesk run with bad inputs', () => {
  const work = tempDir('newsdesk-bad-');
  const inputs = join(work, 'inputs');
  mkdirSync(inputs);
  writeFileSync(join(inputs, 'good.txt'), GOOD);
  writeFileSync(join(inputs, 'empty.txt'), '');
  writeFileSync(join(inputs, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00, 0xff]));
  writeFileSync(join(inputs, 'broken.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Half a feed</title><item><title>Cut off');
  symlinkSync(join(work, 'nowhere.txt'), join(inputs, 'dangling.txt'));
  const missing = join(work, 'missing.txt');

  const result = runCli(['run', inputs, missing, '--out', 'out', '--db', 'bad.db'], work);
  const lines = result.stderr.split('\n');

  it('exits 2 (a missing file is a refused input) and counts the failures', () => {
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/1 articles?, 1 stor(y|ies), 0 duplicates, 5 failed inputs/);
  });

  it.each([
    ['missing.txt', /no such file/i],
    ['empty.txt', /empty/i],
    ['binary.txt', /binary/i],
    ['broken.xml', /feed|XML|pars/i],
    ['dangling.txt', /no such file|unreadable|cannot read|broken/i],
  ])('names %s and the reason on one line', (name, reason) => {
    const line = lines.find((l) => l.includes(name));
    expect(line, result.stderr).toBeDefined();
    expect(line).toMatch(/^newsdesk run: /);
    expect(line).toMatch(reason);
  });

  it('exits 1 when inputs failed but none was refused', () => {
    const failedOnly = runCli(['run', join(inputs, 'good.txt'), join(inputs, 'empty.txt'), join(inputs, 'binary.txt'), '--out', 'out1', '--db', 'bad1.db'], work);
    expect(failedOnly.status).toBe(1);
    expect(failedOnly.stderr).toMatch(/2 failed inputs/);
  });

  it('never prints a stack trace', () => {
    expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });

  it('still writes the good article', () => {
    expect(listFiles(join(work, 'out'))).toContain('articles/unknown/lantern-festival-draws-record-crowd-to-old-harbor.md');
  });
});

describe('bad usage', () => {
  const work = tempDir('newsdesk-usage-');
  it('exits 2 with usage for an unknown flag', () => {
    const result = runCli(['run', '--frobnicate'], work);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/frobnicate/);
    expect(result.stderr).toMatch(/newsdesk run --help/);
  });
  it('exits 2 for --url with several sources', () => {
    const result = runCli(['run', 'a.txt', 'b.txt', '--url', 'https://x.example.com/a'], work);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--url applies to a single file/);
  });
  it('exits 2 before any work when the output or database folder cannot be made', () => {
    writeFileSync(join(work, 'plain-file'), 'x');
    const out = runCli(['run', 'a.txt', '--out', 'plain-file/out', '--db', 'never.db'], work);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^newsdesk run: cannot write to the output folder .*plain-file\/out \(ENOTDIR.*\); pass --out/);
    expect(existsSync(join(work, 'never.db'))).toBe(false);
    // --out naming a file: refused before the store is opened, not after the run committed.
    const file = runCli(['run', 'a.txt', '--out', 'plain-file', '--db', 'never.db'], work);
    expect(file.status).toBe(2);
    expect(file.stderr).toMatch(/cannot write to the output folder .*plain-file \(ENOTDIR: .*plain-file is a file, not a folder\)/);
    expect(existsSync(join(work, 'never.db'))).toBe(false);
    // Node's recursive mkdir spins forever under /proc; the command must answer instead.
    const db = runCli(['run', 'a.txt', '--out', 'out-proc', '--db', '/proc/newsdesk-nope/x.db'], work);
    expect(db.status).toBe(2);
    expect(db.stderr).toMatch(/cannot open database \/proc\/newsdesk-nope\/x\.db: ENOENT/);
  });
  it('exits 2 for an unknown command and for a bad config file', () => {
    expect(runCli(['frobnicate'], work).status).toBe(2);
    writeFileSync(join(work, 'bad.yaml'), 'colour: blue\n');
    const result = runCli(['run', '--config', 'bad.yaml'], work);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown key "colour" in bad\.yaml/);
  });
  it.each(['run', 'extract', 'summarize'])('%s --help prints usage and exits 0', (name) => {
    const result = runCli([name, '--help'], work);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: newsdesk ${name}`));
  });
});
