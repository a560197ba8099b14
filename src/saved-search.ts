// Saved searches: words an editor keeps looking for, as `newsdesk search` reads them. The config holds some,
// the store the editors' own; the board flags the articles each one finds.
import type { SavedSearch } from './model.js';
import type { Store } from './store/index.js';

/** Longest query kept: a few words, not a document (the editor's search box has the same limit). */
export const MAX_QUERY_LENGTH = 200;

/** The query tidied (whitespace collapsed), or what is wrong with it. */
export function readSavedSearch(query: unknown): { query: string } | string {
  if (typeof query !== 'string' || query.trim() === '') return 'give the words to search for, e.g. "dam spillway"';
  const tidy = query.trim().replace(/\s+/g, ' ');
  if (tidy.length > MAX_QUERY_LENGTH) return `the query is longer than ${MAX_QUERY_LENGTH} characters`;
  if (!/[\p{L}\p{N}]/u.test(tidy)) return `the query "${tidy}" has no word to search for`;
  return { query: tidy };
}

/** The config's searches, then the store's (oldest first); a store search the config also holds is shown once. */
export async function allSavedSearches(store: Pick<Store, 'listSavedSearches'>, configured: readonly string[]): Promise<SavedSearch[]> {
  const kept = await store.listSavedSearches();
  return [...configured.map((query) => ({ query })), ...kept.filter((s) => !configured.includes(s.query))];
}

/** Keeps a search an editor gave; the same words again give back the search already kept (or the config's). */
export async function keepSearch(store: Pick<Store, 'saveSearch'>, query: unknown, at: string, configured: readonly string[]): Promise<SavedSearch | string> {
  const read = readSavedSearch(query);
  if (typeof read === 'string') return read;
  if (configured.includes(read.query)) return { query: read.query };
  return store.saveSearch(read.query, at);
}

/** For each search, the ids among `articleIds` it finds, best match first. */
export async function savedSearchMatches(store: Pick<Store, 'searchArticles'>, searches: readonly SavedSearch[], articleIds: string[]): Promise<string[][]> {
  const matches: string[][] = [];
  for (const search of searches) matches.push((await store.searchArticles(search.query, articleIds.length, articleIds)).map((hit) => hit.articleId));
  return matches;
}

/** A saved search as `newsdesk rules --json` and the editor's API give it, with any counts added. */
export function savedSearchJson(search: SavedSearch, counts: Record<string, number> = {}): Record<string, unknown> {
  return { id: search.id ?? null, query: search.query, from: search.id === undefined ? 'config' : 'store', ...counts };
}
