// Shared by the one-article commands (extract, summarize): read exactly one input into its articles.
import { resolve } from 'node:path';
import { ingest } from '../ingest/index.js';
import type { Article } from '../model.js';
import { CliError, UsageError } from './common.js';

export async function readOneInput(positionals: string[], url: string | undefined, commandName: string): Promise<Article[]> {
  if (positionals.length !== 1) {
    throw new UsageError(`expects exactly one file, got ${positionals.length}`);
  }
  if (/^https?:\/\//i.test(positionals[0]!)) {
    throw new CliError(`fetching ${positionals[0]} is not supported yet; save the page and pass the file`, 2);
  }
  const path = resolve(positionals[0]!);
  const { articles, failures } = await ingest([path], url ? { url } : {});
  const failure = failures[0];
  if (failure) throw new CliError(`${failure.path}: ${failure.reason}`);
  if (articles.length === 0) throw new CliError(`${path}: no article found; ${commandName} takes a text, HTML or feed file`);
  return articles;
}

/** The JSON shape of an extracted article (snake_case, as every JSON output of newsdesk). */
export function articleJson(article: Article): Record<string, unknown> {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    byline: article.byline,
    published: article.published ?? null,
    publisher: article.publisher,
    publisher_name: article.publisherName,
    lang: article.lang ?? null,
    syndicated_from: article.syndicatedFrom ?? null,
    word_count: article.text.split(/\s+/).filter(Boolean).length,
    text: article.text,
    warnings: article.warnings,
  };
}
