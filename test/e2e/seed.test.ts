// The reference article from ../shared/seeds: a syndicated plain-text copy becomes a seed-format file.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listFiles, REPO, runCli, tempDir } from '../helpers/cli.js';
import { findShared } from '../../eval/shared-data.js';

const SEED = findShared('seeds', 'article.txt') ?? join(REPO, '../shared/seeds/article.txt');
const URL = 'https://www.nytimes.com/2025/09/03/world/americas/us-mexico-rubio-sheinbaum-crime.html';

describe.skipIf(!existsSync(SEED))('the seed article (skipped: ../shared/seeds/article.txt is absent)', () => {
  it('writes the per-article file with the seed front matter and a verbatim summary', () => {
    const work = tempDir('newsdesk-seed-');
    const result = runCli(['run', SEED, '--url', URL, '--out', 'out', '--db', 'seed.db'], work);
    expect(result.status, result.stderr).toBe(0);
    const files = listFiles(join(work, 'out')).filter((f) => f.startsWith('articles/'));
    expect(files.sort()).toEqual([
      'articles/nytimes/u-s-and-mexico-vow-to-fight-crime-while-respecting-sovereignty.md',
      'articles/nytimes/u-s-and-mexico-vow-to-fight-crime-while-respecting-sovereignty.provenance.json',
    ]);
    const markdown = readFileSync(join(work, 'out', files[0]!), 'utf8');
    const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown)!;
    const front = parse(yaml) as Record<string, unknown>;
    expect(Object.keys(front).slice(0, 5)).toEqual(['url', 'title', 'publisher', 'usage', 'initial_rank']);
    expect(front).toMatchObject({
      url: URL,
      title: 'U.S. and Mexico Vow to Fight Crime While Respecting Sovereignty',
      publisher: 'nytimes',
      usage: 'candidate',
      initial_rank: 1,
    });
    expect(body).toMatch(/^## Article summary\n/);
    expect(body).not.toMatch(/appeared first on/);

    const source = readFileSync(SEED, 'utf8');
    const run = JSON.parse(readFileSync(join(work, 'out/run.json'), 'utf8')) as {
      candidates: Array<{ text: string; summary: { sentences: Array<{ text: string; edits: unknown[] }>; wordCount: number } }>;
    };
    const article = run.candidates[0]!;
    expect(article.text).not.toMatch(/appeared first on/);
    expect(article.summary.wordCount).toBeGreaterThanOrEqual(100);
    expect(article.summary.wordCount).toBeLessThanOrEqual(120);
    // Verbatim, except where a recorded edit restores a full name (checked against the sidecar below).
    for (const sentence of article.summary.sentences) if (sentence.edits.length === 0) expect(source).toContain(sentence.text);
    expect(body.trim().split('\n')[1]).toBe(article.summary.sentences.map((s) => s.text).join(' '));

    // The sidecar the optional front-matter key points at: every sentence's offsets reproduce it.
    expect(front.summary_provenance).toBe('u-s-and-mexico-vow-to-fight-crime-while-respecting-sovereignty.provenance.json');
    const sidecar = JSON.parse(readFileSync(join(work, 'out/articles/nytimes', String(front.summary_provenance)), 'utf8')) as {
      summary: string;
      sentences: Array<{ text: string; source: Array<{ sentence: number; start: number; end: number }>; edits: unknown[] }>;
    };
    expect(sidecar.summary).toBe(body.trim().split('\n')[1]);
    expect(sidecar.sentences.length).toBe(article.summary.sentences.length);
    for (const sentence of sidecar.sentences) {
      expect(sentence.source.length).toBeGreaterThan(0);
      if (sentence.edits.length === 0) {
        expect(sentence.source.map((span) => article.text.slice(span.start, span.end)).join(' ')).toBe(sentence.text);
      }
    }
  });
});
