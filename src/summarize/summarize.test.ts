import { describe, it, expect } from 'vitest';
import type { Article, Summary } from '../model.js';
import { wordCount } from '../text/words.js';
import { SUMMARY_METHOD, summarizeArticle } from './index.js';
import { applyEdits } from './faithfulness.js';

// A fictional article written for these tests: a heading line, a dateline lead, pronoun openers, a
// quotation whose speaker is not named nearby, and credit lines at the end.
const HARBOR_TEXT = [
  'Port Halley Votes to Close Harbor Road for Seawall Repairs',
  'PORT HALLEY — The Port Halley council voted 5-2 on Monday to close the harbor road for 18 months so engineers can rebuild the crumbling seawall, the largest public works project in the town’s history.',
  'The repairs will cost $42.5 million, most of it from a state flood-resilience grant, according to the council’s budget office.',
  'Mayor Ines Okafor, who pushed for the vote, said the seawall had failed two inspections since 2021. “Another winter storm could put the fish market underwater,” Ms. Okafor said at the meeting.',
  'She said the town would run a free shuttle along the closed harbor road for residents, fishermen and seawall workers.',
  'Two council members, Dale Brandt and Ruth Alvarez, voted against the plan. They argued that closing the harbor road during the summer season would ruin harbor businesses.',
  '“We are choosing the seawall over the harbor businesses that pay for it.”',
  'That was the sharpest moment of a four-hour meeting attended by more than 300 residents.',
  'Harbor businesses have lost customers since the storm in 2023, when waves broke over the seawall and flooded Front Street.',
  'The owner of the Salt Line Cafe, Petra Voss, said her sales fell 3.2 percent last year and she feared another drop. “If the road is closed in July, I close too,” Ms. Voss said.',
  'Engineers from Calder Marine Inc. will begin work in September. The company rebuilt a similar seawall in Gull Point in 2019.',
  'The state grant requires the town to finish the work by the end of 2027, or return part of the money.',
  'Mr. Brandt said he would ask the state to let the town delay the closure until the fall.',
  'It is the third time since 2015 that the council has voted on the seawall.',
  'Mara Quill contributed reporting.',
  'Tobias Renn reports on coastal towns for The Harbor Ledger.',
].join('\n\n');

function article(text: string, id = 'harbor-road'): Article {
  return {
    id,
    url: `https://ledger.example/${id}`,
    title: 'Port Halley Votes to Close Harbor Road',
    byline: ['Tobias Renn'],
    publisher: 'ledger',
    publisherName: 'The Harbor Ledger',
    text,
    origin: { path: `/fixtures/${id}.txt`, kind: 'text' },
    warnings: [],
  };
}

const POINTING_OPENER_RE = /^(?:He|She|They|It|That|This|These|Those|His|Her|Their|But)\b/;

/** Checks what every summary must satisfy, whatever it chose. */
function expectFaithfulProvenance(summary: Summary, text: string): void {
  let previousIndex = -1;
  for (const sentence of summary.sentences) {
    expect(sentence.source).toHaveLength(1);
    const span = sentence.source[0];
    if (!span) throw new Error('missing source span');
    // Verbatim, or the source with its recorded edits (pronoun, full name) applied.
    expect(applyEdits(text.slice(span.start, span.end), sentence.edits)).toBe(sentence.text);
    for (const edit of sentence.edits) expect(['pronoun', 'name']).toContain(edit.kind);
    expect(span.sentence).toBeGreaterThan(previousIndex);
    previousIndex = span.sentence;
  }
  expect(summary.text).toBe(summary.sentences.map((s) => s.text).join(' '));
  expect(summary.wordCount).toBe(wordCount(summary.text));
  expect(summary.method).toBe(SUMMARY_METHOD);
}

describe('summarizeArticle on a fictional article', () => {
  const summary = summarizeArticle(article(HARBOR_TEXT));
  const chosen = summary.sentences.map((s) => s.text);

  it('returns verbatim source sentences in source order with exact offsets', () => {
    expect(summary.articleId).toBe('harbor-road');
    expect(summary.method).toBe('extractive-v3');
    expectFaithfulProvenance(summary, HARBOR_TEXT);
  });

  it('names the mayor instead of "She" when the sentence before it is not in the summary', () => {
    const repaired = summary.sentences.find((s) => s.edits.length > 0);
    expect(repaired?.text).toBe('Ines Okafor said the town would run a free shuttle along the closed harbor road for residents, fishermen and seawall workers.');
    expect(repaired?.edits).toEqual([{ kind: 'pronoun', from: 'She', to: 'Ines Okafor', at: 0 }]);
    const previous = summary.sentences[summary.sentences.indexOf(repaired!) - 1];
    expect(previous?.text).not.toMatch(/Ms\. Okafor said at the meeting\.$/);
  });

  it('fills but never exceeds the word budget (30% of 315 words, raised to the 100-word floor)', () => {
    expect(wordCount(HARBOR_TEXT)).toBe(315);
    expect(summary.wordCount).toBeLessThanOrEqual(100);
    expect(summary.wordCount).toBeGreaterThanOrEqual(80);
  });

  it('leads with the lead', () => {
    expect(chosen[0]).toMatch(/^PORT HALLEY — The Port Halley council voted 5-2/);
  });

  it('leaves out the heading, credit lines and the quotation nobody is named for', () => {
    expect(summary.text).not.toContain('Votes to Close');
    expect(summary.text).not.toContain('contributed reporting');
    expect(summary.text).not.toContain('reports on coastal towns');
    expect(summary.text).not.toContain('We are choosing the seawall');
    expect(summary.text).not.toContain('That was the sharpest moment');
  });

  it('only uses a sentence that points back when the sentence before it is used too', () => {
    const indexes = new Set(summary.sentences.map((s) => s.source[0]?.sentence));
    for (const sentence of summary.sentences) {
      if (!POINTING_OPENER_RE.test(sentence.text)) continue;
      expect(indexes.has((sentence.source[0]?.sentence ?? 0) - 1)).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(summarizeArticle(article(HARBOR_TEXT))).toEqual(summary);
  });
});

describe('summarizeArticle options and edge cases', () => {
  it('honours maxWords and maxSentences', () => {
    const short = summarizeArticle(article(HARBOR_TEXT), { maxWords: 40, minWords: 10 });
    expect(short.wordCount).toBeGreaterThan(0);
    expect(short.wordCount).toBeLessThanOrEqual(40);
    expectFaithfulProvenance(short, HARBOR_TEXT);

    const two = summarizeArticle(article(HARBOR_TEXT), { maxSentences: 2 });
    expect(two.sentences.length).toBeGreaterThan(0);
    expect(two.sentences.length).toBeLessThanOrEqual(2);
  });

  it('summarizes an article shorter than minWords to its sentences, within its length', () => {
    const text =
      'The Gull Point ferry will stop running on Sundays from March.\n' +
      'Ridership on Sundays fell by half last year, the ferry board said.\n' +
      'Weekday service will not change.';
    const summary = summarizeArticle(article(text, 'ferry'));
    expect(summary.wordCount).toBeLessThanOrEqual(wordCount(text));
    expect(summary.sentences.map((s) => s.source[0]?.sentence)).toEqual([0, 1]);
    expectFaithfulProvenance(summary, text);
  });

  it('returns an empty summary rather than exceed the budget when no sentence fits', () => {
    const clause = 'the council discussed the seawall, the harbor road, the grant and the shuttle';
    const text = `On Monday ${Array.from({ length: 9 }, () => clause).join(', and ')}.`;
    expect(wordCount(text)).toBeGreaterThan(100);
    expect(summarizeArticle(article(text, 'long'), { maxWords: 50 }).sentences).toEqual([]);
    expect(summarizeArticle(article(HARBOR_TEXT), { maxWords: 5, minWords: 1 }).wordCount).toBe(0);
  });

  it('returns an empty summary for an empty article', () => {
    const summary = summarizeArticle(article('', 'empty'));
    expect(summary).toEqual({ articleId: 'empty', text: '', sentences: [], wordCount: 0, method: 'extractive-v3' });
  });

});
