// Processes opening one new SQLite database at the same moment, as two `newsdesk run`s started together do.
// SQLite answers a switch to WAL "database is locked" at once, without its busy handler, while another
// process is switching the same file: the store must wait its turn instead of failing the command.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from './helpers/cli.js';

const STORE = join(REPO, 'dist/src/store/sqlite/index.js');
const PROCESSES = 6;
/** New databases each process opens; a race is lost on some of them, not on every one. */
const DATABASES = 24;
/** Gap between the moments all processes open the next database: room for every one to get there. */
const STEP_MS = 60;

/** A process that opens database i at `start + i * STEP_MS` and prints one line per database it could not open. */
function opener(dir: string, start: number): Promise<string> {
  const script = `
    const { openSqliteStore } = await import(${JSON.stringify(STORE)});
    const pause = (ms) => ms > 0 && Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    for (let i = 0; i < ${DATABASES}; i++) {
      pause(${start} + i * ${STEP_MS} - Date.now());
      try { await openSqliteStore(${JSON.stringify(dir)} + '/desk-' + i + '.db').close(); }
      catch (error) { console.log(i + ': ' + error.message); }
    }`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', () => resolve(out));
  });
}

describe('sqlite store opened by several processes at once', () => {
  it('opens every new database in every process: none is refused as locked', async () => {
    const dir = tempDir();
    // Far enough ahead for every process to have started and loaded the store.
    const start = Date.now() + 3000;
    const failures = (await Promise.all(Array.from({ length: PROCESSES }, () => opener(dir, start)))).join('');
    expect(failures).toBe('');
  });
});
