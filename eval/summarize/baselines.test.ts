import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { lead3, leadBudget, textRank } from './baselines.js';

const TEXT = [
  'The Harlow council approved a new library budget on Monday.',
  'The library budget adds money for evening hours at the Harlow library.',
  'Rain fell all afternoon.',
  'Council members said the library budget would also pay for new books at the Harlow library.',
  'A parade is planned for June.',
].join(' ');

describe('baselines', () => {
  const sentences = splitSentences(TEXT);

  it('Lead-3 is the first three sentences', () => {
    expect(lead3(sentences)).toBe(sentences.slice(0, 3).map((s) => s.text).join(' '));
  });

  it('lead to budget stops at the first sentence that would overflow', () => {
    expect(leadBudget(sentences, 22)).toBe(`${sentences[0]!.text} ${sentences[1]!.text}`);
  });

  it('TextRank prefers sentences that share words with many others, in source order, within budget', () => {
    // 28 words: two of the three library sentences fit; the off-topic ones never outrank them.
    const summary = textRank(sentences, 28);
    const picked = sentences.filter((s) => summary.includes(s.text)).map((s) => s.index);
    expect(picked).toHaveLength(2);
    expect(picked.every((i) => [0, 1, 3].includes(i))).toBe(true);
    expect(summary).toBe(picked.map((i) => sentences[i]!.text).join(' '));
  });
});
