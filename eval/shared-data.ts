// Where the shared data lives: `shared/` beside the repository, or beside any folder above it (a git
// worktree sits deeper than the main checkout). Found by walking up from this file, so the same answer
// comes from the TypeScript sources (tests) and from dist/ (evals, benches). Read in place, never copied.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** `<ancestor>/shared/<parts…>` for the nearest ancestor where it exists, else undefined. */
export function findShared(...parts: string[]): string | undefined {
  for (let dir = HERE; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', ...parts);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The checkout's root: the nearest folder above this file with a package.json. */
function checkout(): string {
  let dir = HERE;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The folder of a shared data set, with a trailing slash; where it belongs beside the checkout when absent. */
export function sharedDataDir(name: string): string {
  return `${findShared('data', name) ?? join(dirname(checkout()), 'shared', 'data', name)}/`;
}
