// The target of issue 19, measured by the independent detector: no summary of the evaluation set, the trap
// articles or the demo corpus leaves a reference dangling, and every sentence is verbatim or a restored name.
import { describe, expect, it } from 'vitest';
import { summarizeArticle } from '../../src/summarize/index.js';
import { ingest } from '../../src/ingest/index.js';
import { join } from 'node:path';
import { makeArticle } from '../../test/helpers/articles.js';
import { loadEvalArticles, repoRoot, trapArticlesDir } from './corpus.js';
import { findDanglingReferences } from './dangling.js';
import { countFaithfulness } from './faithful.js';

function check(id: string, text: string, sentences: string[]): void {
  expect(findDanglingReferences(text, sentences), id).toEqual([]);
  const counts = countFaithfulness(text, sentences);
  expect(counts.neither, id).toBe(0);
  expect(counts.quotesWithoutSpeaker, id).toBe(0);
}

describe('summaries leave no reference dangling', () => {
  const traps = loadEvalArticles(trapArticlesDir());

  it('has at least ten trap articles, each with a hand-written reference', () => {
    expect(traps.length).toBeGreaterThanOrEqual(10);
    for (const item of traps) expect(item.reference.split(/\s+/).length, item.id).toBeGreaterThanOrEqual(50);
  });

  it.each([...loadEvalArticles(), ...traps].map((item) => [item.id, item] as const))('%s', (_, item) => {
    const summary = summarizeArticle(makeArticle({ id: item.id, title: item.title, text: item.text }));
    check(item.id, item.text, summary.sentences.map((s) => s.text));
  });

  it('on every article of the demo corpus', async () => {
    const { articles } = await ingest([join(repoRoot(), 'examples', 'demo')]);
    expect(articles.length).toBeGreaterThanOrEqual(50);
    for (const article of articles) check(article.title, article.text, summarizeArticle(article).sentences.map((s) => s.text));
  });
});
