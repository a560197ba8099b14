// Atomic, change-aware file writes: a reader never sees half a file, and unchanged files keep their mtime.
// A write that fails (a full disk, a read-only folder) removes its temp file and says which file it was:
// Node's own message for a full disk, "ENOSPC: no space left on device, write", names none.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
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
  if (holds(path, content)) return false;
  const temp = tempFor(path);
  try {
    try {
      writeFileSync(temp, content);
    } catch (error) {
      // The folder is made on the first write into it: looking for it before every write of a publish of
      // 10,000 articles cost more than the writes.
      if (!FOLDER_MISSING.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      prepareFolder(path);
      writeFileSync(temp, content);
    }
    renameSync(temp, path);
  } catch (error) {
    if (error instanceof OutputWriteError) throw error;
    removeQuietly(temp);
    throw writeFailure(path, error);
  }
  return true;
}

/** Errors of a write into a folder that is not there (or is a file): the folder is made, then the write tried again. */
const FOLDER_MISSING = new Set(['ENOENT', 'ENOTDIR']);

/** True when the file at `path` holds `content` already; its size is compared first, so a changed file is rarely read. */
function holds(path: string, content: string): boolean {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats !== undefined && stats.size === Buffer.byteLength(content) && readFileSync(path, 'utf8') === content;
  } catch {
    // Unreadable: write it.
    return false;
  }
}

/**
 * Like writeIfChanged for a document too large to hold as one string: the pieces go straight to the temp
 * file while a hash is taken, and the file is replaced only when the hash differs from the old file's.
 */
export function writeChunksIfChanged(path: string, chunks: () => Iterable<string>): boolean {
  const file = new ChunkedFile(path);
  try {
    for (const chunk of chunks()) file.write(chunk);
  } catch (error) {
    file.abort();
    throw error;
  }
  return file.finish();
}

/** Bytes read at a time when a part file is copied in, or an old file hashed. */
const COPY_BYTES = 1 << 20;

/** Reads a file COPY_BYTES at a time, each block handed over before the next is read into the same buffer. */
function eachBlock(path: string, visit: (block: Uint8Array) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(COPY_BYTES);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) visit(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** The SHA-256 of a file, read a block at a time: the files written in pieces are the large ones. */
function hashOfFile(path: string): string {
  const hash = createHash('sha256');
  eachBlock(path, (block) => hash.update(block));
  return hash.digest('hex');
}

/**
 * A file written in pieces (text, or the bytes of another file) through a temp file while a hash is taken;
 * `finish` replaces the target only when the content changed, `abort` leaves it as it was.
 */
export class ChunkedFile {
  private readonly temp: string;
  private readonly hash = createHash('sha256');
  private fd: number | undefined;

  constructor(private readonly path: string) {
    prepareFolder(path);
    this.temp = tempFor(path);
    try {
      this.fd = openSync(this.temp, 'w');
    } catch (error) {
      throw writeFailure(path, error);
    }
  }

  write(chunk: string | Uint8Array): void {
    this.hash.update(chunk);
    try {
      if (typeof chunk === 'string') writeSync(this.fd!, chunk);
      else writeSync(this.fd!, chunk);
    } catch (error) {
      this.abort();
      throw writeFailure(this.path, error);
    }
  }

  /** Appends the whole content of the file at `from`. */
  append(from: string): void {
    eachBlock(from, (block) => this.write(block));
  }

  /** Returns false (and keeps the old file) when the content is what the file already held. */
  finish(): boolean {
    this.close();
    let previous: string | undefined;
    try {
      previous = hashOfFile(this.path);
    } catch {
      // Missing or unreadable: replace it.
    }
    if (previous === this.hash.digest('hex')) {
      removeQuietly(this.temp);
      return false;
    }
    try {
      renameSync(this.temp, this.path);
    } catch (error) {
      removeQuietly(this.temp);
      throw writeFailure(this.path, error);
    }
    return true;
  }

  abort(): void {
    this.close();
    removeQuietly(this.temp);
  }

  private close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
