// The reference seed pair (../shared/seeds: an article and a model-written summary of it) lives outside the
// repository and is read in place, never copied in. Found by walking up from the repository, so it is found
// from a checkout beside `shared/` and from a worktree one level further down alike.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findShared } from '../shared-data.js';

export function findSeeds(): string | undefined {
  const seeds = findShared('seeds');
  return seeds && existsSync(join(seeds, 'article.txt')) && existsSync(join(seeds, 'article-summary.md')) ? seeds : undefined;
}

/** The seed summary's prose: the `## Article summary` paragraph of the per-article file. */
export function seedSummaryProse(seeds: string): string {
  const text = readFileSync(join(seeds, 'article-summary.md'), 'utf8');
  return text.split(/^## Article summary\s*$/m)[1]?.trim() ?? '';
}
