// Creating a folder and its missing parents, shared by the store and publishing.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p` that fails instead of hanging. Node 20's `mkdirSync(path, { recursive: true })` loops forever
 * when the kernel answers ENOENT for a folder whose parent exists (any path under /proc, for one), so a
 * mistyped `--db /proc/…` froze the command. Each missing folder is made on its own here, top down, and the
 * first refusal is thrown as it is.
 */
export function makeDirectory(path: string): void {
  const missing: string[] = [];
  for (let current = resolve(path); !existsSync(current); current = dirname(current)) {
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made by another process in the meantime: what was wanted.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  // A file where the folder should be would only fail later, at the first write into it.
  if (!statSync(path).isDirectory()) {
    throw Object.assign(new Error(`ENOTDIR: ${resolve(path)} is a file, not a folder`), { code: 'ENOTDIR' });
  }
}
