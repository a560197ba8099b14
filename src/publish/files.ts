// Atomic, change-aware file writes: a reader never sees half a file, and unchanged files keep their mtime.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { makeDirectory } from '../directories.js';

/** Writes `content` to `path` through a temp file + rename; returns false when the file already held it. */
export function writeIfChanged(path: string, content: string): boolean {
  try {
    if (readFileSync(path, 'utf8') === content) return false;
  } catch {
    // Missing or unreadable: write it.
  }
  makeDirectory(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, content);
  renameSync(temp, path);
  return true;
}

/**
 * Like writeIfChanged for a document too large to hold as one string: the pieces go straight to the temp
 * file while a hash is taken, and the file is replaced only when the hash differs from the old file's.
 */
export function writeChunksIfChanged(path: string, chunks: () => Iterable<string>): boolean {
  makeDirectory(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const hash = createHash('sha256');
  const fd = openSync(temp, 'w');
  try {
    for (const chunk of chunks()) {
      hash.update(chunk);
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  let previous: string | undefined;
  try {
    previous = createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    // Missing or unreadable: replace it.
  }
  if (previous === hash.digest('hex')) {
    unlinkSync(temp);
    return false;
  }
  renameSync(temp, path);
  return true;
}
