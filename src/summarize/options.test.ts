import { describe, it, expect } from 'vitest';
import { DEFAULT_SUMMARY_OPTIONS, resolveSummaryOptions, wordBudget } from './options.js';

describe('wordBudget', () => {
  const defaults = resolveSummaryOptions();

  it('aims for 30% of the article, clamped to 100–120 words', () => {
    expect(wordBudget(370, defaults)).toBe(111);
    expect(wordBudget(500, defaults)).toBe(120);
    expect(wordBudget(200, defaults)).toBe(100);
    expect(wordBudget(2_000, defaults)).toBe(120);
  });

  it('never exceeds the article itself', () => {
    expect(wordBudget(60, defaults)).toBe(60);
    expect(wordBudget(0, defaults)).toBe(0);
  });

  it('lets options override ratio and bounds, the ceiling winning over the floor', () => {
    expect(wordBudget(1_000, resolveSummaryOptions({ ratio: 0.1 }))).toBe(100);
    expect(wordBudget(1_000, resolveSummaryOptions({ ratio: 0.1, minWords: 20 }))).toBe(100);
    expect(wordBudget(1_000, resolveSummaryOptions({ maxWords: 80 }))).toBe(80);
    expect(wordBudget(1_000, resolveSummaryOptions({ minWords: 400, maxWords: 350 }))).toBe(350);
  });

  it('ignores options passed as undefined', () => {
    expect(resolveSummaryOptions({ ratio: undefined, maxSentences: 3 })).toEqual({
      ...DEFAULT_SUMMARY_OPTIONS,
      maxSentences: 3,
    });
  });
});
