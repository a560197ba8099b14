import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from '../src/config.js';
import { STORY_SIMILARITY, STORY_WINDOW_HOURS } from '../src/cluster/index.js';
import { tempDir } from './helpers/cli.js';

describe('cluster configuration', () => {
  it('defaults to the measured constants', () => {
    expect(DEFAULT_CONFIG.cluster).toEqual({ similarity: STORY_SIMILARITY, windowHours: STORY_WINDOW_HOURS });
  });

  it('reads cluster.similarity and cluster.windowHours from a file and refuses nonsense', () => {
    const dir = tempDir();
    const good = join(dir, 'good.yaml');
    writeFileSync(good, 'cluster:\n  windowHours: 24\n');
    expect(loadConfig({ file: good, env: {} }).cluster).toEqual({ similarity: STORY_SIMILARITY, windowHours: 24 });
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'cluster:\n  similarity: 3\n');
    expect(() => loadConfig({ file: bad, env: {} })).toThrow(ConfigError);
    const unknown = join(dir, 'unknown.yaml');
    writeFileSync(unknown, 'cluster:\n  threshold: 0.2\n');
    expect(() => loadConfig({ file: unknown, env: {} })).toThrow(/cluster\.threshold/);
  });
});
