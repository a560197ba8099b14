// Copies of articles that earlier runs brought: a syndicated copy that arrives a day after its original
// must not come back as a candidate of its own. Earlier articles take part in the grouping but are never
// made copies here: what a run shows of them was decided by the run that brought them.
import type { Article, DuplicateGroup } from '../model.js';
import { articleShingles, dedupeItem, findDuplicates, groupDuplicates, groupDuplicatesPaged, type DedupeItem, type DedupeShingles, type LoadShingles } from './index.js';

/**
 * Duplicate groups of `current`, with `earlier` articles as possible originals. A group whose chosen
 * original came earlier makes this run's members copies of it; a group whose original is new keeps only
 * this run's members. Groups with no article of this run are dropped.
 */
export function findDuplicatesWithEarlier(current: Article[], earlier: Article[]): DuplicateGroup[] {
  const now = new Set(current.map((a) => a.id));
  const before = earlier.filter((a) => !now.has(a.id));
  if (before.length === 0) return findDuplicates(current);
  const byId = new Map([...current, ...before].map((a) => [a.id, a]));
  return duplicatesWithEarlier(current.map((a) => dedupeItem(a)), before.map((a) => dedupeItem(a)), (id) => articleShingles(byId.get(id)!));
}

/** findDuplicatesWithEarlier on what dedupe keeps of each article (DedupeItem). */
export function duplicatesWithEarlier(current: DedupeItem[], earlier: DedupeItem[], shinglesOf: DedupeShingles): DuplicateGroup[] {
  const { items, ofThisRun } = withEarlier(current, earlier);
  return ofThisRun(groupDuplicates(items, shinglesOf));
}

/** duplicatesWithEarlier with the shingles read a round of pairs at a time (groupDuplicatesPaged). */
export async function duplicatesWithEarlierPaged(current: DedupeItem[], earlier: DedupeItem[], load: LoadShingles): Promise<DuplicateGroup[]> {
  const { items, ofThisRun } = withEarlier(current, earlier);
  return ofThisRun(await groupDuplicatesPaged(items, load));
}

/** The items to group, this run's first, and what of the groups concerns this run. */
function withEarlier(current: DedupeItem[], earlier: DedupeItem[]): { items: DedupeItem[]; ofThisRun: (groups: DuplicateGroup[]) => DuplicateGroup[] } {
  const now = new Set(current.map((item) => item.article.id));
  const before = earlier.filter((item) => !now.has(item.article.id));
  if (before.length === 0) return { items: current, ofThisRun: (groups) => groups };
  const ofThisRun = (found: DuplicateGroup[]): DuplicateGroup[] => {
    const groups: DuplicateGroup[] = [];
    for (const group of found) {
      const copies = group.duplicateIds.filter((id) => now.has(id));
      if (copies.length === 0) continue;
      if (now.has(group.originalId)) groups.push({ ...group, duplicateIds: copies });
      else groups.push({ ...group, duplicateIds: copies, reason: `${group.reason} (the original came in an earlier run)` });
    }
    return groups;
  };
  return { items: [...current, ...before], ofThisRun };
}
