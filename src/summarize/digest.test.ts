import { describe, expect, it } from 'vitest';
import { wordCount } from '../text/words.js';
import { makeArticle } from '../../test/helpers/articles.js';
import type { StorySummary } from '../model.js';
import { alsoReportedBy, storyDigest, writtenDigest } from './digest.js';
import { summarizeArticle } from './index.js';

// A fictional lead report: its lede says who, what and where.
const lead = makeArticle({
  id: 'lead',
  title: 'Harbor ferry sold',
  publisherName: 'Harbor Gazette',
  text: [
    'PORT HALLEY — The Port Halley ferry board on Tuesday sold the 40-year-old diesel ferry Corinne to a salvage company in Marlow Bay for $410,000, ending a decade of breakdowns on the island route.',
    'Board chair Ines Okafor said the money would go toward the electric ferry the board bought last month.',
    'Ms. Okafor said the Corinne had missed 61 sailings last winter, more than any other boat in the fleet.',
    'The salvage company will tow the ferry away in January.',
  ].join('\n\n'),
});

describe('storyDigest', () => {
  it('opens with the lead article’s lede and ends with the other publishers, within the word limit', () => {
    const digest = storyDigest(lead, ['Island Ledger', 'Coastal Post', 'Harbor Gazette']);
    expect(digest.text.startsWith('PORT HALLEY — The Port Halley ferry board on Tuesday sold')).toBe(true);
    expect(digest.text.endsWith('Also reported by Island Ledger and Coastal Post.')).toBe(true);
    expect(digest.wordCount).toBeLessThanOrEqual(90);
    expect(digest.sentences.every((s) => s.articleId === 'lead')).toBe(true);
  });

  it('takes whole summary sentences from the first, so what a sentence points back to stays before it', () => {
    const summary = summarizeArticle(lead);
    const digest = storyDigest(lead, [], { leadSummary: summary, maxWords: 60 });
    expect(digest.sentences).toEqual(summary.sentences.slice(0, digest.sentences.length).map((s) => ({ ...s, articleId: 'lead' })));
    expect(digest.wordCount).toBeLessThanOrEqual(60);
    expect(digest.text).not.toContain('Also reported by');
  });

  it('summarizes the lead again when not even its first summary sentence fits', () => {
    const digest = storyDigest(lead, ['Island Ledger'], { maxWords: 25 });
    expect(wordCount(digest.text)).toBeLessThanOrEqual(25);
    expect(digest.text.endsWith('Also reported by Island Ledger.')).toBe(true);
  });
});

describe('writtenDigest', () => {
  // A digest a model wrote, as the gate left it: each sentence with the article it rests on.
  const written: StorySummary = {
    articleIds: ['lead', 'ledger'],
    text: '',
    sentences: [
      { text: 'The Port Halley ferry board sold the diesel ferry Corinne for $410,000.', source: [{ sentence: 0, start: 0, end: 10 }], edits: [], articleId: 'lead', method: 'llm' },
      { text: 'Island Ledger reporter Tam Oduya said the Corinne left port on Friday under tow.', source: [{ sentence: 2, start: 40, end: 90 }], edits: [], articleId: 'ledger', method: 'llm' },
      { text: 'Board chair Ines Okafor said the money would go toward the electric ferry.', source: [{ sentence: 1, start: 12, end: 30 }], edits: [], articleId: 'lead', method: 'llm-repaired' },
    ],
    wordCount: 0,
    method: 'llm-digest-v1',
  };

  it('publishes the sentences in order, then the other publishers, and keeps their provenance', () => {
    const digest = writtenDigest(written, lead, ['Island Ledger'], new Set(['lead', 'ledger']))!;
    expect(digest.text).toBe(`${written.sentences.map((s) => s.text).join(' ')} Also reported by Island Ledger.`);
    expect(digest.sentences).toEqual(written.sentences);
    expect(digest.method).toBe('llm-digest-v1');
  });

  it('leaves out the sentences of an article no longer in the story, and whole sentences past the budget', () => {
    expect(writtenDigest(written, lead, [], new Set(['lead']))!.sentences.map((s) => s.articleId)).toEqual(['lead', 'lead']);
    const short = writtenDigest(written, lead, ['Island Ledger'], new Set(['lead', 'ledger']), 30)!;
    expect(short.sentences).toHaveLength(1);
    expect(short.wordCount).toBeLessThanOrEqual(30);
  });

  it('gives nothing when no sentence is left, so the extractive digest is published instead', () => {
    expect(writtenDigest(written, lead, [], new Set(['other']))).toBeUndefined();
    expect(writtenDigest(written, lead, ['Island Ledger'], new Set(['lead', 'ledger']), 8)).toBeUndefined();
  });
});

describe('alsoReportedBy', () => {
  it('names up to four publishers, then counts the rest', () => {
    expect(alsoReportedBy([])).toBe('');
    expect(alsoReportedBy(['A'])).toBe('Also reported by A.');
    expect(alsoReportedBy(['A', 'B', 'A'])).toBe('Also reported by A and B.');
    expect(alsoReportedBy(['A', 'B', 'C', 'D'])).toBe('Also reported by A, B, C and D.');
    expect(alsoReportedBy(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('Also reported by A, B, C and 3 others.');
  });
});
