import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { Article, Summary } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { DEFAULT_SUMMARY_OPTIONS, summarizeArticle } from './index.js';
import { applyEdits } from './faithfulness.js';
import { findShared } from '../../eval/shared-data.js';

// The seed article lives outside the repository (../shared/seeds) and must not be copied into it;
// these tests read it when it is there and skip, saying why, when it is not. A summary written by
// another system for it credits Sheinbaum with praise Rubio gave; ours must not.
// Beside the repository, or beside the folder of work trees when the repository is one of them.
const seedPath = findShared('seeds', 'article.txt');
const seedExists = seedPath !== undefined;

/** Drops the syndication footer ("The post … appeared first on …"), as the ingest stage does. */
function seedArticle(): Article {
  const lines = readFileSync(seedPath!, 'utf8').trimEnd().split('\n');
  if (/appeared first on/.test(lines.at(-1) ?? '')) lines.pop();
  return {
    id: 'seed',
    url: 'https://seed.example/article',
    title: 'Seed article',
    byline: [],
    publisher: 'seed',
    publisherName: 'Seed',
    text: lines.join('\n'),
    origin: { path: seedPath!, kind: 'text' },
    warnings: [],
  };
}

const POINTING_OPENER_RE = /^(?:He|She|They|That|This)\b/;

describe(
  seedExists
    ? 'summarizeArticle on the seed article'
    : 'summarizeArticle on the seed article (skipped: ../shared/seeds/article.txt not found)',
  () => {
    let cached: { article: Article; summary: Summary } | undefined;
    const run = (): { article: Article; summary: Summary } => {
      if (!cached) {
        const article = seedArticle();
        cached = { article, summary: summarizeArticle(article) };
      }
      return cached;
    };

    it.skipIf(!seedExists)('is 100–120 words', () => {
      const { summary } = run();
      expect(summary.wordCount).toBeGreaterThanOrEqual(100);
      expect(summary.wordCount).toBeLessThanOrEqual(DEFAULT_SUMMARY_OPTIONS.maxWords);
    });

    it.skipIf(!seedExists)('uses only whole article sentences, verbatim or with a recorded full-name edit, in source order', () => {
      const { article, summary } = run();
      const sourceSentences = new Set(splitSentences(article.text).map((s) => s.text));
      let previous = -1;
      for (const sentence of summary.sentences) {
        const span = sentence.source[0];
        const source = span ? article.text.slice(span.start, span.end) : '';
        expect(sourceSentences.has(source)).toBe(true);
        expect(applyEdits(source, sentence.edits)).toBe(sentence.text);
        for (const edit of sentence.edits) expect(edit.kind).toBe('name');
        expect(span?.sentence ?? -1).toBeGreaterThan(previous);
        previous = span?.sentence ?? previous;
      }
    });

    it.skipIf(!seedExists)('reports the joint statement, with Sheinbaum’s full name, and Rubio’s praise for the 59 arrests', () => {
      const { summary } = run();
      expect(summary.sentences.some((s) => /joint statement after Secretary of State Marco Rubio met with Claudia Sheinbaum/.test(s.text))).toBe(true);
      expect(summary.sentences.some((s) => /^Mr\. Rubio praised Mexico for arresting 59 people/.test(s.text))).toBe(true);
    });

    it.skipIf(!seedExists)('at the previous 300-word ceiling, also reports the high-level group', () => {
      const long = summarizeArticle(seedArticle(), { maxWords: 300 });
      expect(long.sentences.some((s) => /“high level” group/.test(s.text))).toBe(true);
    });

    it.skipIf(!seedExists)('never credits Sheinbaum with the 59 arrests or makes both leaders agree', () => {
      const { summary } = run();
      for (const sentence of summary.sentences) {
        expect(sentence.text.includes('59') && sentence.text.includes('Sheinbaum')).toBe(false);
      }
      expect(summary.text).not.toMatch(/both leaders/i);
    });

    it.skipIf(!seedExists)('uses a sentence opening with He/She/They/That/This only after its predecessor', () => {
      const { summary } = run();
      const indexes = new Set(summary.sentences.map((s) => s.source[0]?.sentence));
      for (const sentence of summary.sentences) {
        if (!POINTING_OPENER_RE.test(sentence.text)) continue;
        expect(indexes.has((sentence.source[0]?.sentence ?? 0) - 1)).toBe(true);
      }
    });

    it.skipIf(!seedExists)('leaves out the credit line and the author bio', () => {
      const { summary } = run();
      expect(summary.text).not.toMatch(/contributed research|reports on .* for /);
    });
  },
);
