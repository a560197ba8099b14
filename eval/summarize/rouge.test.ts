import { describe, expect, it } from 'vitest';
import { rouge } from './rouge.js';

// Expected values computed by hand from Lin (2004): F1 = 2PR / (P + R) over clipped n-gram matches,
// and over the longest common subsequence for ROUGE-L.
describe('rouge', () => {
  it('scores equal-length summaries that differ in one word', () => {
    // 5 of 6 unigrams match (the ×2, cat, on, mat); 3 of 5 bigrams (the cat, on the, the mat);
    // the LCS "the cat on the mat" has 5 tokens.
    const scores = rouge('The cat sat on the mat.', 'The cat lay on the mat.');
    expect(scores.rouge1).toBeCloseTo(5 / 6, 6);
    expect(scores.rouge2).toBeCloseTo(3 / 5, 6);
    expect(scores.rougeL).toBeCloseTo(5 / 6, 6);
  });

  it('balances precision and recall when the lengths differ', () => {
    // Candidate 4 tokens, reference 7. Unigrams: 4 match, P = 1, R = 4/7, F = 8/11.
    // Bigrams: only "police arrested" matches, P = 1/3, R = 1/6, F = 2/9.
    // LCS "police arrested man": P = 3/4, R = 3/7, F = 6/11.
    const scores = rouge('Police arrested the man.', 'The police arrested a man on Friday.');
    expect(scores.rouge1).toBeCloseTo(8 / 11, 6);
    expect(scores.rouge2).toBeCloseTo(2 / 9, 6);
    expect(scores.rougeL).toBeCloseTo(6 / 11, 6);
  });

  it('ignores case and punctuation, so quote marks and dashes never match', () => {
    const scores = rouge('“Yes — now,” she said.', 'yes now she said');
    expect(scores.rouge1).toBeCloseTo(1, 6);
    expect(scores.rouge2).toBeCloseTo(1, 6);
  });

  it('gives zero for summaries with no word in common', () => {
    expect(rouge('Alpha beta gamma.', 'Delta epsilon.').rouge1).toBe(0);
  });
});
