import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { bcubed, pairScores, pairsOf } from '../eval/cluster/metrics.js';
import { halfOf, scoreSnippets, snippetScore } from '../eval/trafilatura-cases.js';

const labels = (entries: Array<[string, string]>): Map<string, string> => new Map(entries);

describe('B-cubed', () => {
  it('is 1/1 for a perfect clustering', () => {
    const gold = labels([['a', 'x'], ['b', 'x'], ['c', 'y']]);
    expect(bcubed(gold, gold)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('loses precision when two gold clusters are merged and recall when one is split', () => {
    const gold = labels([['a', 'x'], ['b', 'x'], ['c', 'y']]);
    const merged = bcubed(labels([['a', '1'], ['b', '1'], ['c', '1']]), gold);
    expect(merged.recall).toBe(1);
    expect(merged.precision).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3) / 3, 10);
    const split = bcubed(labels([['a', '1'], ['b', '2'], ['c', '3']]), gold);
    expect(split.precision).toBe(1);
    expect(split.recall).toBeCloseTo((1 / 2 + 1 / 2 + 1) / 3, 10);
  });
});

describe('pair scores', () => {
  it('counts pairs within groups, in either order', () => {
    const gold = pairsOf([['a', 'b', 'c']]);
    expect(gold.size).toBe(3);
    const scores = pairScores(pairsOf([['b', 'a'], ['c', 'd']]), gold);
    expect(scores.precision).toBe(0.5);
    expect(scores.recall).toBeCloseTo(1 / 3, 10);
  });
});

describe('trafilatura snippet scoring and the frozen split', () => {
  it('counts with/without snippets with whitespace collapsed on both sides', () => {
    const counts = scoreSnippets('The ferry  runs\nagain.\n\nRead more: tides', { with: ['ferry runs again.', 'a missing line'], without: ['Read more:', 'Cookie notice'] });
    expect(counts).toEqual({ truePositives: 1, falseNegatives: 1, falsePositives: 1, trueNegatives: 1 });
    expect(snippetScore(counts)).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, accuracy: 0.5 });
  });

  it('splits by the committed rule: the first byte of SHA-256(url) below 128 is tune', () => {
    expect(halfOf('https://example.org/a')).toBe(createHash('sha256').update('https://example.org/a').digest()[0]! < 128 ? 'tune' : 'test');
    const split = JSON.parse(readFileSync(new URL('../eval/trafilatura-split.json', import.meta.url), 'utf8')) as { frozen: string; counts: { tune: number; test: number } };
    expect(split.frozen).toBe('2026-12-06');
    expect(split.counts.tune + split.counts.test).toBe(495);
  });
});
