// `newsdesk extract <file> --json`: one article's body and metadata.
import { articleJson, readOneInput } from './single.js';
import { parseCommandLine, type Command } from './common.js';

const HELP = `Usage: newsdesk extract <file> [--json] [--url URL]

Extracts the article from a plain-text or HTML file (or every item of a feed file): title, byline,
dates, publisher, language and body text.

Options:
  --json       print JSON: {url, title, byline, published, publisher, lang, text, ...}
  --url URL    the article's URL, when the file does not say
  -h, --help   this help
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean' }, url: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const articles = await readOneInput(positionals, values.url, 'extract');
  if (values.json) {
    const json = articles.map(articleJson);
    process.stdout.write(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
  } else {
    for (const a of articles) {
      process.stdout.write(`${a.title}\n${a.publisherName}${a.published ? ` · ${a.published}` : ''}${a.url ? ` · ${a.url}` : ''}\n\n${a.text}\n\n`);
    }
  }
  return articles.some((a) => a.text === '') ? 1 : 0;
};
