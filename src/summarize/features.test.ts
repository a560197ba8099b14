import { describe, it, expect } from 'vitest';
import { splitSentences } from '../text/sentences.js';
import { scoreSentences } from './features.js';

// Fictional sentences written for these tests; one per paragraph, so position is controlled.
describe('scoreSentences', () => {
  it('keeps scores in [0, 1] and favours the lead', () => {
    const text = [
      'The Port Halley council voted to rebuild the harbor seawall with a state grant.',
      'The harbor seawall failed two inspections, and the state grant covers most of the cost.',
      'Engineers will close the harbor road while the seawall is rebuilt.',
    ].join('\n');
    const scores = scoreSentences(splitSentences(text)).map((s) => s.score);
    for (const score of scores) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(scores[0]).toBeGreaterThan(scores[2] ?? Infinity);
  });

  it('ranks a sentence about the article’s subject above an aside in the same paragraph', () => {
    const text =
      'The council voted to rebuild the harbor seawall. ' +
      'The harbor seawall vote followed two failed seawall inspections at the harbor. ' +
      'Lunch was served at noon in the library annex.';
    const [, onTopic, aside] = scoreSentences(splitSentences(text));
    expect(onTopic?.score).toBeGreaterThan(aside?.score ?? Infinity);
  });

  it('gives a quote attributed by name more than the same quote attributed to a pronoun', () => {
    const text =
      '“The harbor seawall will not survive another winter,” Ms. Okafor said. ' +
      '“The harbor seawall will not survive another winter,” she said.';
    const [named, pronoun] = scoreSentences(splitSentences(text));
    expect(named?.score).toBeGreaterThan(pronoun?.score ?? Infinity);
  });

  it('counts words per sentence', () => {
    const [first] = scoreSentences(splitSentences('PORT HALLEY — The council met on Monday.'));
    expect(first?.words).toBe(7);
  });
});
