// The second held-out sets (eval/audit/heldout2/, eval/cluster/heldout2/) read through the loaders the evals
// use, with the counts their READMEs state. Neither the auditor nor the clusterer runs here: these sets are
// test sets, and nothing may be tuned on them.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countBy, expectArticles, expectFaultKinds, readAuditSet } from './helpers/audit-sets.js';
import { loadLabelledSet } from '../eval/cluster/fixtures.js';

const AUDIT_DIR = fileURLToPath(new URL('../eval/audit/heldout2/', import.meta.url));
const CLUSTER_DIR = fileURLToPath(new URL('../eval/cluster/heldout2/', import.meta.url));

describe('audit set heldout2', () => {
  const { files, cases, sentences } = readAuditSet(AUDIT_DIR);

  it('has 32 articles of 200-450 words, one paragraph per line, each with 6-9 summary sentences', () => {
    expect(files).toHaveLength(32);
    expectArticles(cases, { min: 6, max: 9 });
  });

  it('has 255 sentences: 157 supported, 14 unsupported, 28 misattributed, 56 contradicted', () => {
    expect(sentences).toHaveLength(255);
    expect(countBy(sentences, (s) => s.label)).toEqual({ supported: 157, unsupported: 14, misattributed: 28, contradicted: 56 });
  });

  it('has every fault kind seven times, under the label the taxonomy gives it, each with a note', () => {
    expectFaultKinds(sentences, 7);
  });

  it('covers the hard supported kinds', () => {
    expect(countBy(sentences.filter((s) => s.label === 'supported'), (s) => s.kind)).toEqual({
      verbatim: 19,
      paraphrase: 20,
      'pronoun-attribution': 17,
      combined: 18,
      'according-to': 19,
      'social-media': 18,
      'reported-speech': 21,
      compression: 25,
    });
  });

  it('is a test set only: there is no split to tune on', () => {
    expect(existsSync(join(AUDIT_DIR, 'split.json'))).toBe(false);
  });
});

describe('cluster set heldout2', () => {
  const set = loadLabelledSet(CLUSTER_DIR);
  const byKey = new Map(set.map((item) => [item.key, item]));
  const stories = countBy(set, (item) => item.story);

  it('has 191 articles in 40 stories, 8 of them singletons, none larger than 8', () => {
    expect(set).toHaveLength(191);
    expect(Object.keys(stories)).toHaveLength(40);
    expect(Object.values(stories).filter((n) => n === 1)).toHaveLength(8);
    expect(Math.max(...Object.values(stories))).toBeLessThanOrEqual(8);
  });

  it('gives every article a unique key, url and id, a headline and a body of 80-350 words', () => {
    expect(new Set(set.map((i) => i.key)).size).toBe(set.length);
    expect(new Set(set.map((i) => i.article.url)).size).toBe(set.length);
    expect(new Set(set.map((i) => i.article.id)).size).toBe(set.length);
    for (const { key, article } of set) {
      expect(article.title, key).not.toBe('');
      const words = article.text.split(/\s+/).length;
      expect(words, key).toBeGreaterThanOrEqual(80);
      expect(words, key).toBeLessThanOrEqual(350);
    }
  });

  it('keeps each story within three days of its first article', () => {
    const times = new Map<string, number[]>();
    for (const { story, article } of set) times.set(story, [...(times.get(story) ?? []), Date.parse(article.published!)]);
    for (const [story, list] of times) expect(Math.max(...list) - Math.min(...list), story).toBeLessThanOrEqual(72 * 3_600_000);
  });

  it('labels 71 copies, each of an original in its own story, and the reader reproduces their text', () => {
    const copies = set.filter((i) => i.copyOf);
    expect(copies).toHaveLength(71);
    const same = [];
    const extended = [];
    const edited = [];
    for (const copy of copies) {
      const original = byKey.get(copy.copyOf!);
      expect(original, copy.key).toBeDefined();
      expect(original!.story, copy.key).toBe(copy.story);
      expect(original!.copyOf, copy.key).toBeUndefined();
      if (copy.article.text === original!.article.text) same.push(copy.key);
      else if (copy.article.text.startsWith(`${original!.article.text}\n\n`)) extended.push(copy.key);
      else edited.push(copy.key);
    }
    // New headline, footer or other URL: the same text. An added local paragraph: the original's text first.
    expect(same).toHaveLength(62);
    expect(extended.sort()).toEqual(['k01d', 'k07d', 'k11c', 'k19f', 'k28d']);
    expect(edited.sort()).toEqual(['k21e', 'k23f', 'k27g', 'k31f']);
  });

  it('reads the syndication footer of the 27 aggregator copies as the original publisher', () => {
    const syndicated = set.filter((i) => i.article.syndicatedFrom);
    expect(syndicated).toHaveLength(27);
    for (const item of syndicated) {
      expect(item.copyOf, item.key).toBeDefined();
      expect(item.article.syndicatedFrom, item.key).toBe(byKey.get(item.copyOf!)!.article.publisherName);
      expect(item.article.text, item.key).not.toMatch(/appeared first on/);
    }
  });
});
