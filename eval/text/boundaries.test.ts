import { describe, expect, it } from 'vitest';
import { countBoundaries, emptyCounts, f1, type Segmenter } from './boundaries.js';
import { loadLanguageArticles, parseArticle } from './corpus.js';
import { quotesWithoutSpeaker } from '../summarize/quotes-multilingual.js';

// A fictional article in the evaluation's format, written for these tests.
const FILE = `title: Fähre
reference: Die Fähre fährt ab Mai.
---
Die Fähre soll ab dem 1. Mai verkehren.
Die Kosten trägt das Land.

„Wir haben lange gewartet“, sagte Wessel.
`;

describe('the multilingual evaluation set', () => {
  it('joins sentences into paragraphs and marks where each ends', () => {
    const article = parseArticle('de/x.txt', 'de', FILE);
    expect(article.text).toBe('Die Fähre soll ab dem 1. Mai verkehren. Die Kosten trägt das Land.\n\n„Wir haben lange gewartet“, sagte Wessel.');
    expect(article.boundaries).toEqual([39]);
    expect(article.sentenceStarts).toEqual([0, 40, 68]);
    expect(article.sentenceEnds).toEqual([39, 66, article.text.length]);
  });

  it('refuses a file without its header', () => {
    expect(() => parseArticle('de/x.txt', 'de', 'Die Fähre fährt.')).toThrow(/needs a header/);
    expect(() => parseArticle('de/x.txt', 'de', 'title: x\n---\nDie Fähre fährt.')).toThrow(/needs title: and reference:/);
  });

  it('holds eight articles and at least 150 marked boundaries per language', () => {
    const articles = loadLanguageArticles();
    for (const lang of ['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']) {
      const set = articles.filter((a) => a.lang === lang);
      expect(set.length, lang).toBeGreaterThanOrEqual(8);
      expect(set.reduce((n, a) => n + a.boundaries.length, 0), lang).toBeGreaterThanOrEqual(150);
    }
  });

  it('scores a segmenter’s boundaries inside paragraphs against the marked ones', () => {
    const article = parseArticle('de/x.txt', 'de', FILE);
    const splitAtEveryPeriod: Segmenter = (text) => [...text.matchAll(/\. /g)].map((m) => m.index! + 1);
    const counts = countBoundaries(article, splitAtEveryPeriod, emptyCounts());
    expect([counts.truePositives, counts.falsePositives, counts.falseNegatives]).toEqual([1, 1, 0]);
    expect(f1(counts).precision).toBe(0.5);
    expect(f1(counts).recall).toBe(1);
  });
});

describe('the independent check that quotations keep their speakers', () => {
  const article = parseArticle('es/x.txt', 'es', `title: x
reference: x
---
La alcaldesa, Marta Quiroga, celebró la decisión.
«Muchas familias trabajan en tierra firme», dijo.
El barco es de 1987.
«No sabemos cuánto aguantará», dijo.
«Hacemos lo que podemos», dijo el capitán Julio Ferreiro.
`);
  const sentence = (i: number): [string, [number, number]] => {
    const start = article.sentenceStarts[i]!;
    const end = article.sentenceEnds[i]!;
    return [article.text.slice(start, end), [start, end]];
  };
  const count = (indexes: number[]) => {
    const picked = indexes.map(sentence);
    return quotesWithoutSpeaker(article, picked.map(([text]) => text), picked.map(([, span]) => span));
  };

  it('counts a quotation whose speaker only a bare verb gives, unless the sentence before names someone', () => {
    expect(count([1])).toBe(1);
    expect(count([0, 1])).toBe(0);
    expect(count([2, 3])).toBe(1);
  });

  it('accepts a quotation that names its speaker', () => {
    expect(count([4])).toBe(0);
  });
});
