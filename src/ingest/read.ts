// Sources → raw documents. Files and folders are read once each, folders recursively in sorted order,
// OPML lists expanded into the feeds they name: http(s) URLs, or local files inside the list's own folder
// (a list is data from elsewhere: `xmlUrl="file:///etc/passwd"` or "../../.ssh/…" must read nothing). A bad input becomes one failure with a
// short reason and never stops the others.
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputDocument, InputFailure } from '../model.js';
import { detectKind, looksLikeJson } from './detect.js';
import { COMMON_FEED_PATHS, discoverFeeds, isSiteRoot } from './discover.js';
import { decodeDocument } from '../text/encoding.js';
import { hasUndecodableName, LocalFileTooLarge, readLocalFile, UNDECODABLE_NAME } from './local-file.js';
import { opmlFeedUrls } from './opml.js';
import { reasonOf, rethrowDeskFailure, type FetchCounts, type RemoteSource } from './remote.js';

export interface ReadOptions {
  /** URL of the document (`--url`); applies only when exactly one file is given. */
  url?: string;
  /** Fetches http(s) sources; without it they are reported as notices and skipped. */
  remote?: RemoteSource;
  /** Called after each fetch, for progress. */
  onFetch?: (counts: FetchCounts) => void;
}

/** A local file found in a folder but not read yet: a large folder is read a batch at a time (readLater). */
export interface LaterFile {
  path: string;
}

export interface ReadResult {
  documents: InputDocument[];
  failures: InputFailure[];
  notices: string[];
  fetches: FetchCounts;
  /** Remote sources that answered 304 Not Modified: their articles are the ones read from them last time. */
  unchanged: string[];
}

/** Folder entries that are never inputs: tooling and documentation, not news. */
const SKIPPED_DIRECTORIES = new Set(['node_modules']);
const SKIPPED_EXTENSIONS = new Set(['.md']);
/** Metadata beside a corpus (labels, manifests) is JSON; only JSON Feeds are inputs. */
const JSON_EXTENSION = '.json';
/** OPML lists in folders are read with the folder, so that the feeds they name are fetched with the others. */
const OPML_EXTENSION = '.opml';
export const REMOTE_URL = /^https?:\/\//i;
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

/** Fetch error kinds that are the input's fault, not the server's: the URL is refused, never tried. */
const REFUSED_FETCH_KINDS = new Set(['private-address', 'scheme']);
const isRefusedFetch = (error: unknown): boolean => REFUSED_FETCH_KINDS.has(String((error as { kind?: unknown } | undefined)?.kind));

type Origin = { from: 'argument' } | { from: 'folder' } | { from: 'opml'; list: string };

interface PendingFetch {
  url: string;
  origin: Origin;
}

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

/**
 * Whether `path` lies in `folder` or below it, links followed: a link inside the folder that points out
 * of it counts as outside. A path that does not exist is judged by its name (reading it then fails).
 */
async function isInside(path: string, folder: string): Promise<boolean> {
  const within = (p: string, f: string): boolean => {
    const rel = relative(f, p);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  };
  const realFolder = await realpath(folder).catch(() => folder);
  const realPath = await realpath(path).catch(() => undefined);
  return realPath === undefined ? within(path, folder) : within(realPath, realFolder);
}

/**
 * Folder files read at once: enough to keep the file system's worker threads busy, few enough that a batch
 * holds few open files.
 */
const FILES_READ_AT_ONCE = 16;

class SourceReader {
  readonly documents: InputDocument[] = [];
  readonly failures: InputFailure[] = [];
  readonly notices: string[] = [];
  readonly fetches: FetchCounts = { total: 0, done: 0, notModified: 0, failed: 0 };
  readonly unchanged: string[] = [];
  /** Files of folders left to read, when reading lazily. */
  readonly later: LaterFile[] = [];
  private readonly seen = new Set<string>();
  /**
   * Files in folders whose names are not valid UTF-8: the path as shown (undecodable bytes as U+FFFD) →
   * the real bytes, for the file system. Node lists folders as UTF-8 text, which loses those bytes.
   */
  private readonly rawPaths = new Map<string, Buffer>();
  private pending: PendingFetch[] = [];

  constructor(
    private readonly options: ReadOptions = {},
    /** Leave the files of folders for readLater instead of reading them now (OPML lists are read at once). */
    private readonly lazy = false,
  ) {}

  private fail(path: string, reason: string, origin: Origin, refused = false): void {
    const listed = origin.from === 'opml' ? ` (listed in ${origin.list})` : '';
    this.failures.push({ path, reason: reason + listed, ...(refused ? { refused: true } : {}) });
  }

  /** A path that cannot be used (missing, not a file, unreadable, too large) is refused; other errors failed. */
  private async failOnError(path: string, error: unknown, origin: Origin): Promise<void> {
    const code = errorCode(error);
    const refused = error instanceof LocalFileTooLarge || (code !== undefined && code in ERROR_REASONS);
    this.fail(path, await this.reasonFor(path, error), origin, refused);
  }

  private async reasonFor(path: string, error: unknown): Promise<string> {
    if (error instanceof LocalFileTooLarge) return error.message;
    const code = errorCode(error);
    if (code === 'ENOENT' && hasUndecodableName(path)) return UNDECODABLE_NAME;
    if (code === 'ENOENT') {
      // stat follows links: a link whose target is gone looks missing, but the link itself is there.
      const link = await lstat(this.fsPath(path)).catch(() => undefined);
      if (link?.isSymbolicLink()) return 'broken symbolic link: its target does not exist';
    }
    return (code && ERROR_REASONS[code]) ?? `cannot be read (${code ?? String(error)})`;
  }

  async read(path: string, origin: Origin): Promise<void> {
    if (REMOTE_URL.test(path)) return this.queueRemote(path, origin);
    let stats: Stats;
    let identity: string;
    try {
      stats = await stat(this.fsPath(path));
      identity = await realpath(this.fsPath(path));
    } catch (error) {
      return this.failOnError(path, error, origin);
    }
    if (stats.isFile()) return this.readPlainFile(path, identity, origin);
    if (!this.firstSight(identity)) return;
    if (stats.isDirectory()) return this.readFolder(path, origin, identity);
    return this.fail(path, `is ${fileTypeName(stats)}, not a file; pass a file or a folder`, origin, true);
  }

  /** True the first time a real path is met: a file or folder reached twice (a link, a repeated argument) is read once. */
  private firstSight(identity: string): boolean {
    if (this.seen.has(identity)) return false;
    this.seen.add(identity);
    return true;
  }

  /** A file whose real path is `identity`: read now, or left for later when it comes from a folder. */
  private async readPlainFile(path: string, identity: string, origin: Origin): Promise<void> {
    if (!this.firstSight(identity)) return;
    if (this.lazy && origin.from === 'folder' && extname(path).toLowerCase() !== OPML_EXTENSION) {
      this.later.push({ path });
      return;
    }
    return this.readFile(path, origin);
  }

  private async readFolder(path: string, origin: Origin, identity: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(this.fsPath(path), { withFileTypes: true });
    } catch (error) {
      return this.failOnError(path, error, origin);
    }
    if (entries.some((entry) => hasUndecodableName(entry.name))) await this.keepRawNames(path);
    // Code-point order, not locale order: the same folder gives the same run on every machine.
    const kept = entries.filter((entry) => !isSkippedEntry(entry)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of kept) {
      const child = join(path, entry.name);
      // A plain file (not a link) is what the listing says, and its real path is its folder's and its name:
      // no stat and realpath for each, which took a folder of 100,000 files 9 seconds to list.
      if (entry.isFile() && !this.rawPaths.has(child)) await this.readPlainFile(child, join(identity, entry.name), { from: 'folder' });
      else await this.read(child, { from: 'folder' });
    }
  }

  /**
   * Reads files left for later; their documents, failures and notices join this reader's lists. An OPML list
   * met only now (a folder file without the .opml extension) has its feeds fetched at once.
   */
  async readLater(files: LaterFile[]): Promise<void> {
    // Files are opened FILES_READ_AT_ONCE at a time and taken in order: one at a time, a run over a folder
    // of 10,000 articles waited on the disk for an eighth of its reading.
    for (let start = 0; start < files.length; start += FILES_READ_AT_ONCE) {
      const group = files.slice(start, start + FILES_READ_AT_ONCE);
      const read = await Promise.all(group.map((file) => this.readBytes(file.path)));
      for (const [i, file] of group.entries()) await this.take(file.path, read[i]!, { from: 'folder' });
    }
    await this.fetchPending();
  }

  private fsPath(path: string): string | Buffer {
    return this.rawPaths.get(path) ?? path;
  }

  /** Lists the folder again as bytes, to open the files whose names are not UTF-8 by their real names. */
  private async keepRawNames(folder: string): Promise<void> {
    const raw = this.fsPath(folder);
    const names = await readdir(raw, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
    for (const name of names) {
      const shown = name.toString('utf8');
      if (hasUndecodableName(shown)) this.rawPaths.set(join(folder, shown), Buffer.concat([Buffer.from(raw), Buffer.from(sep), name]));
    }
  }

  private async readFile(path: string, origin: Origin): Promise<void> {
    return this.take(path, await this.readBytes(path), origin);
  }

  /** A local file's bytes, or the error reading it met (kept, so that files read together fail one by one). */
  private readBytes(path: string): Promise<{ bytes: Buffer } | { error: unknown }> {
    return readLocalFile(this.fsPath(path)).then(
      (bytes) => ({ bytes }),
      (error: unknown) => ({ error }),
    );
  }

  /** A file's bytes as a document, or its reading error as its failure. */
  private take(path: string, read: { bytes: Buffer } | { error: unknown }, origin: Origin): Promise<void> {
    return 'bytes' in read ? this.accept(path, read.bytes, undefined, origin) : this.failOnError(path, read.error, origin);
  }

  /** Decodes and classifies a document's bytes, from a file or a fetch. */
  private async accept(path: string, bytes: Uint8Array, fetched: { url: string; contentType: string | undefined } | undefined, origin: Origin): Promise<void> {
    const decoded = decodeDocument(bytes, fetched?.contentType);
    for (const warning of decoded.warnings) this.notices.push(`${path}: ${warning}`);
    const content = decoded.text;
    if (content.replace(/^\uFEFF/, '').trim() === '') return this.fail(path, 'file is empty; nothing to read', origin);
    const kind = detectKind(content, path);
    if (kind === undefined) return this.fail(path, 'binary file; pass text, HTML or feed files', origin);
    if (kind === 'text' && (looksLikeJson(content) || extname(path).toLowerCase() === JSON_EXTENSION)) {
      // Inside a folder this is metadata (labels.json, manifests); named explicitly it is a mistake to report.
      if (origin.from !== 'folder') this.fail(path, 'JSON file is not a JSON Feed (no jsonfeed.org "version"); nothing to read', origin);
      return;
    }
    if (kind === 'opml') return this.expandOpml(path, content, origin, fetched?.url);
    if (kind === 'html' && fetched && isSiteRoot(path)) {
      // A site's home page given as a source: subscribe to the feed it advertises (the first is the main one).
      const feed = discoverFeeds(content, fetched.url)[0];
      if (feed) {
        this.notices.push(`${path}: discovered the feed ${feed}`);
        return this.queueRemote(feed, origin);
      }
      const probed = await this.probeFeedPaths(fetched.url);
      if (probed) {
        this.notices.push(`${path}: the home page advertises no feed; found one at ${probed.url}`);
        return this.accept(probed.url, probed.body, { url: probed.url, contentType: probed.contentType }, origin);
      }
      this.notices.push(`${path}: the home page advertises no feed and none answers at ${COMMON_FEED_PATHS.join(', ')}; read as a page`);
    }
    this.documents.push({ path, kind, content, ...(fetched ? { url: fetched.url, fetched: true } : {}) });
  }

  /** The first common feed path of a site that serves a feed; fetched as pages, so robots.txt applies. */
  private async probeFeedPaths(siteUrl: string): Promise<{ url: string; body: Uint8Array; contentType: string | undefined } | undefined> {
    const remote = this.options.remote;
    if (!remote) return undefined;
    for (const feedPath of COMMON_FEED_PATHS) {
      const url = new URL(feedPath, siteUrl).href;
      if (this.seen.has(url)) continue;
      const document = await remote.fetchPage(url).catch((error: unknown) => {
        rethrowDeskFailure(error);
        return undefined;
      });
      if (!document || document.body.length === 0) continue;
      const kind = detectKind(decodeDocument(document.body, document.contentType).text, url);
      if (kind === 'rss' || kind === 'atom' || kind === 'jsonfeed') {
        this.seen.add(url);
        return { url: document.contentLocation ?? document.finalUrl, body: document.body, contentType: document.contentType };
      }
    }
    return undefined;
  }

  private queueRemote(url: string, origin: Origin): void {
    if (this.seen.has(url)) return;
    this.seen.add(url);
    if (!this.options.remote) {
      this.notices.push(`${url}: fetching is off in this context; save the document and pass the file`);
      return;
    }
    this.pending.push({ url, origin });
    this.fetches.total++;
  }

  /** Fetches every queued URL at once (the fetcher keeps it polite), then reads them in list order. */
  async fetchPending(): Promise<void> {
    const remote = this.options.remote;
    while (remote && this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const results = await Promise.all(
        batch.map((entry) =>
          remote.fetchFeed(entry.url).then(
            (document) => {
              if (document.notModified) this.fetches.notModified++;
              return { document, error: undefined };
            },
            (error: unknown) => {
              this.fetches.failed++;
              return { document: undefined, error };
            },
          ).finally(() => {
            this.fetches.done++;
            this.options.onFetch?.({ ...this.fetches });
          }),
        ),
      );
      // Every fetch of the batch has ended by now: none is left running when the desk's failure stops the reading.
      for (const { error } of results) rethrowDeskFailure(error);
      for (const [i, entry] of batch.entries()) {
        const { document, error } = results[i]!;
        if (!document) {
          this.fail(entry.url, reasonOf(error), entry.origin, isRefusedFetch(error));
        } else if (document.notModified) {
          this.unchanged.push(entry.url);
        } else {
          await this.accept(entry.url, document.body, { url: document.contentLocation ?? document.finalUrl, contentType: document.contentType }, entry.origin);
        }
      }
    }
  }

  private async expandOpml(path: string, content: string, origin: Origin, baseUrl?: string): Promise<void> {
    let urls: string[];
    try {
      urls = opmlFeedUrls(content);
    } catch (error) {
      return this.fail(path, error instanceof Error ? error.message : String(error), origin);
    }
    if (urls.length === 0) return this.fail(path, 'OPML lists no feeds (no outline has an xmlUrl); nothing to read', origin);
    const list = { from: 'opml', list: baseUrl ? path : basename(path) } as const;
    for (const listed of urls) {
      // A fetched OPML list may name its feeds relative to itself.
      const url = baseUrl ? new URL(listed, baseUrl).href : listed;
      if (REMOTE_URL.test(url) && !this.options.remote) {
        this.notices.push(`${path}: ${url}: fetching remote feeds is not supported yet; save the feed and pass the file`);
      } else if (REMOTE_URL.test(url)) {
        this.queueRemote(url, list);
      } else if (baseUrl) {
        this.notices.push(`${path}: ${url}: a fetched OPML list can only name http(s) feeds`);
      } else if (FILE_URL.test(url)) {
        this.fail(url, 'file: URLs in an OPML list are not read; name the feed by a path relative to the list', list);
      } else if (OTHER_SCHEME.test(url)) {
        this.notices.push(`${path}: ${url}: unsupported URL scheme; list local files or http(s) feeds`);
      } else {
        const target = resolve(dirname(path), url);
        if (await isInside(target, dirname(path))) await this.read(target, list);
        else this.fail(target, "outside the OPML list's folder, so not read; move the feed next to the list", list);
      }
    }
  }
}

/**
 * Reads files and folders into documents. Paths in documents and failures are absolute. Never throws
 * for a bad input: each becomes one failure; notices say what was skipped on purpose.
 */
export async function readSources(paths: string[], opts: ReadOptions = {}): Promise<ReadResult> {
  const { documents, failures, notices, fetches, unchanged } = await openSources(paths, opts, false);
  return { documents, failures, notices, fetches, unchanged };
}

/**
 * Starts reading sources: arguments, OPML lists and remote feeds are read (and fetched) now. With `lazy`,
 * the files of folders are only listed, in reading order, in `later`: the caller reads them a batch at a
 * time with `readLater` and takes each batch's documents, so a folder of 100,000 files is never held whole.
 * `--url` (opts.url) reads eagerly: it names the one file given.
 */
export async function openSources(paths: string[], opts: ReadOptions, lazy: boolean): Promise<SourceReader> {
  const reader = new SourceReader(opts, lazy && !opts.url);
  for (const path of paths) await reader.read(REMOTE_URL.test(path) ? path : resolve(path), { from: 'argument' });
  await reader.fetchPending();
  if (opts.url) {
    const { documents, notices } = reader;
    const only = documents[0];
    const singleFile = paths.length === 1 && documents.length === 1 && only?.path === resolve(paths[0] ?? '');
    if (singleFile && only) only.url = opts.url;
    else if (documents.length > 0) notices.push(`--url ${opts.url} ignored: it applies only when exactly one file is given`);
  }
  return reader;
}

export type { SourceReader };
