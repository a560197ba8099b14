// Searching the desk: the store finds articles by their words; this adds where each stands on the desk
// (its story and usage in the latest run, or as the store remembers it). The CLI and the editor share it.
import type { Usage } from './model.js';
import type { Store } from './store/index.js';
import { deskState } from './desk.js';

/** Most results a search returns unless asked for fewer. */
export const SEARCH_LIMIT = 50;

export interface SearchResult {
  id: string;
  /** The article's story in the latest run, or the newest stored story that holds it; null for none. */
  story: string | null;
  title: string;
  publisher: string;
  /** Its usage on the desk; null when no run has ranked it. */
  usage: Usage | null;
  snippet: string;
}

export async function searchDesk(store: Store, query: string, limit = SEARCH_LIMIT): Promise<SearchResult[]> {
  const hits = await store.searchArticles(query, limit);
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.articleId);
  const state = await deskState(store);
  const ranked = new Map(state?.result.candidates.map((c) => [c.articleId, c]) ?? []);
  const memory = await store.recall(ids);
  const unranked = ids.filter((id) => !ranked.has(id));
  const stories = unranked.length > 0 ? await store.loadStories({ articleIds: unranked }) : [];
  const storyOf = (id: string): string | null => ranked.get(id)?.storyId || stories.find((s) => s.story.articleIds.includes(id))?.story.id || null;
  return hits.map((h) => ({
    id: h.articleId,
    story: storyOf(h.articleId),
    title: h.title,
    publisher: h.publisher,
    usage: ranked.get(h.articleId)?.usage ?? memory.get(h.articleId)?.usage ?? null,
    snippet: h.snippet,
  }));
}
