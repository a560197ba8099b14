import { describe, expect, it } from 'vitest';
import type { Article, Summary, SummaryEdit } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { dropUnsupported } from './provenance.js';
import { auditArticleSummary } from './index.js';

const TEXT = `Harbor master Agnes Rook said the harbor had become too shallow for the town’s 30 fishing boats.
Fisherman Ivan Petrov said he had run aground twice this spring.`;

const article: Article = {
  id: 'a1', url: '', title: 'Dredging', byline: [], publisher: 'x', publisherName: 'X', text: TEXT,
  origin: { path: '/tmp/a.txt', kind: 'text' }, warnings: [],
};

function summaryOf(sentences: { text: string; sentence: number; edits?: SummaryEdit[] }[]): Summary {
  const spans = splitSentences(TEXT);
  return {
    articleId: 'a1',
    text: sentences.map((s) => s.text).join(' '),
    wordCount: 0,
    method: 'test',
    sentences: sentences.map((s) => ({ text: s.text, source: [{ sentence: s.sentence, start: spans[s.sentence]!.start, end: spans[s.sentence]!.end }], edits: s.edits ?? [] })),
  };
}

describe('auditArticleSummary', () => {
  it('supports verbatim sentences with their provenance as evidence', () => {
    const report = auditArticleSummary(article, summaryOf([{ text: splitSentences(TEXT)[0]!.text, sentence: 0 }]));
    expect(report.sentences.map((s) => s.verdict)).toEqual(['supported']);
    expect(report.sentences[0]!.evidence[0]!.sentence).toBe(0);
  });

  it('catches an edit that resolved a pronoun to the wrong person, and the sentence is dropped', () => {
    const summary = summaryOf([
      { text: splitSentences(TEXT)[0]!.text, sentence: 0 },
      { text: 'Agnes Rook said she had run aground twice this spring.', sentence: 1, edits: [{ kind: 'pronoun', from: 'He', to: 'Agnes Rook', at: 0 }] },
    ]);
    const report = auditArticleSummary(article, summary);
    expect(report.sentences.map((s) => s.verdict)).toEqual(['supported', 'misattributed']);
    expect(dropUnsupported(summary, report).sentences.map((s) => s.text)).toEqual([splitSentences(TEXT)[0]!.text]);
  });

  it('keeps the provenance verdict when the text is not the span it cites', () => {
    const report = auditArticleSummary(article, summaryOf([{ text: 'The harbor is deep enough.', sentence: 0 }]));
    expect(report.sentences[0]!.verdict).toBe('unsupported');
    expect(report.sentences[0]!.findings.map((f) => f.kind)).toContain('provenance');
  });
});
