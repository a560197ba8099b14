// Copies of articles that earlier runs brought: a syndicated copy that arrives a day after its original
// must not come back as a candidate of its own. Earlier articles take part in the grouping but are never
// made copies here: what a run shows of them was decided by the run that brought them.
import type { Article, DuplicateGroup } from '../model.js';
import { findDuplicates } from './index.js';

/**
 * Duplicate groups of `current`, with `earlier` articles as possible originals. A group whose chosen
 * original came earlier makes this run's members copies of it; a group whose original is new keeps only
 * this run's members. Groups with no article of this run are dropped.
 */
export function findDuplicatesWithEarlier(current: Article[], earlier: Article[]): DuplicateGroup[] {
  const now = new Set(current.map((a) => a.id));
  const before = earlier.filter((a) => !now.has(a.id));
  if (before.length === 0) return findDuplicates(current);
  const groups: DuplicateGroup[] = [];
  for (const group of findDuplicates([...current, ...before])) {
    const copies = group.duplicateIds.filter((id) => now.has(id));
    if (copies.length === 0) continue;
    if (now.has(group.originalId)) groups.push({ ...group, duplicateIds: copies });
    else groups.push({ ...group, duplicateIds: copies, reason: `${group.reason} (the original came in an earlier run)` });
  }
  return groups;
}
