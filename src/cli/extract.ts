// `newsdesk extract <file|url> [--json] [--format text|markdown|html]`: one article's body and metadata.
// HTML pages are read (or fetched) as bytes and decoded by their declared charset (BOM, Content-Type,
// <meta charset>), then extracted directly; text and feed documents go through ingest. Modules load only when the input needs
// them, so extracting one page does not pay for the feed parser or the database.
import { fileError, parseCommandLine, UsageError, type Command } from './common.js';
import { BODY_FORMATS, bodyIn, extractedJson, ingestedJson, type BodyFormat, type PageJson } from './page-json.js';
import { checkUrlFlag, FETCH_FLAGS, fetchFlagsHelp, ingestOne, withOneInput, type OneInput } from './single.js';

const HELP = `Usage: newsdesk extract <file|url> [--json] [--format text|markdown|html] [--url URL]
                        [--allow-private] [--user-agent UA] [--config FILE]

Extracts the article from an HTML page (or a plain-text article, or every item of a feed), from a file
or an http(s) URL: title, byline, dates, publisher, site name, language, description, image, section
and body. A URL is fetched once (private addresses refused unless allowed); its charset comes from
the response's Content-Type, and it is the article's URL and the base for relative links.

Options:
  --json            print JSON: {url, canonical_url, title, byline, published, modified, publisher,
                    site_name, lang, description, image, section, text, html, word_count, warnings}
  --format FORMAT   body as text (default), markdown or html; with --json, markdown adds "markdown"
  --url URL         a file's page URL, to resolve relative links when the page does not say
${fetchFlagsHelp(20)}
  --config FILE     YAML or JSON config file (env NEWSDESK_CONFIG), for fetch settings
  -h, --help        this help

Exit codes: 0 extracted; 1 no article body found, or the URL cannot be fetched; 2 bad usage, or a
refused input (no such file, over the size cap, a private address).
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
  page.warnings.unshift(...decoded.warnings);
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

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    json: { type: 'boolean' },
    url: { type: 'string' },
    format: { type: 'string' },
    config: { type: 'string' },
    ...FETCH_FLAGS,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = (values.format ?? 'text') as BodyFormat;
  if (!BODY_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${BODY_FORMATS.join(', ')}, got "${values.format}"`);
  if (positionals.length !== 1) throw new UsageError(`expects exactly one file or URL, got ${positionals.length}`);
  const input = positionals[0]!;
  checkUrlFlag(input, values.url);
  let label = input;
  const results = await withOneInput(input, values, (one) => {
    label = one.path ?? one.label;
    return extractOne(one, values.url, format);
  });

  if (values.json) {
    const json = results.map((r) => r.page);
    process.stdout.write(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
  } else {
    for (const { page, markdown } of results) {
      const meta = [page.publisher, page.byline.join(', '), page.published ?? ''].filter(Boolean).join(' · ');
      process.stdout.write(`${page.title}\n${meta}${page.url ? `\n${page.url}` : ''}\n\n${bodyIn(page, markdown, format)}\n\n`);
    }
  }
  const empty = results.filter((r) => r.page.text === '');
  for (const { page } of empty) process.stderr.write(`newsdesk extract: ${label}: ${page.warnings.join('; ') || 'no article body found'}\n`);
  return empty.length > 0 ? 1 : 0;
};
