// Shared by the many-article commands (dedupe, cluster): read files and folders into unique articles.
import { printErr, printOut } from './terminal.js';
import { resolve } from 'node:path';
import { ingest } from '../ingest/index.js';
import type { Article, InputFailure } from '../model.js';
import { CliError, failureExitCode, UsageError } from './common.js';

export interface Corpus {
  articles: Article[];
  failures: InputFailure[];
}

export async function readCorpus(positionals: string[], commandName: string): Promise<Corpus> {
  if (positionals.length === 0) throw new UsageError('expects at least one file or folder');
  const url = positionals.find((p) => /^https?:\/\//i.test(p));
  if (url) throw new CliError(`fetching ${url} is not supported yet; save the page and pass the file`, 2);
  const { articles, failures } = await ingest(positionals.map((p) => resolve(p)));
  for (const failure of failures) printErr(`newsdesk ${commandName}: ${failure.path}: ${failure.reason}\n`);
  if (articles.length === 0) {
    // Exit as the failures say (2 when an input was refused), and 1 when nothing failed but nothing was found.
    throw new CliError(`no article found in ${positionals.join(', ')}; ${commandName} takes text, HTML and feed files or folders of them`, failureExitCode(failures) || 1);
  }
  // One article per id: a page and its feed item with the same URL are one article.
  const unique = new Map<string, Article>();
  for (const article of articles) if (!unique.has(article.id)) unique.set(article.id, article);
  return { articles: [...unique.values()], failures };
}

/** How an article is named in the JSON of dedupe and cluster. */
export function articleRef(article: Article): { id: string; url: string; title: string; publisher: string; published: string | null } {
  return { id: article.id, url: article.url, title: article.title, publisher: article.publisher, published: article.published ?? null };
}
