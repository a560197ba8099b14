// A temporary folder of a test's own for what the code under test puts in the system's temporary folder:
// TMPDIR (which os.tmpdir() reads) points at it until `restore`, which removes it, so a test can count
// what was left there without counting other tests' files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function ownTempFolder(): { path: string; restore: () => void } {
  const previous = process.env.TMPDIR;
  const path = mkdtempSync(join(tmpdir(), 'newsdesk-temp-test-'));
  process.env.TMPDIR = path;
  return {
    path,
    restore: () => {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      rmSync(path, { recursive: true, force: true });
    },
  };
}
