// `newsdesk audit --source <file|url> --summary <file|->`: checks any summary against its source, sentence by sentence.
import { readLocalFile, readStandardInput } from '../ingest/local-file.js';
import type { Article, AuditReport } from '../model.js';
import { auditSummary, summaryBody, tally, VERDICTS } from '../audit/index.js';
import { wordKeys } from '../audit/align.js';
import { FETCH_FLAGS, fetchFlagsHelp, readOneInput, type FetchFlagValues } from './single.js';
import { CliError, fileError, parseCommandLine, UsageError, type Command } from './common.js';

const HELP = `Usage: newsdesk audit --source <article file|url> --summary <file|-> [--json]
                      [--allow-private] [--user-agent UA] [--config FILE]

Checks every sentence of a summary against the article it summarizes and says whether the article
supports it, and which article sentences are the evidence. Verdicts: supported, unsupported (no
evidence), misattributed (said or done by someone else, or "both said" when one person did),
contradicted (numbers, dates, roles or negation differ). Findings name the kind of problem: speaker,
overgeneralization, number, date, role, negation, entity-not-in-source, quote-not-verbatim, quote-speaker.

The source is a plain-text or HTML article, a file or an http(s) URL (fetched once; private addresses
refused unless allowed). The summary is plain text, or a per-article Markdown file (front matter +
"## Article summary"), in which case only that section is audited; "-" reads stdin.

Options:
  --source FILE    the article, or its http(s) URL
  --summary FILE   the summary, or - for standard input
  --url URL        the article's URL, when the file does not say
${fetchFlagsHelp(19)}
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG), for fetch settings
  --json           print {sentences:[{text, verdict, score, evidence:[{sentence, start, end, text}], findings:[{kind, detail}]}], summary:{…}}
  -h, --help       this help

Exit: 0 every sentence is supported; 1 any is not, the summary is empty, the source holds no article
or the URL cannot be fetched; 2 bad usage, a source holding several articles, or a refused input (no
such file, over the size cap, a private address).
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, {
    source: { type: 'string' },
    summary: { type: 'string' },
    url: { type: 'string' },
    json: { type: 'boolean' },
    config: { type: 'string' },
    ...FETCH_FLAGS,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; pass the files with --source and --summary`);
  if (!values.source) throw new UsageError('--source <article file> is required');
  if (!values.summary) throw new UsageError('--summary <file|-> is required');

  const articles = await readSourceArticle(values.source, values.url, values);
  if (articles.length !== 1) throw new CliError(`${values.source}: holds ${articles.length} articles; audit takes one article file`, 2);
  const article = articles[0]!;
  const source = sourceText(article);
  const summary = summaryBody(await readSummary(values.summary));
  if (!summary) throw new CliError(`${values.summary}: the summary is empty; pass a file with summary sentences`, 1);

  const report = auditSummary(article.id, source, summary);
  const counts = tally(report);
  if (values.json) {
    const json = {
      source: values.source,
      sentences: report.sentences.map((s) => ({
        ...s,
        evidence: s.evidence.map((e) => ({ ...e, text: source.slice(e.start, e.end) })),
      })),
      summary: { total: report.sentences.length, ...counts },
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    process.stdout.write(renderHuman(report, source, useColor()));
  }
  return counts.supported === report.sentences.length ? 0 : 1;
};

async function readSourceArticle(path: string, url: string | undefined, flags: FetchFlagValues): Promise<Article[]> {
  // Exit codes as in every command: a missing or refused source 2, a source without an article 1.
  return readOneInput([path], url, 'audit', flags);
}

/**
 * What the article says: its body, and its title when a plain-text file's first line became the
 * title (the title is the article's too, and summaries often restate it).
 */
export function sourceText(article: Article): string {
  if (!article.title || article.text.includes(article.title) || article.syndicatedFrom) return article.text;
  return `${article.title}\n\n${article.text}`;
}

async function readSummary(path: string): Promise<string> {
  try {
    return (path === '-' ? readStandardInput() : await readLocalFile(path)).toString('utf8');
  } catch (error) {
    throw fileError(path === '-' ? 'standard input' : path, error);
  }
}

function useColor(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}

const MARK: Record<string, string> = { supported: '✓', unsupported: '?', misattributed: '✗', contradicted: '✗' };

/** Each sentence with its verdict, then its evidence with the words it shares with the summary marked. */
export function renderHuman(report: AuditReport, source: string, color: boolean): string {
  const lines: string[] = [];
  report.sentences.forEach((s, i) => {
    lines.push(`${i + 1}. ${MARK[s.verdict]} ${s.verdict.toUpperCase()} (score ${s.score.toFixed(2)})`);
    lines.push(`   ${s.text}`);
    const keys = new Set(wordKeys(s.text));
    for (const e of s.evidence) lines.push(`   ↳ source sentence ${e.sentence + 1}: ${highlight(source.slice(e.start, e.end), keys, color)}`);
    if (s.evidence.length === 0) lines.push('   ↳ no source sentence says this');
    for (const f of s.findings) lines.push(`   ! ${f.kind}: ${f.detail}`);
    lines.push('');
  });
  const counts = tally(report);
  const parts = VERDICTS.filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${v}`);
  lines.push(`${report.sentences.length} summary sentence(s): ${parts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** Shared words in bold on a terminal, between asterisks elsewhere. */
function highlight(sentence: string, keys: ReadonlySet<string>, color: boolean): string {
  return sentence.replace(/[\p{L}\p{N}][\p{L}\p{N}’'\-]*/gu, (word) => {
    const key = wordKeys(word)[0];
    if (!key || !keys.has(key)) return word;
    return color ? `\u001b[1m${word}\u001b[22m` : `*${word}*`;
  });
}
