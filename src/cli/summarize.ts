// `newsdesk summarize <file|url>`: the extractive summary of one article with sentence provenance.
import { printErr, printOut } from './terminal.js';
import { DEFAULT_SUMMARY_OPTIONS, summarizeArticle } from '../summarize/index.js';
import { FETCH_FLAGS, fetchFlagsHelp, readOneInput } from './single.js';
import { parseCommandLine, UsageError, configFromFlags, type Command } from './common.js';

const HELP = `Usage: newsdesk summarize <file|url> [--json] [--url URL] [--sentences N] [--words N] [--config FILE]
                          [--allow-private] [--user-agent UA]

Summarizes one article (or each item of a feed), from a file or an http(s) URL, by selecting source
sentences verbatim, in source order, about ${DEFAULT_SUMMARY_OPTIONS.ratio * 100}% of the article within ${DEFAULT_SUMMARY_OPTIONS.minWords}–${DEFAULT_SUMMARY_OPTIONS.maxWords} words (config:
summary.ratio/minWords/maxWords). No sentence depends on one left out: a person called "Mr. Castell"
gets the full name ("Omar Castell") and a sentence opening with He/She may name the person, both as
recorded edits. A URL is fetched once (private addresses refused unless allowed).

Options:
  --json            print {summary, sentences:[{text, source:[{sentence, start, end}], edits}]}
                    where an edit is {kind: "pronoun", from, to, at} (at: offset in the source sentence)
  --sentences N     at most N sentences
  --words N         at most N words (overrides summary.maxWords)
  --url URL         the article's URL, when the file does not say
${fetchFlagsHelp(20)}
  --config FILE     YAML or JSON config file
  -h, --help        this help

Exit: 0 summarized; 1 no article found, or the URL cannot be fetched; 2 bad usage, or a refused input
(no such file, over the size cap, a private address).
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    json: { type: 'boolean' },
    url: { type: 'string' },
    sentences: { type: 'string' },
    words: { type: 'string' },
    config: { type: 'string' },
    ...FETCH_FLAGS,
  });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  const maxSentences = positiveInteger(values.sentences, '--sentences');
  const maxWords = positiveInteger(values.words, '--words');
  const config = configFromFlags({ config: values.config });
  const options = {
    ...config.summary,
    ...(maxWords !== undefined ? { maxWords, minWords: Math.min(config.summary.minWords, maxWords) } : {}),
    ...(maxSentences !== undefined ? { maxSentences } : {}),
  };
  const articles = await readOneInput(positionals, values.url, 'summarize', values);
  const results = articles.map((article) => ({ article, summary: summarizeArticle(article, options) }));
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
    printOut(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
  } else {
    for (const { article, summary } of results) printOut(`${article.title}\n\n${summary.text}\n\n`);
  }
  return 0;
};

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} takes a whole number of at least 1, not "${value}"`);
  return number;
}
