// Sources → raw documents. Files and folders are read once each, folders recursively in sorted order,
// OPML lists expanded into the local feed files they name. A bad input becomes one failure with a
// short reason and never stops the others.
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputDocument, InputFailure } from '../model.js';
import { detectKind, looksLikeJson } from './detect.js';
import { opmlFeedUrls } from './opml.js';

export interface ReadOptions {
  /** URL of the document (`--url`); applies only when exactly one file is given. */
  url?: string;
}

export interface ReadResult {
  documents: InputDocument[];
  failures: InputFailure[];
  notices: string[];
}

/** Folder entries that are never inputs: tooling and documentation, not news. */
const SKIPPED_DIRECTORIES = new Set(['node_modules']);
const SKIPPED_EXTENSIONS = new Set(['.md']);
/** Metadata beside a corpus (labels, manifests) is JSON; only JSON Feeds are inputs. */
const JSON_EXTENSION = '.json';
const REMOTE_URL = /^https?:\/\//i;
const FILE_URL = /^file:/i;
/** Any other `scheme:` (but not a Windows drive letter, which is one letter). */
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** Short reasons for file-system errors, by Node error code. */
const ERROR_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: "permission denied; check the file's permissions",
  EPERM: "permission denied; check the file's permissions",
  ELOOP: 'too many levels of symbolic links; fix the link',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder where a file was expected',
};

type Origin = { from: 'argument' } | { from: 'folder' } | { from: 'opml'; list: string };

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;

function fileTypeName(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function isSkippedEntry(entry: Dirent): boolean {
  if (entry.name.startsWith('.')) return true;
  if (entry.isDirectory()) return SKIPPED_DIRECTORIES.has(entry.name);
  return SKIPPED_EXTENSIONS.has(extname(entry.name).toLowerCase());
}

class SourceReader {
  readonly documents: InputDocument[] = [];
  readonly failures: InputFailure[] = [];
  readonly notices: string[] = [];
  private readonly seen = new Set<string>();

  private fail(path: string, reason: string, origin: Origin): void {
    const listed = origin.from === 'opml' ? ` (listed in ${origin.list})` : '';
    this.failures.push({ path, reason: reason + listed });
  }

  private async reasonFor(path: string, error: unknown): Promise<string> {
    const code = errorCode(error);
    if (code === 'ENOENT') {
      // stat follows links: a link whose target is gone looks missing, but the link itself is there.
      const link = await lstat(path).catch(() => undefined);
      if (link?.isSymbolicLink()) return 'broken symbolic link: its target does not exist';
    }
    return (code && ERROR_REASONS[code]) ?? `cannot be read (${code ?? String(error)})`;
  }

  async read(path: string, origin: Origin): Promise<void> {
    let stats: Stats;
    let identity: string;
    try {
      stats = await stat(path);
      identity = await realpath(path);
    } catch (error) {
      this.fail(path, await this.reasonFor(path, error), origin);
      return;
    }
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    if (stats.isDirectory()) return this.readFolder(path, origin);
    if (!stats.isFile()) return this.fail(path, `is ${fileTypeName(stats)}, not a file; pass a file or a folder`, origin);
    return this.readFile(path, origin);
  }

  private async readFolder(path: string, origin: Origin): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      this.fail(path, await this.reasonFor(path, error), origin);
      return;
    }
    // Code-point order, not locale order: the same folder gives the same run on every machine.
    const names = entries.filter((entry) => !isSkippedEntry(entry)).map((entry) => entry.name).sort();
    for (const name of names) await this.read(join(path, name), { from: 'folder' });
  }

  private async readFile(path: string, origin: Origin): Promise<void> {
    let content: string;
    try {
      content = (await readFile(path)).toString('utf8');
    } catch (error) {
      this.fail(path, await this.reasonFor(path, error), origin);
      return;
    }
    if (content.replace(/^\uFEFF/, '').trim() === '') return this.fail(path, 'file is empty; nothing to read', origin);
    const kind = detectKind(content, path);
    if (kind === undefined) return this.fail(path, 'binary file; pass text, HTML or feed files', origin);
    if (kind === 'text' && (looksLikeJson(content) || extname(path).toLowerCase() === JSON_EXTENSION)) {
      // Inside a folder this is metadata (labels.json, manifests); named explicitly it is a mistake to report.
      if (origin.from !== 'folder') this.fail(path, 'JSON file is not a JSON Feed (no jsonfeed.org "version"); nothing to read', origin);
      return;
    }
    if (kind === 'opml') return this.expandOpml(path, content, origin);
    this.documents.push({ path, kind, content });
  }

  private async expandOpml(path: string, content: string, origin: Origin): Promise<void> {
    let urls: string[];
    try {
      urls = opmlFeedUrls(content);
    } catch (error) {
      return this.fail(path, error instanceof Error ? error.message : String(error), origin);
    }
    if (urls.length === 0) return this.fail(path, 'OPML lists no feeds (no outline has an xmlUrl); nothing to read', origin);
    for (const url of urls) {
      if (REMOTE_URL.test(url)) {
        this.notices.push(`${path}: ${url}: fetching remote feeds is not supported yet; save the feed and pass the file`);
      } else if (FILE_URL.test(url)) {
        await this.read(fileURLToPath(url), { from: 'opml', list: basename(path) });
      } else if (OTHER_SCHEME.test(url)) {
        this.notices.push(`${path}: ${url}: unsupported URL scheme; list local files or http(s) feeds`);
      } else {
        await this.read(resolve(dirname(path), url), { from: 'opml', list: basename(path) });
      }
    }
  }
}

/**
 * Reads files and folders into documents. Paths in documents and failures are absolute. Never throws
 * for a bad input: each becomes one failure; notices say what was skipped on purpose.
 */
export async function readSources(paths: string[], opts: ReadOptions = {}): Promise<ReadResult> {
  const reader = new SourceReader();
  for (const path of paths) await reader.read(resolve(path), { from: 'argument' });
  const { documents, failures, notices } = reader;

  if (opts.url) {
    const only = documents[0];
    const singleFile = paths.length === 1 && documents.length === 1 && only?.path === resolve(paths[0] ?? '');
    if (singleFile && only) only.url = opts.url;
    else if (documents.length > 0) notices.push(`--url ${opts.url} ignored: it applies only when exactly one file is given`);
  }
  return { documents, failures, notices };
}
