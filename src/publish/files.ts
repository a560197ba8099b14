// Atomic, change-aware file writes: a reader never sees half a file, and unchanged files keep their mtime.
// A write that fails (a full disk, a read-only folder) removes its temp file and says which file it was:
// Node's own message for a full disk, "ENOSPC: no space left on device, write", names none.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { makeDirectory } from '../directories.js';

/** What to say for the write errors a user can act on, by Node error code. */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device; free some space or pass --out with another folder',
  EDQUOT: 'disk quota exceeded; free some space or pass --out with another folder',
  EROFS: 'the file system is read-only; pass --out with a writable folder',
  EACCES: "permission denied; check the folder's permissions or pass --out",
  EPERM: "permission denied; check the folder's permissions or pass --out",
};

/** A failed write of one output file, naming it. */
export class OutputWriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string | undefined,
    detail: string,
  ) {
    super(`publish: cannot write ${path}: ${detail}`);
    this.name = 'OutputWriteError';
  }
}

function writeFailure(path: string, error: unknown): OutputWriteError {
  const code = (error as NodeJS.ErrnoException).code;
  return new OutputWriteError(path, code, (code && WRITE_FAILURES[code]) ?? (error instanceof Error ? error.message : String(error)));
}

function removeQuietly(temp: string): void {
  try {
    unlinkSync(temp);
  } catch {
    // Never created, or already gone.
  }
}

const tempFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

function prepareFolder(path: string): void {
  try {
    makeDirectory(dirname(path));
  } catch (error) {
    throw writeFailure(dirname(path), error);
  }
}

/** Writes `content` to `path` through a temp file + rename; returns false when the file already held it. */
export function writeIfChanged(path: string, content: string): boolean {
  try {
    if (readFileSync(path, 'utf8') === content) return false;
  } catch {
    // Missing or unreadable: write it.
  }
  prepareFolder(path);
  const temp = tempFor(path);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    removeQuietly(temp);
    throw writeFailure(path, error);
  }
  return true;
}

/**
 * Like writeIfChanged for a document too large to hold as one string: the pieces go straight to the temp
 * file while a hash is taken, and the file is replaced only when the hash differs from the old file's.
 */
export function writeChunksIfChanged(path: string, chunks: () => Iterable<string>): boolean {
  prepareFolder(path);
  const temp = tempFor(path);
  const hash = createHash('sha256');
  try {
    const fd = openSync(temp, 'w');
    try {
      for (const chunk of chunks()) {
        hash.update(chunk);
        writeSync(fd, chunk);
      }
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    removeQuietly(temp);
    throw (error as NodeJS.ErrnoException).code ? writeFailure(path, error) : error;
  }
  let previous: string | undefined;
  try {
    previous = createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    // Missing or unreadable: replace it.
  }
  if (previous === hash.digest('hex')) {
    removeQuietly(temp);
    return false;
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    removeQuietly(temp);
    throw writeFailure(path, error);
  }
  return true;
}
