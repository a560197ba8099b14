// The evaluation set: original fictional news articles, each with a reference summary written by hand
// before any system output on it was read. One JSON file per article: {id, title, text, reference}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/model.js';

export interface EvalArticle {
  id: string;
  title: string;
  text: string;
  reference: string;
}

/** The data sits beside the sources in the repository, not in dist/, so it is found from the repo root. */
export function repoRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes(`${join('dist', 'eval')}`) ? join(here, '..', '..', '..') : join(here, '..', '..');
}

export function evalArticlesDir(): string {
  return join(repoRoot(), 'eval', 'summarize', 'articles');
}

/**
 * Articles written to be full of references a summary can leave dangling (a surname before the full name,
 * "the crowd" after a cut introduction, "Currently," without its context), each with a reference summary
 * written by hand before the summarizer ran on it. Scored apart from the ROUGE set above, whose numbers
 * the README compares across versions.
 */
export function trapArticlesDir(): string {
  return join(repoRoot(), 'eval', 'summarize', 'traps');
}

/** An evaluation text as the summarizer takes it: a plain-text article of a fictional publisher, in `lang` when given. */
export function evalArticle(item: { id: string; title: string; text: string }, lang?: string): Article {
  return {
    id: item.id,
    url: '',
    title: item.title,
    byline: [],
    publisher: 'eval',
    publisherName: 'Evaluation set',
    ...(lang ? { lang } : {}),
    text: item.text,
    origin: { kind: 'text', path: item.id },
    warnings: [],
  };
}

export function loadEvalArticles(dir = evalArticlesDir()): EvalArticle[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Partial<EvalArticle>;
      if (!data.id || !data.title || !data.text || !data.reference) {
        throw new Error(`${join(dir, name)}: needs id, title, text and reference`);
      }
      return data as EvalArticle;
    });
}
