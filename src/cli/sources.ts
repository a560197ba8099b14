// `newsdesk sources export --opml [SOURCES...]`: the feeds a set of sources subscribes to, as OPML 2.0,
// for moving a subscription list to another reader. OPML lists keep their folders; feed files and feed
// URLs become one outline each.
import { printErr, printOut } from './terminal.js';
import { readLocalFile } from '../ingest/local-file.js';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_CORPUS } from '../config.js';
import { decodeDocument, detectKind, parseFeedDocument, REMOTE_URL } from '../ingest/index.js';
import { opmlOutlines, outlinesInOrder, writeOpml, type Outline } from '../ingest/opml.js';
import { readSources } from '../ingest/read.js';
import { CliError, parseCommandLine, UsageError, type Command } from './common.js';

const HELP = `Usage: newsdesk sources export --opml [SOURCES...]

Prints the feeds the given sources subscribe to as an OPML 2.0 subscription list on stdout: OPML files
keep their folders, feed files and http(s) feed URLs become one outline each (URLs are not fetched).
Without sources, the bundled demo corpus.

Options:
  --opml       OPML 2.0 output (the only export format)
  --title T    the list's title (default "newsdesk subscriptions")
  -h, --help   this help
`;

async function outlineOf(source: string): Promise<Outline[]> {
  if (REMOTE_URL.test(source)) return [{ text: source, xmlUrl: source, children: [] }];
  const path = resolve(source);
  let text: string;
  try {
    text = decodeDocument(await readLocalFile(path)).text;
  } catch {
    // Folders: every feed and OPML list inside, through the ingest reader (which expands OPML itself).
    const read = await readSources([path]);
    const failure = read.failures[0];
    if (read.documents.length === 0 && failure) throw new CliError(`${failure.path}: ${failure.reason}`, failure.refused ? 2 : 1);
    const outlines: Outline[] = [];
    for (const document of read.documents) {
      if (document.kind === 'rss' || document.kind === 'atom' || document.kind === 'jsonfeed') for (const outline of await outlineOf(document.path)) outlines.push(outline);
    }
    return outlines;
  }
  const kind = detectKind(text, path);
  if (kind === 'opml') {
    // Local paths in a list are relative to the list; exported, they must still point at the same files.
    let outlines: Outline[];
    try {
      outlines = opmlOutlines(text);
    } catch (error) {
      throw new CliError(`${path}: ${(error as Error).message}`);
    }
    for (const { outline } of outlinesInOrder(outlines)) {
      if (outline.xmlUrl && !/^[a-z][a-z0-9+.-]+:/i.test(outline.xmlUrl)) outline.xmlUrl = pathToFileURL(resolve(dirname(path), outline.xmlUrl)).href;
    }
    return outlines;
  }
  if (kind !== 'rss' && kind !== 'atom' && kind !== 'jsonfeed') return [];
  const feed = await parseFeedDocument(text, kind).catch(() => undefined);
  return [{ text: feed?.title || path, xmlUrl: pathToFileURL(path).href, ...(feed?.link ? { htmlUrl: feed.link } : {}), children: [] }];
}

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, { opml: { type: 'boolean' }, title: { type: 'string' } });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  const [action, ...sources] = positionals;
  if (action !== 'export') throw new UsageError(`unknown action "${action ?? ''}"; use "sources export --opml"`);
  if (!values.opml) throw new UsageError('name the format: --opml');
  const outlines: Outline[] = [];
  for (const source of sources.length > 0 ? sources : [DEMO_CORPUS]) for (const outline of await outlineOf(source)) outlines.push(outline);
  printOut(writeOpml(values.title ?? 'newsdesk subscriptions', outlines, new Date().toISOString()));
  return 0;
};
