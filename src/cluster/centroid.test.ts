import { describe, expect, it } from 'vitest';
import { Centroid, TermNumbers } from './centroid.js';

/** The plain way: a map from term to summed weight, the squared length grown term by term. */
function plainSum(vectors: Array<Map<string, number>>): { weights: Map<string, number>; norm2: number } {
  const weights = new Map<string, number>();
  let norm2 = 0;
  for (const vector of vectors) {
    for (const [term, weight] of vector) {
      const before = weights.get(term) ?? 0;
      weights.set(term, before + weight);
      norm2 += 2 * before * weight + weight * weight;
    }
  }
  return { weights, norm2 };
}

/** A fixed pseudo-random sequence, so the test reads the same vectors every time. */
function randomVectors(count: number, seed: number): Array<Map<string, number>> {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const vector = new Map<string, number>();
    const size = 3 + Math.floor(next() * 40);
    for (let k = 0; k < size; k++) vector.set(`term${Math.floor(next() * 120)}`, next());
    return vector;
  });
}

describe('Centroid', () => {
  it('sums vectors to exactly the weights and squared length a map gives, whatever order terms are numbered in', () => {
    const vectors = randomVectors(25, 7);
    const plain = plainSum(vectors);
    const numbers = new TermNumbers();
    const centroid = new Centroid();
    let norm2 = 0;
    for (const vector of vectors) {
      const terms = [...vector.keys()].map((t) => numbers.number(t));
      norm2 = centroid.add(terms, [...vector.values()], norm2);
    }
    expect(norm2).toBe(plain.norm2);
    expect(centroid.size).toBe(plain.weights.size);
    for (const [term, weight] of plain.weights) expect(centroid.get(numbers.number(term))).toBe(weight);
    const listed = [...centroid.entries()];
    expect(listed.map(([n]) => n)).toEqual([...listed.map(([n]) => n)].sort((a, b) => a - b));
  });

  it('gives 0 for a term it lacks, and nothing once cleared', () => {
    const numbers = new TermNumbers();
    const centroid = new Centroid();
    centroid.add([numbers.number('harbor'), numbers.number('ferry')], [0.6, 0.8], 0);
    expect(centroid.get(numbers.number('bridge'))).toBe(0);
    expect(centroid.get(numbers.number('ferry'))).toBe(0.8);
    expect(numbers.term(numbers.number('harbor'))).toBe('harbor');
    centroid.clear();
    expect(centroid.size).toBe(0);
    expect(centroid.get(numbers.number('ferry'))).toBe(0);
  });
});
