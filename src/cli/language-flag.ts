// `--lang CODE` for the one-article commands that read text (summarize, audit): the article's language
// as the user declares it, ahead of what the article declares and of what its words show.
import type { Article } from '../model.js';
import { DESK_LANGUAGES, hasProfile } from '../text/languages/index.js';
import { UsageError } from './common.js';

export const LANG_FLAG = { lang: { type: 'string' } } as const;

/** The help line for LANG_FLAG, its description starting at `column` as the command's own options do. */
export function langFlagHelp(column: number): string {
  return `${'  --lang CODE'.padEnd(column)}the article's language (${DESK_LANGUAGES.join(', ')}): where its sentences end, which words
${' '.repeat(column)}matter, who speaks; default: the language the article declares, else the one its words show`;
}

/** The --lang value checked, or undefined when not given. */
export function declaredLanguage(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const tag = value.trim();
  if (!hasProfile(tag)) throw new UsageError(`--lang must be one of ${DESK_LANGUAGES.join(', ')} (a region like de-AT is fine), got "${value}"`);
  return tag;
}

/** The articles read in the declared language, when one was declared. */
export function inLanguage(articles: Article[], lang: string | undefined): Article[] {
  return lang === undefined ? articles : articles.map((article) => ({ ...article, lang }));
}
