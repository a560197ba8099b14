// End to end: the compiled CLI on the bundled demo corpus, as `npm start` runs it.
import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { spawnSync } from 'node:child_process';
import { CLI, listFiles, REPO, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { wordCount } from '../../src/text/words.js';

interface Labels {
  stories: Array<{ key: string; articles: Array<{ file: string; title: string }> }>;
  duplicates: Array<{ original: { file: string; title: string }; copies: Array<{ file: string; title: string }> }>;
}
const labels = JSON.parse(readFileSync(join(REPO, 'examples/demo/labels.json'), 'utf8')) as Labels;
const SEED_KEYS = ['url', 'title', 'publisher', 'usage', 'initial_rank'];

function frontMatter(markdown: string): { keys: string[]; data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error(`no front matter in:\n${markdown.slice(0, 200)}`);
  const data = parse(match[1]!) as Record<string, unknown>;
  return { keys: Object.keys(data), data, body: match[2]! };
}

describe('newsdesk run on the demo corpus', () => {
  let work: string;
  let first: CliResult;
  let run: { counts: Record<string, number>; candidates: Array<Record<string, unknown>>; stories: unknown[] };

  beforeAll(() => {
    work = tempDir('newsdesk-e2e-');
    first = runCli(['run', '--out', 'out', '--db', 'newsdesk.db'], work);
    run = JSON.parse(readFileSync(join(work, 'out/run.json'), 'utf8'));
  });

  it('exits 0 and prints the ranked table', () => {
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n')[0]).toMatch(/^rank\s+score\s+usage\s+publisher\s+title$/);
    expect(first.stderr).toMatch(/newsdesk run: \d+ articles, \d+ stories, \d+ duplicates?, 0 failed inputs/);
  });

  it('reads every article of the corpus once, in all its input kinds', () => {
    const labelled = labels.stories.reduce((n, s) => n + s.articles.length, 0);
    expect(run.counts.articles).toBe(labelled);
    const kinds = new Set(run.candidates.map((c) => (c.origin as { kind: string }).kind));
    expect([...kinds].sort()).toEqual(['atom', 'html', 'jsonfeed', 'rss', 'text']);
  });

  it('finds the labelled copies and marks them duplicate', () => {
    const copies = labels.duplicates.reduce((n, d) => n + d.copies.length, 0);
    expect(run.counts.duplicates).toBe(copies);
    const duplicateTitles = run.candidates.filter((c) => c.usage === 'duplicate').map((c) => c.title);
    for (const group of labels.duplicates) for (const copy of group.copies) expect(duplicateTitles).toContain(copy.title);
  });

  it('clusters the corpus into its labelled stories', () => {
    expect(run.counts.stories).toBe(labels.stories.length);
  });

  it('writes one seed-format Markdown file per article with valid YAML', () => {
    const files = listFiles(join(work, 'out')).filter((f) => f.endsWith('.md') && f.startsWith('articles/'));
    expect(files).toHaveLength(run.counts.articles!);
    const ranks = new Set<unknown>();
    for (const file of files) {
      expect(file).toMatch(/^articles\/[a-z0-9-]+\/[a-z0-9-]+\.md$/);
      const { keys, data, body } = frontMatter(readFileSync(join(work, 'out', file), 'utf8'));
      expect(keys.slice(0, 5)).toEqual(SEED_KEYS);
      expect(['candidate', 'duplicate']).toContain(data.usage);
      expect(typeof data.title).toBe('string');
      expect(data.publisher).toMatch(/^[a-z0-9-]+$/);
      expect(file.split('/')[1]).toBe(data.publisher);
      ranks.add(data.initial_rank);
      expect(body).toMatch(/^## Article summary\n\S[^\n]+\n$/);
      expect(body).not.toMatch(/appeared first on/);
    }
    // initial ranks are 1..N without gaps or repeats.
    expect([...ranks].sort((a, b) => Number(a) - Number(b))).toEqual(files.map((_, i) => i + 1));
    expect(readFileSync(join(work, 'out/briefing.md'), 'utf8')).toMatch(/^# Briefing\n\n## 1\. /);
  });

  it('gives every story a digest of at most 90 words, without citation markers, naming the other publishers', () => {
    const briefing = readFileSync(join(work, 'out/briefing.md'), 'utf8');
    const sections = briefing.split(/\n## \d+\. /).slice(1);
    expect(sections.length).toBeGreaterThan(10);
    let alsoReported = 0;
    for (const section of sections) {
      // Title, blank, "Publishers: …", blank, then the digest paragraph.
      const digest = section.split('\n')[4] ?? '';
      expect(digest.length, section).toBeGreaterThan(0);
      expect(wordCount(digest), digest).toBeLessThanOrEqual(90);
      expect(digest).not.toMatch(/\[\d+\]/);
      if (/ Also reported by [^.]+\.$/.test(digest)) alsoReported += 1;
    }
    expect(alsoReported).toBeGreaterThan(5);
    // And every article summary keeps to the 120-word default.
    const run = JSON.parse(readFileSync(join(work, 'out/run.json'), 'utf8')) as { candidates: Array<{ summary: { wordCount: number } | null }> };
    for (const candidate of run.candidates) expect(candidate.summary?.wordCount ?? 0).toBeLessThanOrEqual(120);
  });

  it('is idempotent: a second run adds no rows and rewrites nothing but run.json’s generated_at', () => {
    const before = Object.fromEntries(listFiles(join(work, 'out')).map((f) => [f, readFileSync(join(work, 'out', f), 'utf8')]));
    const second = runCli(['run', '--out', 'out', '--db', 'newsdesk.db'], work);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/wrote 1 changed file to out/);
    const after = Object.fromEntries(listFiles(join(work, 'out')).map((f) => [f, readFileSync(join(work, 'out', f), 'utf8')]));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(before['run.json']).toMatch(/"generated_at":"\d{4}-/);
    for (const file of Object.keys(before)) {
      const strip = (text: string): string => (file === 'run.json' ? text.replace(/"generated_at":"[^"]+"/, '') : text);
      expect(strip(after[file]!), file).toBe(strip(before[file]!));
    }
    const db = new Database(join(work, 'newsdesk.db'), { readonly: true });
    const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('articles')).toBe(run.counts.articles);
    expect(count('summaries')).toBe(run.counts.articles);
    expect(count('rankings')).toBe(run.counts.articles);
    expect(count('stories')).toBe(run.counts.stories);
    expect(count('runs')).toBe(2);
    db.close();
  });

  it('stops quietly when a reader closes the pipe early', () => {
    // run --json prints far more than a pipe buffer holds, so the writer outlives the reader.
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" run --json --quiet --out out --db newsdesk.db | head -c 1`], { cwd: work, encoding: 'utf8' });
    expect(piped.stdout).toBe('{');
    expect(piped.stderr).not.toMatch(/EPIPE|at .*:\d+:\d+/);
  });

  it('prints the run as JSON with --json', () => {
    const result = runCli(['run', '--json', '--quiet', '--out', 'out', '--db', 'newsdesk.db'], work);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { counts: Record<string, number> };
    expect(json.counts).toEqual(run.counts);
  });
});

describe('newsdesk run with configured sources', () => {
  it('reads the config file\'s "sources" when no source is named', () => {
    const dir = tempDir('newsdesk-sources-');
    const fixtures = join(REPO, 'test/fixtures/editor');
    const config = join(dir, 'newsdesk.json');
    writeFileSync(config, JSON.stringify({ sources: [fixtures] }));
    const result = runCli(['run', '--config', config, '--json', '--quiet'], dir);
    expect(result.status, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout) as { counts: { articles: number; failures: number } };
    expect(run.counts).toMatchObject({ articles: 5, failures: 0 });
  });
});
