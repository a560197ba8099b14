// Shared by the one-article commands (extract, summarize, audit): read exactly one input, a file or an
// http(s) URL, into its bytes and then its articles. A URL is fetched by the fetch stage's client, with its
// guards (private addresses refused unless allowed, size cap, redirects checked), and its fetch state kept
// in a throwaway in-memory store: one article on the command line must not create a database file.
// The fetch client, the store and the ingest stage load only when the input needs them, so extracting
// one saved page pays for none of them.
import { resolve } from 'node:path';
import type { RemoteDocument, RemoteSource } from '../ingest/index.js';
import type { Article } from '../model.js';
import { CliError, UsageError, withConfigErrors } from './common.js';

/** The flags every one-article command takes for fetching a URL (spread into parseCommandLine). */
export const FETCH_FLAGS = {
  'allow-private': { type: 'boolean' },
  'user-agent': { type: 'string' },
} as const;

const FETCH_FLAGS_LINES: ReadonlyArray<[string, string]> = [
  ['--allow-private', 'fetch loopback/private/link-local addresses (local setups; config fetch.allowPrivate)'],
  ['--user-agent UA', 'User-Agent for fetching a URL (config fetch.userAgent; env NEWSDESK_USER_AGENT)'],
];

/** Help lines for FETCH_FLAGS, with descriptions starting at `column` as the command's own options do. */
export function fetchFlagsHelp(column: number): string {
  return FETCH_FLAGS_LINES.map(([flag, text]) => `  ${flag}`.padEnd(column) + text).join('\n');
}

export interface FetchFlagValues {
  'allow-private'?: boolean | undefined;
  'user-agent'?: string | undefined;
  config?: string | undefined;
}

/** One input: a file's path, or a fetched document's bytes with its type and own URL. */
export interface OneInput {
  /** As given on the command line: what error messages name. */
  label: string;
  /** The fetched bytes, for a URL (a file is read by whoever needs its bytes). */
  bytes?: Buffer;
  /** Absolute path, for a file. */
  path?: string;
  /** For a URL: where the document says it lives (Content-Location) or where redirects led; the article URL. */
  url?: string;
  contentType?: string;
  /** For a URL: ingests the fetched document without fetching it again; pages a feed links are fetched live. */
  remote?: RemoteSource;
}

/** The same test ingest applies (REMOTE_URL), kept here so a file input does not load ingest to ask. */
const URL_INPUT = /^https?:\/\//i;

export function isUrlInput(input: string): boolean {
  return URL_INPUT.test(input);
}

/** A refused address or scheme is the user's input to fix (exit 2); anything else is a failed fetch (exit 1). */
const USAGE_KINDS = new Set(['private-address', 'scheme']);

export function fetchFailure(url: string, error: unknown): CliError {
  const kind = (error as { kind?: string }).kind;
  const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
  return new CliError(`${url}: ${reason}`, kind && USAGE_KINDS.has(kind) ? 2 : 1);
}

/**
 * Reads one file or fetches one URL and hands it to `use`; the fetcher and its store live until `use`
 * returns, so a fetched feed's teaser items can still have their pages fetched while ingesting.
 */
export async function withOneInput<T>(input: string, flags: FetchFlagValues, use: (one: OneInput) => Promise<T>): Promise<T> {
  if (!isUrlInput(input)) return use({ label: input, path: resolve(input) });
  const [{ loadConfig }, { createFetcher, remoteSource }, { openStore }] = await Promise.all([
    import('../config.js'),
    import('../fetch/index.js'),
    import('../store/index.js'),
  ]);
  const config = withConfigErrors(() =>
    loadConfig({
      ...(flags.config ? { file: flags.config } : {}),
      flags: { allowPrivate: Boolean(flags['allow-private']), ...(flags['user-agent'] ? { userAgent: flags['user-agent'] } : {}) },
    }),
  );
  const store = await openStore(':memory:');
  const fetcher = createFetcher(config.fetch, store);
  try {
    const live = remoteSource(fetcher, store);
    let document: RemoteDocument;
    try {
      // As a feed is fetched: the input may be a page or a feed, and the user asked for this one URL.
      document = await live.fetchFeed(input);
    } catch (error) {
      throw fetchFailure(input, error);
    }
    const fetched: RemoteSource = {
      fetchFeed: async (url) => (url === input ? document : live.fetchFeed(url)),
      fetchPage: (url) => live.fetchPage(url),
    };
    return await use({
      label: input,
      bytes: Buffer.from(document.body),
      url: document.contentLocation ?? document.finalUrl,
      ...(document.contentType ? { contentType: document.contentType } : {}),
      remote: fetched,
    });
  } finally {
    await fetcher.close();
    await store.close();
  }
}

/** Turns one read input into its articles (one, or every item of a feed). */
export async function ingestOne(one: OneInput, url: string | undefined, commandName: string): Promise<Article[]> {
  const { ingest } = await import('../ingest/index.js');
  const source = one.path ?? one.label;
  const { articles, failures } = await ingest([source], {
    ...(url && one.path ? { url } : {}),
    ...(one.remote ? { remote: one.remote } : {}),
  });
  const failure = failures[0];
  if (failure) throw new CliError(`${failure.path}: ${failure.reason}`, failure.refused ? 2 : 1);
  if (articles.length === 0) throw new CliError(`${source}: no article found; ${commandName} takes a text, HTML or feed file or URL`);
  return articles;
}

/** `--url` names a file's page; a fetched document already has its URL. */
export function checkUrlFlag(input: string, url: string | undefined): void {
  if (url && isUrlInput(input)) throw new UsageError(`--url applies to a file; ${input} is fetched and is its own URL`);
}

export async function readOneInput(positionals: string[], url: string | undefined, commandName: string, flags: FetchFlagValues = {}): Promise<Article[]> {
  if (positionals.length !== 1) {
    throw new UsageError(`expects exactly one file or URL, got ${positionals.length}`);
  }
  const input = positionals[0]!;
  checkUrlFlag(input, url);
  return withOneInput(input, flags, (one) => ingestOne(one, url, commandName));
}

/** The JSON shape of an extracted article (snake_case, as every JSON output of newsdesk). */
export function articleJson(article: Article): Record<string, unknown> {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    byline: article.byline,
    published: article.published ?? null,
    publisher: article.publisher,
    publisher_name: article.publisherName,
    lang: article.lang ?? null,
    syndicated_from: article.syndicatedFrom ?? null,
    word_count: article.text.split(/\s+/).filter(Boolean).length,
    text: article.text,
    warnings: article.warnings,
  };
}
