import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeContract } from '../contract.js';
import { DeskBusy } from '../types.js';
import { openSqliteStore } from './index.js';

const tempDb = (name = 'desk.db'): string => join(mkdtempSync(join(tmpdir(), 'newsdesk-store-')), name);

storeContract('sqlite file', {
  async open() {
    const file = tempDb();
    return { store: openSqliteStore(file), second: async () => openSqliteStore(file) };
  },
});

describe('sqlite store', () => {
  it('creates missing folders, and reopening runs no migration twice and keeps the data', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'newsdesk-store-')), 'nested', 'test.db');
    const store = openSqliteStore(file);
    const run = await store.beginRun({ startedAt: '2026-11-22T00:00:00.000Z', inputs: [] });
    await store.endRun(run, 'failed', '2026-11-22T00:00:01.000Z', 'nothing read');
    await store.close();
    const reopened = openSqliteStore(file);
    expect(await reopened.countRows('runs')).toBe(1);
    await reopened.close();
  });

  it('says which file it could not open and what to do', () => {
    // A regular file where a folder should be: no user, root included, can create the database there.
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-store-'));
    writeFileSync(join(dir, 'plain-file'), 'not a folder');
    const file = join(dir, 'plain-file', 'cannot.db');
    expect(() => openSqliteStore(file)).toThrow(new RegExp(`store: cannot open database ${file}.*--db`));
  });

  it('frees the run lock when the process holding it is killed', async () => {
    const file = tempDb();
    openSqliteStore(file).close();
    // Another process takes the lock the way a run does, says so, and is then killed with SIGKILL.
    const holder = spawn(
      process.execPath,
      ['-e', `const D = require('better-sqlite3'); const l = new D(${JSON.stringify(`${file}.lock`)}, { timeout: 0 }); l.exec('BEGIN EXCLUSIVE'); console.log('held'); setInterval(() => {}, 1000);`],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    const store = openSqliteStore(file);
    await expect(store.acquireLock('run', { wait: false })).rejects.toBeInstanceOf(DeskBusy);
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const lease = await store.acquireLock('run', { wait: false });
    await lease.release();
    await store.close();
  });
});
