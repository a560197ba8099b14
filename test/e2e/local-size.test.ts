// A local file over the size cap is refused with one line naming it, before it is read; the rest of the
// run goes on (exit 2: a refused input, as the README's exit code table says).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LOCAL_FILE_BYTES } from '../../src/ingest/local-file.js';
import { listFiles, runCli, tempDir } from '../helpers/cli.js';

const ARTICLE = `Ferry Timetable Adds a Dawn Crossing

GULLHAVEN — The island ferry will add a 5:40 a.m. crossing from Monday, the harbor board said, after fishers asked for an earlier boat.

“We lose the first hour of light waiting on the quay,” said Ines Barrow, who skippers a crab boat out of Gullhaven.
`;

describe('local files over the size cap', () => {
  const work = tempDir('newsdesk-local-size-');
  const inputs = join(work, 'inputs');
  mkdirSync(inputs);
  writeFileSync(join(inputs, 'ferry.txt'), ARTICLE);
  // 24 MB of plain text: well past the cap, small enough to write quickly.
  const huge = join(inputs, 'huge.txt');
  writeFileSync(huge, 'The tide came in and went out again. '.repeat(Math.ceil((MAX_LOCAL_FILE_BYTES * 1.5) / 37)));

  it('run: one line names the file and the cap, the other article is written, exit 2', () => {
    const result = runCli(['run', inputs, '--out', 'out', '--db', 'n.db'], work);
    expect(result.status).toBe(2);
    const lines = result.stderr.split('\n').filter((line) => line.includes('huge.txt'));
    expect(lines).toEqual([`newsdesk run: ${huge}: is 24 MB, over the 16 MB limit for local files (MAX_LOCAL_FILE_BYTES); split it or pass a smaller file`]);
    expect(listFiles(join(work, 'out'))).toContain('articles/unknown/ferry-timetable-adds-a-dawn-crossing.md');
  });

  it.each([['extract'], ['summarize'], ['parse-feed']])('%s: one line and exit 2', (name) => {
    const result = runCli([name, huge], work);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/huge\.txt: is 24 MB, over the 16 MB limit/);
  });

  it('audit: a summary over the cap is refused the same way', () => {
    const result = runCli(['audit', '--source', join(inputs, 'ferry.txt'), '--summary', huge], work);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/huge\.txt: is 24 MB, over the 16 MB limit/);
  });
});
