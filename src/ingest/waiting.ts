// The drafts that wait for the end of a run's reading (a text file whose footer names a publisher no page of
// the run has shown yet, a file without a URL before every feed is read), kept in reading order until the run
// can finish them. A large run's syndicated copies wait by the thousand, each with its whole text: on the
// 100,000-article bench corpus a tenth of the articles waited. Past WAITING_IN_MEMORY drafts they are written
// to a temporary file, one JSON line each, and read back a batch at a time at the end; the file goes with the
// reading, whether it ends well or not.
import { createReadStream } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Waiting drafts held in memory before the rest go to a temporary file: a run of a few thousand articles
 * never writes one, and what waits in memory stays a few megabytes.
 */
export const WAITING_IN_MEMORY = 1_000;

/** Name of the temporary folder's prefix (in the system's temporary folder, TMPDIR). */
const FOLDER_PREFIX = 'newsdesk-waiting-';

/** Entries that wait, in the order they came: the first `limit` in memory, the rest in a temporary file. */
export class WaitingDrafts<T> {
  private held: T[] = [];
  private folder: string | undefined;
  private file: string | undefined;
  private spilled = 0;

  constructor(private readonly limit = WAITING_IN_MEMORY) {}

  /** Entries waiting. */
  get size(): number {
    return this.held.length + this.spilled;
  }

  /** Adds entries after those already waiting. */
  async add(entries: T[]): Promise<void> {
    if (entries.length === 0) return;
    // Once entries are in the file, every later one goes there too, so that reading back keeps their order.
    if (this.spilled === 0 && this.held.length + entries.length <= this.limit) {
      for (const entry of entries) this.held.push(entry);
      return;
    }
    if (!this.file) {
      this.folder = await mkdtemp(join(tmpdir(), FOLDER_PREFIX));
      this.file = join(this.folder, 'drafts.jsonl');
    }
    // JSON escapes line breaks inside strings, so one entry is one line.
    await appendFile(this.file, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), { mode: 0o600 });
    this.spilled += entries.length;
  }

  /** Every waiting entry, in order, `size` at a time; nothing waits afterwards. */
  async *drain(size: number): AsyncGenerator<T[]> {
    const held = this.held;
    this.held = [];
    for (let start = 0; start < held.length; start += size) yield held.slice(start, start + size);
    if (!this.file) return;
    let part: T[] = [];
    for await (const line of jsonLines(this.file)) {
      part.push(JSON.parse(line) as T);
      if (part.length >= size) {
        yield part;
        part = [];
      }
    }
    if (part.length > 0) yield part;
    await this.dispose();
  }

  /** Removes the temporary file, if any; what waited in it is gone. */
  async dispose(): Promise<void> {
    const folder = this.folder;
    this.folder = this.file = undefined;
    this.spilled = 0;
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The file's lines, split at "\n" only. JSON escapes line feeds and carriage returns inside strings but
 * leaves U+2028 and U+2029 as they are, and Node 24's readline ends lines at those too.
 */
async function* jsonLines(file: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (line !== '') yield line;
  }
  if (rest !== '') yield rest;
}
