// Where the shared data sets live: `shared/data/<name>` beside the repository, or beside any folder
// above it (a git worktree sits one level deeper than the main checkout). Read in place, never copied.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** From dist/eval/ (compiled) the repository root is two levels up. */
const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The first `<ancestor>/shared/data/<name>/` above the repository that exists, else the one beside it. */
export function sharedDataDir(name: string): string {
  for (let dir = dirname(REPO); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'data', name) + '/';
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(dirname(REPO), 'shared', 'data', name) + '/';
  }
}
