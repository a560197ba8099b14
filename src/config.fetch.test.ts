import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { DEFAULT_FETCH_OPTIONS } from './fetch/index.js';

const configFile = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-config-')), 'newsdesk.yaml');
  writeFileSync(path, text);
  return path;
};

describe('fetch configuration', () => {
  it('defaults to the guard on and the documented limits', () => {
    const config = loadConfig({ env: {} });
    expect(config.fetch).toEqual(DEFAULT_FETCH_OPTIONS);
    expect(config.fetch.allowPrivate).toBe(false);
    expect(config.fetch.maxBytes).toBe(10 * 1024 * 1024);
  });

  it('reads fetch keys from the file; environment and flags override it', () => {
    const file = configFile('fetch:\n  userAgent: "Millbrook Desk/1.0"\n  perHost: 1\n  hostDelayMs: 1000\n  allowPrivate: false\n');
    const fromFile = loadConfig({ file, env: {} });
    expect(fromFile.fetch).toMatchObject({ userAgent: 'Millbrook Desk/1.0', perHost: 1, hostDelayMs: 1000, allowPrivate: false });
    const overridden = loadConfig({ file, env: { NEWSDESK_ALLOW_PRIVATE: '1' }, flags: { userAgent: 'Other/2' } });
    expect(overridden.fetch).toMatchObject({ userAgent: 'Other/2', allowPrivate: true, perHost: 1 });
  });

  it('refuses unknown keys and values of the wrong type, naming them', () => {
    expect(() => loadConfig({ file: configFile('fetch:\n  timeout: 5\n'), env: {} })).toThrow(/unknown key "fetch.timeout"/);
    expect(() => loadConfig({ file: configFile('fetch:\n  allowPrivate: "yes"\n'), env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ file: configFile('fetch:\n  perHost: 0\n'), env: {} })).toThrow(/"fetch.perHost" in .* must be a whole number ≥ 1; got 0$/);
  });

  it('says for each number the bound it has: counts and times whole, a limit or a timeout at least 1', () => {
    const refused = (text: string) => () => loadConfig({ file: configFile(`fetch:\n  ${text}\n`), env: {} });
    expect(refused('perHost: -3')).toThrow(/"fetch.perHost" in .* must be a whole number ≥ 1; got -3$/);
    expect(refused('concurrency: 2.5')).toThrow(/"fetch.concurrency" in .* must be a whole number ≥ 1; got 2.5$/);
    expect(refused('maxBytes: 0')).toThrow(/"fetch.maxBytes" in .* must be a whole number ≥ 1; got 0$/);
    expect(refused('readTimeoutMs: 0')).toThrow(/"fetch.readTimeoutMs" in .* must be a whole number ≥ 1/);
    expect(refused('retries: -1')).toThrow(/"fetch.retries" in .* must be a whole number ≥ 0; got -1$/);
    expect(refused('hostDelayMs: many')).toThrow(/"fetch.hostDelayMs" in .* must be a whole number ≥ 0; got "many"$/);
    // 0 is a value these take: no retries, no pause between starts on one host.
    expect(loadConfig({ file: configFile('fetch:\n  retries: 0\n  hostDelayMs: 0\n'), env: {} }).fetch).toMatchObject({ retries: 0, hostDelayMs: 0 });
  });
});

describe('queue configuration', () => {
  it('defaults to the documented retries and lease, and reads queue keys from the file', () => {
    expect(loadConfig({ env: {} }).queue).toEqual({ retries: 3, retryDelaySeconds: 5, leaseSeconds: 600, leaseCheckSeconds: 30 });
    const config = loadConfig({ file: configFile('queue:\n  retries: 0\n  leaseSeconds: 120\n'), env: {} });
    expect(config.queue).toEqual({ retries: 0, retryDelaySeconds: 5, leaseSeconds: 120, leaseCheckSeconds: 30 });
  });

  it('refuses unknown keys, fractions, and a lease or delay of 0, naming them', () => {
    expect(() => loadConfig({ file: configFile('queue:\n  lease: 5\n'), env: {} })).toThrow(/unknown key "queue.lease"/);
    expect(() => loadConfig({ file: configFile('queue:\n  retryDelaySeconds: 1.5\n'), env: {} })).toThrow(/"queue.retryDelaySeconds" in .* must be a whole number ≥ 1/);
    expect(() => loadConfig({ file: configFile('queue:\n  leaseSeconds: 0\n'), env: {} })).toThrow(/"queue.leaseSeconds" in .* must be a whole number ≥ 1/);
  });
});
