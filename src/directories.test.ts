import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectory } from './directories.js';

describe('makeDirectory', () => {
  it('makes a folder and its missing parents, and accepts one that exists', () => {
    const base = mkdtempSync(join(tmpdir(), 'newsdesk-dirs-'));
    makeDirectory(join(base, 'a', 'b', 'c'));
    expect(statSync(join(base, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeDirectory(join(base, 'a', 'b'));
    expect(existsSync(join(base, 'a', 'b', 'c'))).toBe(true);
  });

  it('throws the refusal under a file instead of looping', () => {
    const base = mkdtempSync(join(tmpdir(), 'newsdesk-dirs-'));
    writeFileSync(join(base, 'file'), 'x');
    expect(() => makeDirectory(join(base, 'file', 'sub', 'deeper'))).toThrow(/ENOTDIR/);
  });

  it.skipIf(!existsSync('/proc/self'))('throws where the kernel refuses to create (/proc), where recursive mkdirSync spins', () => {
    expect(() => makeDirectory('/proc/newsdesk-nope/db')).toThrow(/ENOENT/);
  });
});
