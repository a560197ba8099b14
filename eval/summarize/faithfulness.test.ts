// Faithfulness by construction, on every article of the evaluation set: no summary sentence that is
// neither verbatim nor a recorded edit, no quotation without its speaker, no dangling opening pronoun.
import { describe, expect, it } from 'vitest';
import { summarizeArticle } from '../../src/summarize/index.js';
import { checkFaithfulness } from '../../src/summarize/faithfulness.js';
import { makeArticle } from '../../test/helpers/articles.js';
import { loadEvalArticles } from './corpus.js';

describe('summaries of the evaluation set', () => {
  const items = loadEvalArticles();

  it('has at least 30 articles of 400–900 words, each with a reference', () => {
    expect(items.length).toBeGreaterThanOrEqual(30);
    for (const item of items) {
      const words = item.text.split(/\s+/).filter(Boolean).length;
      expect(words, item.id).toBeGreaterThanOrEqual(400);
      expect(words, item.id).toBeLessThanOrEqual(900);
      expect(item.reference.split(/\s+/).length, item.id).toBeGreaterThanOrEqual(100);
    }
  });

  it.each(items.map((item) => [item.id, item] as const))('%s: every sentence is faithful', (_, item) => {
    const summary = summarizeArticle(makeArticle({ id: item.id, title: item.title, text: item.text }));
    expect(summary.sentences.length).toBeGreaterThan(0);
    const counts = checkFaithfulness(item.text, summary);
    expect(counts).toMatchObject({ unsupported: 0, quotesWithoutSpeaker: 0, unresolvedPronouns: 0 });
    expect(counts.verbatim + counts.edited).toBe(counts.sentences);
    // No quotation is cut off mid-way: its opening never enters without the sentence that closes it.
    expect((summary.text.match(/"/g) ?? []).length % 2, summary.text).toBe(0);
    expect((summary.text.match(/“/g) ?? []).length).toBe((summary.text.match(/”/g) ?? []).length);
  });
});
