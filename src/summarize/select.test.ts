import { describe, it, expect } from 'vitest';
import type { ScoredSentence } from './features.js';
import { selectSentences } from './select.js';
import { termVector } from './vectors.js';
import type { Standing } from './standalone.js';

/** Synthetic sentences: ten words each, a distinct term each unless `terms` says otherwise. */
function scored(scores: number[], terms: number[][] = []): ScoredSentence[] {
  return scores.map((score, index) => ({
    sentence: { index, text: `s${index}`, start: index * 10, end: index * 10 + 5, paragraph: index },
    words: 10,
    vector: termVector((terms[index] ?? [100 + index]).map((id): [number, number] => [id, 1])),
    score,
  }));
}

const standalone: Standing = { kind: 'standalone' };
const dependent: Standing = { kind: 'needs-antecedent', reason: 'test' };
const excluded: Standing = { kind: 'excluded', reason: 'test' };

describe('selectSentences', () => {
  it('takes the best sentences that fit, returned in source order', () => {
    const result = selectSentences(scored([0.2, 0.9, 0.5, 0.7]), [standalone, standalone, standalone, standalone], {
      maxWords: 25,
      maxSentences: 10,
    });
    expect(result).toEqual([1, 3]);
  });

  it('skips a dependent sentence when its antecedent does not fit too', () => {
    const result = selectSentences(scored([0.1, 0.9, 0.2]), [standalone, dependent, standalone], {
      maxWords: 15,
      maxSentences: 10,
    });
    expect(result).toEqual([2]);
  });

  it('brings in the antecedent of a high-scoring dependent sentence when it fits', () => {
    const result = selectSentences(scored([0.1, 0.9, 0.2]), [standalone, dependent, standalone], {
      maxWords: 20,
      maxSentences: 10,
    });
    expect(result).toEqual([0, 1]);
  });

  it('never selects excluded sentences or a dependent whose antecedent is excluded', () => {
    const result = selectSentences(scored([0.9, 0.8, 0.1]), [excluded, dependent, standalone], {
      maxWords: 100,
      maxSentences: 10,
    });
    expect(result).toEqual([2]);
  });

  it('prefers a novel sentence over a near-duplicate of one already chosen', () => {
    const terms = [[1, 2], [1, 2], [3, 4]];
    const result = selectSentences(scored([0.9, 0.85, 0.7], terms), [standalone, standalone, standalone], {
      maxWords: 20,
      maxSentences: 10,
    });
    expect(result).toEqual([0, 2]);
  });

  it('respects maxSentences and breaks ties by position', () => {
    const result = selectSentences(scored([0.5, 0.5, 0.5]), [standalone, standalone, standalone], {
      maxWords: 100,
      maxSentences: 1,
    });
    expect(result).toEqual([0]);
  });
});
