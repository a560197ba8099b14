import { describe, it, expect } from 'vitest';
import { cosine, leaveOneOutCentrality, termVector, tfIdfVectors } from './vectors.js';

describe('term vectors', () => {
  it('computes cosine over shared ids only, whatever the input order', () => {
    const a = termVector([[3, 1], [1, 2]]);
    const b = termVector([[1, 2], [5, 4]]);
    expect(cosine(a, b)).toBeCloseTo(4 / (Math.sqrt(5) * Math.sqrt(20)), 12);
    expect(cosine(a, a)).toBeCloseTo(1, 12);
    expect(cosine(a, termVector([]))).toBe(0);
  });

  it('weighs terms rarer across sentences above terms in every sentence', () => {
    const { vectors, vocabulary } = tfIdfVectors([
      new Map([['harbor', 1], ['seawall', 1]]),
      new Map([['harbor', 1], ['grant', 1]]),
    ]);
    expect(vocabulary).toBe(3);
    const first = vectors[0];
    if (!first) throw new Error('missing vector');
    // ids follow first appearance: harbor 0, seawall 1.
    expect(first.weights[1]).toBeGreaterThan(first.weights[0] ?? Infinity);
  });

  it('scores the sentence sharing most with the rest of the article as most central', () => {
    const vectors = [termVector([[0, 1], [1, 1]]), termVector([[0, 1], [2, 1]]), termVector([[3, 1]])];
    const centrality = leaveOneOutCentrality(vectors, 4);
    expect(centrality[2]).toBe(0);
    expect(centrality[0]).toBeGreaterThan(0);
    expect(centrality[0]).toBeCloseTo(centrality[1] ?? 0, 12);
  });
});
