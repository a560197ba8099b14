// `newsdesk parse-feed <file|url> [--json]`: one feed as newsdesk reads it.
import { printErr, printOut } from './terminal.js';
import { resolve } from 'node:path';
import { createFetcher } from '../fetch/index.js';
import { decodeDocument, detectKind, parseFeedDocument, REMOTE_URL } from '../ingest/index.js';
import { readLocalFile } from '../ingest/local-file.js';
import type { Feed } from '../model.js';
import { CliError, configFromFlags, fileError, parseCommandLine, UsageError, type Command } from './common.js';
import { fetchFailure } from './single.js';

const HELP = `Usage: newsdesk parse-feed <file|url> [--json] [--allow-private] [--user-agent UA]

Parses one RSS (0.9x, 1.0, 2.0), Atom (0.3, 1.0) or JSON Feed document, from a file or an http(s) URL,
and prints its items. Dates are UTC ISO 8601; HTML content is sanitized; relative links are resolved.
Ill-formed feeds are read leniently and say so in "warnings".

Options:
  --json           print {title, link, format, items:[{id, title, link, published, updated, author,
                   summary, content, enclosures}], warnings:[...]}
  --allow-private  allow URLs on loopback/private addresses (config fetch.allowPrivate)
  --user-agent UA  User-Agent header for the fetch
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG)
  -h, --help       this help

Exit: 0 parsed; 1 the feed could not be fetched or is not a feed; 2 bad usage, or a refused input (no
such file, over the size cap, a private address).
`;

export function feedJson(feed: Feed): Record<string, unknown> {
  return {
    title: feed.title,
    link: feed.link,
    format: feed.format ?? null,
    items: feed.items.map((item) => ({
      id: item.id,
      title: item.title,
      link: item.link,
      published: item.published ?? null,
      updated: item.updated ?? null,
      author: item.author ?? null,
      summary: item.summary ?? null,
      content: item.content ?? null,
      enclosures: item.enclosures ?? [],
    })),
    warnings: feed.warnings ?? [],
  };
}

async function load(source: string, options: { allowPrivate: boolean; userAgent?: string; config?: string }): Promise<{ bytes: Uint8Array; contentType?: string; url?: string }> {
  if (!REMOTE_URL.test(source)) {
    try {
      return { bytes: await readLocalFile(resolve(source)) };
    } catch (error) {
      throw fileError(source, error);
    }
  }
  const config = configFromFlags({ config: options.config, 'allow-private': options.allowPrivate, 'user-agent': options.userAgent });
  const fetcher = createFetcher(config.fetch);
  try {
    const document = await fetcher.fetch(source);
    return { bytes: document.body, contentType: document.contentType, url: document.finalUrl };
  } catch (error) {
    throw fetchFailure(source, error);
  } finally {
    await fetcher.close();
  }
}

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    json: { type: 'boolean' },
    'allow-private': { type: 'boolean' },
    'user-agent': { type: 'string' },
    config: { type: 'string' },
  });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expects exactly one file or URL, got ${positionals.length}`);
  const source = positionals[0]!;
  const loaded = await load(source, {
    allowPrivate: Boolean(values['allow-private']),
    ...(values['user-agent'] ? { userAgent: values['user-agent'] } : {}),
    ...(values.config ? { config: values.config } : {}),
  });
  const decoded = decodeDocument(loaded.bytes, loaded.contentType);
  const kind = detectKind(decoded.text, source);
  if (kind !== 'rss' && kind !== 'atom' && kind !== 'jsonfeed') {
    throw new CliError(`${source}: is ${kind === undefined ? 'binary' : `a ${kind} document`}, not a feed; pass an RSS, Atom or JSON Feed`);
  }
  let feed: Feed;
  try {
    feed = await parseFeedDocument(decoded.text, kind, loaded.url ? { url: loaded.url } : {});
  } catch (error) {
    throw new CliError(`${source}: ${(error as { reason?: string }).reason ?? (error as Error).message}`);
  }
  feed = { ...feed, warnings: [...decoded.warnings, ...(feed.warnings ?? [])] };
  if (values.json) {
    printOut(`${JSON.stringify(feedJson(feed), null, 2)}\n`);
  } else {
    printOut(`${feed.title || '(untitled feed)'} · ${feed.format ?? kind}${feed.link ? ` · ${feed.link}` : ''}\n`);
    for (const item of feed.items) printOut(`- ${item.published ?? '—'}  ${item.title || '(untitled)'}${item.link ? `  ${item.link}` : ''}\n`);
    for (const warning of feed.warnings ?? []) printErr(`newsdesk parse-feed: warning: ${warning}\n`);
  }
  return 0;
};
