import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model.js';
import { averageLink, singleLink, sweep } from './baselines.js';

const articles = ['a', 'b', 'c', 'd'].map((id) => ({ id }) as Article);
// a–b and c–d are close; b–c is a single bridge; a–c, a–d and b–d are far apart.
const sims = [
  [1, 0.9, 0.1, 0.1],
  [0.9, 1, 0.5, 0.1],
  [0.1, 0.5, 1, 0.9],
  [0.1, 0.1, 0.9, 1],
];
const groups = (labels: Map<string, string>): string[][] => {
  const byLabel = new Map<string, string[]>();
  for (const [id, label] of labels) byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
  return [...byLabel.values()].map((g) => g.sort()).sort();
};

describe('clustering baselines', () => {
  it('single-link chains two pairs through one bridge above the threshold', () => {
    expect(groups(singleLink(articles, sims, 0.4))).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('average-link keeps them apart: the mean cosine across the pairs is (0.1 + 0.1 + 0.5 + 0.1) / 4', () => {
    expect(groups(averageLink(articles, sims, 0.4))).toEqual([['a', 'b'], ['c', 'd']]);
    expect(groups(averageLink(articles, sims, 0.21))).toEqual([['a', 'b'], ['c', 'd']]);
    expect(groups(averageLink(articles, sims, 0.19))).toEqual([['a', 'b', 'c', 'd']]);
  });
});

describe('sweep', () => {
  it('takes the middle of the best plateau', () => {
    const f1 = (t: number): number => (t >= 0.3 && t <= 0.5 ? 0.9 : 0.5);
    expect(sweep((t) => ({ precision: 0, recall: 0, f1: f1(t) }), [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]).threshold).toBe(0.4);
  });
});
