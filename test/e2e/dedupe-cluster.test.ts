// End to end: `newsdesk dedupe` and `newsdesk cluster` on the bundled demo corpus, against its labels.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

interface Labels {
  stories: Array<{ key: string; articles: Array<{ file: string; title: string }> }>;
  duplicates: Array<{ original: { file: string; title: string }; copies: Array<{ file: string; title: string }> }>;
}
const labels = JSON.parse(readFileSync(join(REPO, 'examples/demo/labels.json'), 'utf8')) as Labels;
const DEMO = join(REPO, 'examples/demo');

describe('newsdesk dedupe', () => {
  it('prints the labelled copy groups with their original and a reason', () => {
    const result = runCli(['dedupe', DEMO, '--json'], tempDir());
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as { groups: Array<{ original: { title: string }; duplicates: unknown[]; reason: string }> };
    const copies = out.groups.reduce((n, g) => n + g.duplicates.length, 0);
    expect(copies).toBe(labels.duplicates.reduce((n, d) => n + d.copies.length, 0));
    expect(out.groups.map((g) => g.original.title).sort()).toEqual(labels.duplicates.map((d) => d.original.title).sort());
    for (const group of out.groups) expect(group.reason).toMatch(/original /);
  });

  it('refuses to run without inputs (exit 2)', () => {
    const result = runCli(['dedupe'], tempDir());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/at least one file or folder/);
  });
});

describe('newsdesk cluster', () => {
  it('prints the labelled stories, each article with its similarity and reason', () => {
    const result = runCli(['cluster', DEMO, '--json'], tempDir());
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as {
      stories: Array<{ id: string; label: string; articles: Array<{ id: string; url: string; title: string; publisher: string; similarity: number; reason: string }> }>;
    };
    expect(out.stories).toHaveLength(labels.stories.length);
    for (const labelled of labels.stories) {
      const titles = new Set(labelled.articles.map((a) => a.title));
      const story = out.stories.find((s) => s.articles.some((a) => titles.has(a.title)))!;
      expect(new Set(story.articles.map((a) => a.title))).toEqual(titles);
      expect(story.id).toMatch(/^s-[0-9a-f]{12}$/);
      for (const article of story.articles) {
        expect(article.reason).toMatch(/founded the story|cosine \d\.\d\d|copy of/);
        expect(article.similarity).toBeGreaterThan(0);
      }
    }
  });
});
