// `newsdesk summarize <file|url>`: the summary of one article with sentence provenance: extractive, or
// written by a language model and gated sentence by sentence (--llm-url/--llm-model, or summarize.backend).
import { printErr, printOut } from './terminal.js';
import { DEFAULT_SUMMARY_OPTIONS, summarizeArticle } from '../summarize/index.js';
import type { Article, Summary } from '../model.js';
import { modelSummaries, MODEL_FLAGS, modelFlagsHelp, type ModelSummaries } from './summarize-model.js';
import { FETCH_FLAGS, fetchFlagsHelp, readOneInput } from './single.js';
import { declaredLanguage, inLanguage, LANG_FLAG, langFlagHelp } from './language-flag.js';
import { parseCommandLine, UsageError, configFromFlags, type Command } from './common.js';

const HELP = `Usage: newsdesk summarize <file|url> [--json] [--url URL] [--sentences N] [--words N] [--lang CODE] [--config FILE]
                          [--allow-private] [--user-agent UA] [--llm-url URL --llm-model NAME] [--db FILE]

Summarizes one article (or each item of a feed), from a file or an http(s) URL, by selecting source
sentences verbatim, in source order, about ${DEFAULT_SUMMARY_OPTIONS.ratio * 100}% of the article within ${DEFAULT_SUMMARY_OPTIONS.minWords}–${DEFAULT_SUMMARY_OPTIONS.maxWords} words (config:
summary.ratio/minWords/maxWords). No sentence depends on one left out: a person called "Mr. Castell"
gets the full name ("Omar Castell") and a sentence opening with He/She may name the person, both as
recorded edits. A URL is fetched once (private addresses refused unless allowed). Sentences, words and
speakers are read in the article's language: en, de, fr, es, it, pt or nl (others by the English rules).

With a model server (--llm-url and --llm-model, or summarize.backend: llm in the config), the model
writes the summary from the article's numbered sentences and every sentence is audited against the
article: kept (method "llm"), repaired by one re-prompt ("llm-repaired"), replaced by the source
sentences it paraphrased ("extractive"), or dropped. The API key is read from NEWSDESK_LLM_API_KEY
only. Answers are cached (see --db), so summarizing the same article again makes no request. When the
model cannot be reached, the extractive summary is printed with a note on stderr (exit 0).

Options:
  --json            print {summary, sentences:[{text, source:[{sentence, start, end}], edits}]}
                    where an edit is {kind: "pronoun", from, to, at} (at: offset in the source sentence);
                    with a model, each sentence has its method and gate:{kept, repaired, replaced, dropped}
  --sentences N     at most N sentences
  --words N         at most N words (overrides summary.maxWords)
  --url URL         the article's URL, when the file does not say
${langFlagHelp(20)}
${fetchFlagsHelp(20)}
${modelFlagsHelp(20)}
  --config FILE     YAML or JSON config file
  -h, --help        this help

Exit: 0 summarized (by the model, or by extraction when the model failed); 1 no article found, or the URL
cannot be fetched; 2 bad usage, or a refused input (no such file, over the size cap, a private address for
the article or the model).
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    json: { type: 'boolean' },
    url: { type: 'string' },
    sentences: { type: 'string' },
    words: { type: 'string' },
    config: { type: 'string' },
    ...FETCH_FLAGS,
    ...MODEL_FLAGS,
    ...LANG_FLAG,
  });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  const lang = declaredLanguage(values.lang);
  const maxSentences = positiveInteger(values.sentences, '--sentences');
  const maxWords = positiveInteger(values.words, '--words');
  const config = configFromFlags(values);
  const options = {
    ...config.summary,
    ...(maxWords !== undefined ? { maxWords, minWords: Math.min(config.summary.minWords, maxWords) } : {}),
    ...(maxSentences !== undefined ? { maxSentences } : {}),
  };
  const articles = inLanguage(await readOneInput(positionals, values.url, 'summarize', values), lang);
  const byModel: ModelSummaries | undefined = config.summarize.backend === 'llm' ? await modelSummaries(articles, options, config, values) : undefined;
  for (const notice of byModel?.notices ?? []) process.stderr.write(`newsdesk summarize: note: ${notice}\n`);
  const results = articles.map((article): { article: Article; summary: Summary; gate?: unknown } => {
    const made = byModel?.gated.get(article.id);
    return made ? { article, summary: made.summary, gate: made.counts } : { article, summary: summarizeArticle(article, options) };
  });
  if (values.json) {
    const json = results.map(({ article, summary, gate }) => ({
      id: article.id,
      title: article.title,
      url: article.url,
      summary: summary.text,
      word_count: summary.wordCount,
      method: summary.method,
      ...(gate ? { gate } : {}),
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
