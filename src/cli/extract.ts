// `newsdesk extract <file|url> [--json] [--format text|markdown|html]`: one article's body and metadata.
// HTML pages are read (or fetched) as bytes and decoded by their declared charset (BOM, Content-Type,
// <meta charset>), then extracted directly; text and feed documents go through ingest. Modules load only when the input needs
// them, so extracting one page does not pay for the feed parser or the database.
import { printErr, printOut } from './terminal.js';
import { readFile } from 'node:fs/promises';
import { CliError, fileError, parseCommandLine, UsageError, type Command } from './common.js';
import { BODY_FORMATS, bodyIn, extractedJson, ingestedJson, type BodyFormat, type PageJson } from './page-json.js';
import { checkUrlFlag, FETCH_FLAGS, fetchFlagsHelp, ingestOne, withOneInput, type OneInput } from './single.js';

const HELP = `Usage: newsdesk extract <file|url> [--json] [--format text|markdown|html] [--url URL]
                        [--allow-private] [--user-agent UA] [--config FILE]
       newsdesk extract <file|url>... --jsonl [--format ...]

Extracts the article from an HTML page (or a plain-text article, or every item of a feed), from a file
or an http(s) URL: title, byline, dates, publisher, site name, language, description, image, section
and body. A URL is fetched once (private addresses refused unless allowed); its charset comes from
the response's Content-Type, and it is the article's URL and the base for relative links.

Options:
  --json            print JSON: {url, canonical_url, title, byline, published, modified, publisher,
                    site_name, lang, description, image, section, text, html, word_count, warnings}
  --jsonl           many inputs: one JSON object per line, in input order, each with "file" (the
                    input as given) first; an input that fails gets {"file", "error"} and the rest
                    go on
  --format FORMAT   body as text (default), markdown or html; with --json, markdown adds "markdown";
                    markdown prints a Markdown document: headline, source link, body with its
                    headings, lists, quotes and links
  --url URL         a file's page URL, to resolve relative links when the page does not say
${fetchFlagsHelp(20)}
  --config FILE     YAML or JSON config file (env NEWSDESK_CONFIG), for fetch settings
  -h, --help        this help

Exit codes: 0 extracted; 1 no article body found, or the URL cannot be fetched (with --jsonl: for any
input); 2 bad usage, or a refused input (no such file, over the size cap, a private address).
`;

/** Only the start of a file decides whether it is HTML; enough for any prolog and doctype. */
const SNIFF_BYTES = 8192;

async function readBytes(path: string): Promise<Buffer> {
  const { readLocalFile } = await import('../ingest/local-file.js');
  try {
    return await readLocalFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
}

interface Extracted {
  page: PageJson;
  markdown: string;
}

async function extractHtml(bytes: Buffer, contentType: string | undefined, url: string | undefined, format: BodyFormat): Promise<Extracted> {
  const { decodeHtml, extractArticle, publisherSlug, slugifyPublisherName } = await import('../extract/index.js');
  const decoded = decodeHtml(bytes, contentType);
  const page = extractArticle(decoded.html, url);
  page.warnings = [...decoded.warnings, ...page.warnings];
  const pageUrl = page.canonicalUrl ?? url ?? '';
  const publisher = (pageUrl && publisherSlug(pageUrl)) || slugifyPublisherName(page.siteName ?? '') || 'unknown';
  return { page: extractedJson(page, pageUrl, publisher, format), markdown: page.markdown };
}

async function extractOther(one: OneInput, url: string | undefined, format: BodyFormat): Promise<Extracted[]> {
  const articles = await ingestOne(one, url, 'extract');
  return articles.map((article) => ({ page: ingestedJson(article, format), markdown: article.text }));
}

async function extractOne(one: OneInput, url: string | undefined, format: BodyFormat): Promise<Extracted[]> {
  const bytes = one.bytes ?? (await readBytes(one.path ?? one.label));
  const { detectKind } = await import('../ingest/detect.js');
  const kind = detectKind(bytes.subarray(0, SNIFF_BYTES).toString('latin1'), one.path ?? one.url ?? one.label);
  if (kind !== 'html') return extractOther(one, url, format);
  return [await extractHtml(bytes, one.contentType, one.url ?? url, format)];
}

/** `--format markdown` without --json: a Markdown document, so the headline and the source stay a heading and a link. */
function markdownDocument(page: PageJson, markdown: string): string {
  const meta = [page.publisher, page.byline.join(', '), page.published ?? ''].filter(Boolean).join(' · ');
  return [`# ${page.title.replace(/^([#>*+-])/, '\\$1')}`, meta && `*${meta.replace(/[*_]/g, '\\$&')}*`, page.url && `<${page.url}>`, markdown].filter(Boolean).join('\n\n');
}

/** `--jsonl`: each input in turn, one line per article (a feed gives several), `{file, error}` for an input that fails. */
async function extractEach(inputs: string[], values: Parameters<typeof withOneInput>[1], format: BodyFormat): Promise<number> {
  let failed = 0;
  for (const input of inputs) {
    let lines: Array<Record<string, unknown>>;
    try {
      const results = await withOneInput(input, values, (one) => extractOne(one, undefined, format));
      lines = results.map(({ page }) => ({ file: input, ...page, ...(page.text === '' ? { error: page.warnings.join('; ') || WARNING_NO_BODY } : {}) }));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      lines = [{ file: input, error: error instanceof Error ? error.message : String(error) }];
    }
    if (lines.some((line) => 'error' in line)) failed++;
    process.stdout.write(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  }
  if (failed > 0) process.stderr.write(`newsdesk extract: ${failed} of ${inputs.length} inputs failed\n`);
  return failed > 0 ? 1 : 0;
}

const WARNING_NO_BODY = 'no article body found';

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    json: { type: 'boolean' },
    jsonl: { type: 'boolean' },
    url: { type: 'string' },
    format: { type: 'string' },
    config: { type: 'string' },
    ...FETCH_FLAGS,
  });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  const format = (values.format ?? 'text') as BodyFormat;
  if (!BODY_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${BODY_FORMATS.join(', ')}, got "${values.format}"`);
  if (values.jsonl) {
    if (values.json) throw new UsageError('--json and --jsonl are exclusive: --jsonl prints one JSON object per line');
    if (values.url) throw new UsageError('--url names one page; with --jsonl each input is its own page');
    if (positionals.length === 0) throw new UsageError('expects one or more files or URLs');
    return extractEach(positionals, values, format);
  }
  if (positionals.length !== 1) throw new UsageError(`expects exactly one file or URL, got ${positionals.length} (--jsonl takes many)`);
  const input = positionals[0]!;
  checkUrlFlag(input, values.url);
  let label = input;
  const results = await withOneInput(input, values, (one) => {
    label = one.path ?? one.label;
    return extractOne(one, values.url, format);
  });

  if (values.json) {
    const json = results.map((r) => r.page);
    printOut(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
  } else {
    for (const { page, markdown } of results) {
      const meta = [page.publisher, page.byline.join(', '), page.published ?? ''].filter(Boolean).join(' · ');
      if (format === 'markdown') printOut(`${markdownDocument(page, markdown)}\n\n`);
      else printOut(`${page.title}\n${meta}${page.url ? `\n${page.url}` : ''}\n\n${bodyIn(page, markdown, format)}\n\n`);
    }
  }
  const empty = results.filter((r) => r.page.text === '');
  for (const { page } of empty) printErr(`newsdesk extract: ${label}: ${page.warnings.join('; ') || 'no article body found'}\n`);
  return empty.length > 0 ? 1 : 0;
};
