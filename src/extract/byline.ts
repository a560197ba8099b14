// Bylines arrive as one string ("By Ana Ruiz and Tom Lee"), as lists, or as an RSS author field
// ("desk@example.com (Ana Ruiz)"); the model wants a list of person names.
import { normalizeSpace } from './html-text.js';

/** Separators between names in one byline string. */
const NAME_SEPARATOR = /\s*(?:,|;|&|\band\b)\s*/i;
/** Leading words that introduce a byline rather than name someone. */
const BYLINE_PREFIX = /^(?:by|written by|story by|von|por|par)\s+/i;
/** `email (Name)`, the RSS 2.0 <author> convention. */
const RSS_AUTHOR = /^\S+@\S+\s*\((.+)\)$/;
/** Longer "names" are sentences that leaked into a byline field. */
const MAX_NAME_WORDS = 6;

/** Splits a byline string into names: strips "By", splits on "and" and commas, drops duplicates. */
export function parseByline(raw: string | undefined | null): string[] {
  if (!raw) return [];
  let text = normalizeSpace(raw);
  const rssAuthor = RSS_AUTHOR.exec(text);
  if (rssAuthor?.[1]) text = rssAuthor[1];
  text = text.replace(BYLINE_PREFIX, '');
  return uniqueNames(text.split(NAME_SEPARATOR));
}

/** Cleans and de-duplicates names from several sources, keeping first-seen order. */
export function uniqueNames(candidates: readonly string[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const candidate of candidates) {
    const name = normalizeSpace(candidate).replace(BYLINE_PREFIX, '');
    const words = name.split(' ').length;
    if (!name || words > MAX_NAME_WORDS || name.includes('@') || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}
