// Reading one local input file, within a size cap. Everything downstream holds a file several times over
// (bytes, decoded text, DOM or parsed feed, sentences, the store's copy): a 200 MB text file took 4 GB
// of memory. A file over the cap is refused before it is read, and one that grows while it is read is
// cut off at the cap, so memory stays bounded whatever a folder holds.
import { readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * 16 MiB: above the 10 MB a fetched document may have (fetch.maxBytes), so any saved feed or page still
 * reads, with room for a page saved with its images inlined; a plain-text article is a few KB. Measured:
 * `newsdesk run` on a 15.5 MB plain-text article peaks at about 1 GB; a 200 MB file is refused at 0.1 GB.
 */
export const MAX_LOCAL_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Node decodes command-line arguments and folder listings as UTF-8: a file name in another encoding
 * (`caf\xe9.txt` in Latin-1) arrives with U+FFFD in place of its bytes and names no file, and the bytes
 * cannot be recovered. A missing file whose name holds U+FFFD gets this reason instead of "no such file".
 */
export const UNDECODABLE_NAME =
  'the file name is not valid UTF-8, so it cannot be opened by name (its undecodable bytes arrive as "\uFFFD"); rename the file to a UTF-8 name, e.g. with convmv -f latin1 -t utf-8 --notest';

export const hasUndecodableName = (path: string): boolean => path.includes('\uFFFD');

/** Read in pieces of this size, so a growing file is stopped close to the cap. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** A local file over MAX_LOCAL_FILE_BYTES; its message is the reason a failure line shows. */
export class LocalFileTooLarge extends Error {
  readonly code = 'ETOOLARGE';
  constructor(readonly actual: number, readonly maxBytes: number) {
    super(`is ${size(actual)}, over the ${size(maxBytes)} limit for local files (MAX_LOCAL_FILE_BYTES); split it or pass a smaller file`);
    this.name = 'LocalFileTooLarge';
  }
}

/** "17.2 MB" from a mebibyte up; exact bytes below, so a small test cap still reads right. */
function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB` : `${bytes} bytes`;
}

/** The file's bytes; throws LocalFileTooLarge past `maxBytes`, or the file system's error (with its `code`). */
export async function readLocalFile(path: string | Buffer, maxBytes = MAX_LOCAL_FILE_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new LocalFileTooLarge(size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The size the file had, and one byte more to meet its end; a file that grows while read goes on in
      // chunks. (Two chunks of READ_CHUNK_BYTES for each file made a run of 10,000 files allocate 20 GB.)
      const want = total <= size ? size + 1 - total : READ_CHUNK_BYTES;
      const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new LocalFileTooLarge(Math.max(size, total), maxBytes);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Standard input's bytes, within the same cap (a pipe has no size to check first). */
export function readStandardInput(maxBytes = MAX_LOCAL_FILE_BYTES): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, maxBytes + 1 - total));
    const bytesRead = readSync(0, chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) throw new LocalFileTooLarge(total, maxBytes);
    chunks.push(chunk.subarray(0, bytesRead));
  }
  return Buffer.concat(chunks, total);
}
