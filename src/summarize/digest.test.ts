import { describe, expect, it } from 'vitest';
import { wordCount } from '../text/words.js';
import { makeArticle } from '../../test/helpers/articles.js';
import { alsoReportedBy, storyDigest } from './digest.js';
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

describe('alsoReportedBy', () => {
  it('names up to four publishers, then counts the rest', () => {
    expect(alsoReportedBy([])).toBe('');
    expect(alsoReportedBy(['A'])).toBe('Also reported by A.');
    expect(alsoReportedBy(['A', 'B', 'A'])).toBe('Also reported by A and B.');
    expect(alsoReportedBy(['A', 'B', 'C', 'D'])).toBe('Also reported by A, B, C and D.');
    expect(alsoReportedBy(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('Also reported by A, B, C and 3 others.');
  });
});
