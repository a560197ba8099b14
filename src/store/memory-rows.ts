// What the store remembers of an article for ranking (`recall`) as both backends' query returns it: the same
// columns on each, so one mapping from a row to ArticleMemory serves both.
import type { Usage } from '../model.js';
import type { ArticleMemory } from './types.js';

export type MemoryRow = { id: string; firstSeenRun: number; initialRank: number | null; usage: Usage | null; pinnedRank: number | null };

export function memoryFromRow(row: MemoryRow): ArticleMemory {
  return {
    firstSeenRun: row.firstSeenRun,
    ...(row.initialRank !== null ? { initialRank: row.initialRank } : {}),
    ...(row.usage !== null ? { usage: row.usage } : {}),
    ...(row.pinnedRank !== null ? { pinnedRank: row.pinnedRank } : {}),
  };
}
