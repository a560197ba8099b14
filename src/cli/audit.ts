// `newsdesk audit --source <file|url> --summary <file|->`: checks any summary against its source, sentence by sentence.
import { printErr, printOut, STYLE, terminalText } from './terminal.js';
import { readLocalFile, readStandardInput } from '../ingest/local-file.js';
import { isBinary } from '../ingest/index.js';
import type { Article, AuditReport } from '../model.js';
import { auditSummary, auditSummaryWith, summaryBody, tally, VERDICTS, type AuditBackend } from '../audit/index.js';
import { wordKeys } from '../audit/align.js';
import { english, languageProfile, type LanguageProfile } from '../text/languages/index.js';
import { FETCH_FLAGS, fetchFlagsHelp, readOneInput, type FetchFlagValues } from './single.js';
import { declaredLanguage, LANG_FLAG, langFlagHelp } from './language-flag.js';
import { CliError, fileError, parseCommandLine, UsageError, withConfigErrors, type Command } from './common.js';

const HELP = `Usage: newsdesk audit --source <article file|url> --summary <file|-> [--json] [--lang CODE]
                      [--llm-url URL --llm-model NAME]
                      [--allow-private] [--user-agent UA] [--config FILE]

Checks every sentence of a summary against the article it summarizes and says whether the article
supports it, and which article sentences are the evidence. Verdicts: supported, unsupported (no
evidence), misattributed (said or done by someone else, or "both said" when one person did),
contradicted (numbers, dates, roles or negation differ). Findings name the kind of problem: speaker,
overgeneralization, number, date, role, negation, entity-not-in-source, quote-not-verbatim, quote-speaker.

The source is a plain-text or HTML article, a file or an http(s) URL (fetched once; private addresses
refused unless allowed). The summary is plain text, or a per-article Markdown file (front matter +
"## Article summary"), in which case only that section is audited; "-" reads stdin. Both are read in
the article's language (en, de, fr, es, it, pt, nl): its numbers ("4,2 Mio."), dates, negation words
and verbs of speech ("sagte", "a déclaré", "afirmó"); a summary is audited in the language of its article.

Options:
  --source FILE    the article, or its http(s) URL
  --summary FILE   the summary, or - for standard input
  --url URL        the article's URL, when the file does not say
${langFlagHelp(19)}
${fetchFlagsHelp(19)}
  --llm-url URL    also ask an OpenAI-compatible model (e.g. http://localhost:11434/v1) whether each
                   sentence the rules support is entailed; it can only flag more (or audit.backend: llm
                   in the config). The API key, if any, is read from NEWSDESK_LLM_API_KEY only
  --llm-model NAME the model to ask (or audit.llm.model)
  --config FILE    YAML or JSON config file (env NEWSDESK_CONFIG), for fetch and audit settings
  --json           print {sentences:[{text, verdict, score, evidence:[{sentence, start, end, text}], findings:[{kind, detail}]}], summary:{…}}
  -h, --help       this help

Exit: 0 every sentence is supported; 1 any is not, the summary is empty or binary, the source holds no article
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
    'llm-url': { type: 'string' },
    'llm-model': { type: 'string' },
    ...FETCH_FLAGS,
    ...LANG_FLAG,
  });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; pass the files with --source and --summary`);
  if (!values.source) throw new UsageError('--source <article file> is required');
  if (!values.summary) throw new UsageError('--summary <file|-> is required');
  const declared = declaredLanguage(values.lang);

  const articles = await readSourceArticle(values.source, values.url, values);
  if (articles.length !== 1) throw new CliError(`${values.source}: holds ${articles.length} articles; audit takes one article file`, 2);
  const article = articles[0]!;
  const lang = declared ?? article.lang;
  const source = sourceText(article);
  const written = await readSummary(values.summary);
  // As run, summarize and extract refuse a binary article: its bytes would be audited as one long sentence.
  if (isBinary(written)) throw new CliError(`${values.summary}: binary file; pass the summary as text or Markdown`, 1);
  const summary = summaryBody(written);
  if (!summary) throw new CliError(`${values.summary}: the summary is empty; pass a file with summary sentences`, 1);

  const backend = await modelBackend(values);
  const report = backend ? await auditWithModel(article.id, source, summary, backend, lang) : auditSummary(article.id, source, summary, undefined, lang);
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
    printOut(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    // Already made safe piece by piece: the bold it adds must reach the terminal.
    process.stdout.write(renderHuman(report, source, useColor(), languageProfile(lang)));
  }
  return counts.supported === report.sentences.length ? 0 : 1;
};

/**
 * The model-backed backend when the flags or the config ask for it, else undefined (the rules alone).
 * Checked before any request, so a half-given setting is bad usage (exit 2), not a failed audit.
 */
async function modelBackend(values: { config?: string; 'llm-url'?: string; 'llm-model'?: string }): Promise<AuditBackend<unknown> | undefined> {
  const wanted = values['llm-url'] !== undefined || values['llm-model'] !== undefined;
  if (!wanted && !values.config && !process.env.NEWSDESK_CONFIG) return undefined;
  const { loadConfig } = await import('../config.js');
  const config = withConfigErrors(() => loadConfig(values.config ? { file: values.config } : {}));
  if (!wanted && config.audit.backend !== 'llm') return undefined;
  const url = values['llm-url'] ?? config.audit.llm.url;
  const model = values['llm-model'] ?? config.audit.llm.model;
  if (!url || !model) throw new UsageError('the model check needs both a server and a model: pass --llm-url URL and --llm-model NAME (or audit.llm.url and audit.llm.model)');
  if (!/^https?:\/\//i.test(url)) throw new UsageError(`--llm-url must be an http(s) URL, got "${url}"`);
  const [{ llmBackend }, { API_KEY_ENV }] = await Promise.all([import('../audit/llm/backend.js'), import('../audit/llm/options.js')]);
  const apiKey = process.env[API_KEY_ENV];
  return llmBackend({ ...config.audit.llm, url, model }, apiKey ? { apiKey } : {}) as AuditBackend<unknown>;
}

async function auditWithModel(articleId: string, source: string, summary: string, backend: AuditBackend<unknown>, lang: string | undefined): Promise<AuditReport> {
  try {
    return await auditSummaryWith(articleId, source, summary, backend, lang);
  } catch (error) {
    // The server failed after its retries: the audit is incomplete, which is a failure to retry (exit 1).
    throw new CliError(`audit: the model check failed: ${(error as Error).message}`, 1);
  }
}

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
export function renderHuman(report: AuditReport, source: string, color: boolean, language: LanguageProfile = english): string {
  const lines: string[] = [];
  report.sentences.forEach((s, i) => {
    lines.push(`${i + 1}. ${MARK[s.verdict]} ${s.verdict.toUpperCase()} (score ${s.score.toFixed(2)})`);
    lines.push(`   ${terminalText(s.text)}`);
    const keys = new Set(wordKeys(s.text, language));
    for (const e of s.evidence) lines.push(`   ↳ source sentence ${e.sentence + 1}: ${highlight(terminalText(source.slice(e.start, e.end)), keys, color, language)}`);
    if (s.evidence.length === 0) lines.push('   ↳ no source sentence says this');
    for (const f of s.findings) lines.push(`   ! ${f.kind}: ${terminalText(f.detail)}`);
    lines.push('');
  });
  const counts = tally(report);
  const parts = VERDICTS.filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${v}`);
  lines.push(`${report.sentences.length} summary sentence(s): ${parts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** Shared words in bold on a terminal, between asterisks elsewhere. */
function highlight(sentence: string, keys: ReadonlySet<string>, color: boolean, language: LanguageProfile): string {
  return sentence.replace(/[\p{L}\p{N}][\p{L}\p{N}’'\-]*/gu, (word) => {
    const key = wordKeys(word, language)[0];
    if (!key || !keys.has(key)) return word;
    return color ? `${STYLE.bold}${word}${STYLE.normal}` : `*${word}*`;
  });
}
