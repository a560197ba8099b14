// One temporary folder for a whole `npm test`, removed when the run ends: every test, helper, server and
// command it spawns makes its temporary files below it (they all ask os.tmpdir(), which reads TMPDIR), so a
// run leaves nothing behind in the system's temporary folder, whether its tests clean up or not (a run left
// about 600 MB there, the crash drill's databases most of it).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-test-'));
  // Searchable by others: a PostgreSQL server started as its own user under root keeps its files below it.
  chmodSync(root, 0o755);
  const previous = process.env.TMPDIR;
  // Set before vitest starts its test processes, which inherit it.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
