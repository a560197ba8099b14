import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../test/helpers/articles.js';
import { applyEdits } from './faithfulness.js';
import { summarizeStory } from './story.js';

// Two fictional reports of one event: their leads say the same thing in different words.
const GAZETTE = makeArticle({
  id: 'gazette',
  title: 'Ferry board picks an electric boat',
  text: [
    'PORT HALLEY — The Port Halley ferry board voted 4-1 on Tuesday to buy an electric ferry for the island route, at a cost of $18.5 million.',
    'The new boat will carry 150 passengers and 30 cars and is expected to enter service in the spring of 2028.',
    'Board chair Ines Okafor said the electric ferry would cut fuel costs by about $600,000 a year.',
    'The only vote against came from Dale Brandt, who said the charging dock had not been costed.',
    'The shipyard in Gull Point will build the hull, and the batteries will come from a supplier in Calder Bay.',
  ].join('\n\n'),
});
const LEDGER = makeArticle({
  id: 'ledger',
  title: 'Electric ferry approved for island route',
  text: [
    'PORT HALLEY — An $18.5 million electric ferry will serve the island route after the Port Halley ferry board approved the purchase 4-1 on Tuesday.',
    'Island residents have complained for years about breakdowns of the 40-year-old diesel ferry, which missed 61 sailings last winter.',
    'A state clean transport grant will pay for $11 million of the cost, and the rest will come from fares and a bond.',
    'The charging dock will be built next to the existing terminal on Front Street.',
  ].join('\n\n'),
});

describe('summarizeStory', () => {
  const story = summarizeStory([GAZETTE, LEDGER]);

  it('cites the article every sentence comes from, and each is faithful to it', () => {
    expect(story.articleIds).toEqual(['gazette', 'ledger']);
    const byId = new Map([GAZETTE, LEDGER].map((a) => [a.id, a]));
    for (const sentence of story.sentences) {
      const article = byId.get(sentence.articleId ?? '');
      expect(article, sentence.text).toBeDefined();
      const span = sentence.source[0]!;
      expect(applyEdits(article!.text.slice(span.start, span.end), sentence.edits)).toBe(sentence.text);
    }
    expect(story.text).toBe(story.sentences.map((s) => s.text).join(' '));
  });

  it('draws from both articles but skips the lead that repeats the first one', () => {
    const texts = story.sentences.map((s) => s.text);
    expect(texts.some((t) => t.startsWith('PORT HALLEY — The Port Halley ferry board voted'))).toBe(true);
    expect(texts.some((t) => t.startsWith('PORT HALLEY — An $18.5 million electric ferry'))).toBe(false);
    expect(story.sentences.some((s) => s.articleId === 'ledger')).toBe(true);
  });

  it('keeps the lead article first and source order within each article', () => {
    const order = story.sentences.map((s) => [s.articleId, s.source[0]!.sentence] as const);
    const firstLedger = order.findIndex(([id]) => id === 'ledger');
    expect(order.slice(0, firstLedger).every(([id]) => id === 'gazette')).toBe(true);
    expect(order.slice(firstLedger).every(([id]) => id === 'ledger')).toBe(true);
    for (let i = 1; i < order.length; i++) {
      if (order[i]![0] === order[i - 1]![0]) expect(order[i]![1]).toBeGreaterThan(order[i - 1]![1]);
    }
  });

  it('stays within the word budget', () => {
    expect(summarizeStory([GAZETTE, LEDGER], { maxWords: 60, minWords: 10 }).wordCount).toBeLessThanOrEqual(60);
  });
});
