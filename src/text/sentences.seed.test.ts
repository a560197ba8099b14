import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { splitSentences } from './sentences.js';
import { findShared } from '../../eval/shared-data.js';

// The seed article lives outside the repository (../shared/seeds) and must not be copied into it;
// these tests read it when it is there and skip, saying why, when it is not.
// Beside the repository, or beside the folder of work trees when the repository is one of them.
const seedPath = findShared('seeds', 'article.txt');
const seedExists = seedPath !== undefined;

/** Drops the syndication footer ("The post … appeared first on …"), as the ingest stage does. */
function seedArticleText(): string {
  const lines = readFileSync(seedPath!, 'utf8').trimEnd().split('\n');
  if (/appeared first on/.test(lines.at(-1) ?? '')) lines.pop();
  return lines.join('\n');
}

/** The one line of the article that contains `fragment`. */
function lineWith(text: string, fragment: string): string {
  const lines = text.split('\n').filter((line) => line.includes(fragment));
  expect(lines).toHaveLength(1);
  return (lines[0] ?? '').trim();
}

describe(
  seedExists
    ? 'splitSentences on the seed article'
    : 'splitSentences on the seed article (skipped: ../shared/seeds/article.txt not found)',
  () => {
    it.skipIf(!seedExists)('keeps the 59-arrests sentence whole, despite the U.S. inside it', () => {
      const text = seedArticleText();
      const sentences = splitSentences(text).map((s) => s.text);
      // That paragraph is a single sentence, so the paragraph and the sentence must coincide.
      expect(sentences).toContain(lineWith(text, 'for arresting 59 people'));
    });

    it.skipIf(!seedExists)('keeps the quote ending in “U.S.,” with its attribution and continuation', () => {
      const text = seedArticleText();
      const sentences = splitSentences(text).map((s) => s.text);
      expect(sentences).toContain(lineWith(text, '” Mr. Rubio said at a news conference, adding'));
    });

    it.skipIf(!seedExists)('covers every paragraph exactly, with exact offsets', () => {
      const text = seedArticleText();
      const sentences = splitSentences(text);
      const lines = text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
      expect(Math.max(...sentences.map((s) => s.paragraph))).toBe(lines.length - 1);
      lines.forEach((line, paragraph) => {
        const inParagraph = sentences.filter((s) => s.paragraph === paragraph).map((s) => s.text);
        expect(inParagraph.join(' ')).toBe(line);
      });
      for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    });

    it.skipIf(!seedExists)('never ends a sentence on a title or starts one in lowercase', () => {
      const sentences = splitSentences(seedArticleText());
      expect(sentences.length).toBeGreaterThan(30);
      for (const s of sentences) {
        expect(s.text).not.toMatch(/\b(?:Mr|Mrs|Ms|Dr)\.$/);
        expect(s.text).toMatch(/^[“"‘(]?[\p{Lu}\p{N}]/u);
      }
    });
  },
);
