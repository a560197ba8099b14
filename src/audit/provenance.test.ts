import { describe, expect, it } from 'vitest';
import type { Article, SummaryEdit, SummarySentence } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { auditArticleSummary } from './index.js';
import { provenNameEdits } from './provenance.js';

const TEXT = `Port director Omar Castell said the harbor had become too shallow for the town’s 30 fishing boats.
Dr. Ines Varga, who studies the bay, said silt had built up for a decade.
Mr. Castell said dredging would start in May, and Dr. Varga said it would take six weeks.
Mr. Castell said the town would pay for the work.`;

const articleOf = (text: string): Article => ({
  id: 'a1', url: '', title: 'Dredging', byline: [], publisher: 'x', publisherName: 'X', text,
  origin: { path: '/tmp/a.txt', kind: 'text' }, warnings: [],
});

/** Source sentence `index` of `text` with `edits` applied as the summarizer applies them. */
function edited(text: string, index: number, edits: SummaryEdit[], written?: string): SummarySentence {
  const span = splitSentences(text)[index]!;
  let out = span.text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.to + out.slice(e.at + e.from.length);
  return { text: written ?? out, source: [{ sentence: index, start: span.start, end: span.end }], edits };
}

const castell: SummaryEdit = { kind: 'name', from: 'Mr. Castell', to: 'Omar Castell', at: 0 };
const varga: SummaryEdit = { kind: 'name', from: 'Dr. Varga', to: 'Dr. Ines Varga', at: splitSentences(TEXT)[2]!.text.indexOf('Dr. Varga') };

describe('provenNameEdits', () => {
  it('proves full names put back that the article writes for the one person of that surname', () => {
    const sentence = edited(TEXT, 2, [castell, varga]);
    expect(sentence.text).toBe('Omar Castell said dredging would start in May, and Dr. Ines Varga said it would take six weeks.');
    expect(provenNameEdits(articleOf(TEXT), sentence)).toBe(true);
  });

  it('does not prove a full name the article never writes', () => {
    expect(provenNameEdits(articleOf(TEXT), edited(TEXT, 2, [{ ...castell, to: 'Oscar Castell' }]))).toBe(false);
  });

  it('does not prove a name when the article names two people of that surname', () => {
    const text = `${TEXT}\nHis cousin Lena Castell runs the ferry.`;
    expect(provenNameEdits(articleOf(text), edited(text, 2, [castell]))).toBe(false);
  });

  it('does not prove a text its edits do not give, a pronoun repair, or a sentence without provenance', () => {
    const article = articleOf(TEXT);
    expect(provenNameEdits(article, edited(TEXT, 2, [castell], 'Omar Castell said dredging would start in June.'))).toBe(false);
    expect(provenNameEdits(article, edited(TEXT, 2, [{ ...castell, kind: 'pronoun' }]))).toBe(false);
    expect(provenNameEdits(article, { ...edited(TEXT, 2, [castell]), source: [] })).toBe(false);
    expect(provenNameEdits(article, edited(TEXT, 2, []))).toBe(false);
  });

  it('leaves a name put in for another surname to the content rules, which catch it', () => {
    const sentence = edited(TEXT, 3, [{ ...castell, to: 'Ines Varga' }]);
    expect(sentence.text).toBe('Ines Varga said the town would pay for the work.');
    expect(provenNameEdits(articleOf(TEXT), sentence)).toBe(false);
    const report = auditArticleSummary(articleOf(TEXT), { articleId: 'a1', text: sentence.text, wordCount: 0, method: 'test', sentences: [sentence] });
    expect(report.sentences[0]!.verdict).toBe('misattributed');
  });
});
