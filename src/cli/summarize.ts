// `newsdesk summarize <file>`: the extractive summary of one article with sentence provenance.
import { summarizeArticle } from '../summarize/index.js';
import { loadConfig } from '../config.js';
import { readOneInput } from './single.js';
import { parseCommandLine, withConfigErrors, type Command } from './common.js';

const HELP = `Usage: newsdesk summarize <file> [--json] [--url URL] [--config FILE]

Summarizes one article (or each item of a feed file) by selecting source sentences verbatim, in source
order, about 30% of the article within 100–300 words (config: summary.ratio/minWords/maxWords).

Options:
  --json          print {summary, sentences:[{text, source:[{sentence, start, end}], edits}]}
  --url URL       the article's URL, when the file does not say
  --config FILE   YAML or JSON config file
  -h, --help      this help
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    json: { type: 'boolean' },
    url: { type: 'string' },
    config: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const config = withConfigErrors(() => loadConfig(values.config ? { file: values.config } : {}));
  const articles = await readOneInput(positionals, values.url, 'summarize');
  const results = articles.map((article) => ({ article, summary: summarizeArticle(article, config.summary) }));
  if (values.json) {
    const json = results.map(({ article, summary }) => ({
      id: article.id,
      title: article.title,
      url: article.url,
      summary: summary.text,
      word_count: summary.wordCount,
      method: summary.method,
      sentences: summary.sentences,
    }));
    process.stdout.write(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
  } else {
    for (const { article, summary } of results) process.stdout.write(`${article.title}\n\n${summary.text}\n\n`);
  }
  return 0;
};
