import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/cli.js';
import { LocalFileTooLarge, MAX_LOCAL_FILE_BYTES, readLocalFile } from './local-file.js';
import { readSources } from './read.js';

const ARTICLE = 'Orchard Lane Bakery Reopens After Flood\n\nThe bakery on Orchard Lane reopened on Monday, four months after the river flooded its ovens.\n';

describe('the size cap on local files', () => {
  const dir = tempDir('newsdesk-size-');

  it('reads a file up to the cap and refuses one byte more, naming both sizes', async () => {
    const at = join(dir, 'at-cap.txt');
    const over = join(dir, 'over-cap.txt');
    writeFileSync(at, 'a'.repeat(4096));
    writeFileSync(over, 'a'.repeat(4097));
    expect((await readLocalFile(at, 4096)).length).toBe(4096);
    const error = await readLocalFile(over, 4096).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LocalFileTooLarge);
    expect((error as Error).message).toBe('is 4097 bytes, over the 4096 bytes limit for local files (MAX_LOCAL_FILE_BYTES); split it or pass a smaller file');
  });

  it('reads every byte of a source that holds more than its size said when opened, up to the cap', async () => {
    // A named pipe reports size 0 and then brings its bytes: the reader must go on past the size it was told.
    const pipe = join(dir, 'growing');
    execFileSync('mkfifo', [pipe]);
    const text = Array.from({ length: 30_000 }, (_, i) => `line ${i} of the growing file\n`).join('');
    const writer = createWriteStream(pipe);
    writer.end(text);
    const bytes = await readLocalFile(pipe);
    expect(bytes.length).toBe(Buffer.byteLength(text));
    expect(bytes.toString('utf8')).toBe(text);

    const capped = join(dir, 'growing-capped');
    execFileSync('mkfifo', [capped]);
    createWriteStream(capped).on('error', () => {}).end(text);
    await expect(readLocalFile(capped, 100_000)).rejects.toBeInstanceOf(LocalFileTooLarge);
  });

  it('is 16 MiB, above what a fetch may bring (so a saved feed still reads)', () => {
    expect(MAX_LOCAL_FILE_BYTES).toBe(16 * 1024 * 1024);
  });

  it('refuses a file over the cap as one failure, and the rest of a folder is still read', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'bakery.txt'), ARTICLE);
    // A text file just over the cap: 16 MiB of one repeated sentence, plus a line.
    writeFileSync(join(folder, 'huge.txt'), `${'The river rose again. '.repeat(Math.ceil(MAX_LOCAL_FILE_BYTES / 22))}\n`);
    const read = await readSources([folder]);
    expect(read.documents.map((d) => d.path)).toEqual([join(folder, 'bakery.txt')]);
    expect(read.failures).toEqual([
      { path: join(folder, 'huge.txt'), reason: expect.stringMatching(/^is 16(\.\d)? MB, over the 16 MB limit for local files/), refused: true },
    ]);
  });
});
