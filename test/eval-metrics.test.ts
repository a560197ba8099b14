import { describe, expect, it } from 'vitest';
import { bcubed, pairScores, pairsOf } from '../eval/cluster/metrics.js';

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
