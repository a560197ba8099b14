import { describe, expect, it } from 'vitest';
import { syntheticArticles } from '../bench/corpus.js';
import { parseTextArticle } from './ingest/text-article.js';
import { makeArticle } from '../test/helpers/articles.js';
import { DEFAULT_SUMMARY_OPTIONS } from './summarize/options.js';
import { gatedSummaries, gatedSummaryOf, releaseSummaryThreads, runningSummaryThreads, THREADED_MIN_ARTICLES } from './summary-threads.js';

/** Fictional articles from the benchmark's generator: several stories, quotes, numbers, copies. */
function articles(count: number) {
  return [...syntheticArticles(count, 7)].map((a) => {
    const parsed = parseTextArticle(a.text);
    return makeArticle({ id: `a${a.index}`, title: parsed.title, text: parsed.text, publisherName: a.publisher, published: a.published, lang: 'en' });
  });
}

describe('summaries on threads', () => {
  it('gives the same summaries and audits, in the same order, as one thread', async () => {
    const batch = articles(THREADED_MIN_ARTICLES + 36);
    const alone = batch.map((a) => gatedSummaryOf(a, DEFAULT_SUMMARY_OPTIONS));
    const threaded = await gatedSummaries(batch, DEFAULT_SUMMARY_OPTIONS, 2);
    expect(runningSummaryThreads()).toBe(2);
    expect(threaded).toEqual(alone);
    expect(threaded.map((g) => g.summary.articleId)).toEqual(batch.map((a) => a.id));
    expect(threaded.every((g) => g.summary.sentences.length > 0)).toBe(true);
  });

  it('keeps a small batch, or one thread, on the caller’s thread', async () => {
    const before = runningSummaryThreads();
    const few = articles(THREADED_MIN_ARTICLES - 1);
    expect(await gatedSummaries(few, DEFAULT_SUMMARY_OPTIONS, 3)).toEqual(few.map((a) => gatedSummaryOf(a, DEFAULT_SUMMARY_OPTIONS)));
    expect(await gatedSummaries(articles(THREADED_MIN_ARTICLES), DEFAULT_SUMMARY_OPTIONS, 1)).toHaveLength(THREADED_MIN_ARTICLES);
    expect(runningSummaryThreads()).toBe(before);
  });

  it('fails the batch with the error a thread met, and the pool works again afterwards', async () => {
    const batch = articles(THREADED_MIN_ARTICLES);
    // An article without a text breaks the summarizer on the thread that gets it.
    const broken = [...batch.slice(0, -1), { ...batch.at(-1)!, text: undefined as unknown as string }];
    await expect(gatedSummaries(broken, DEFAULT_SUMMARY_OPTIONS, 2)).rejects.toThrow(/Cannot read properties of undefined/);
    const again = await gatedSummaries(batch, DEFAULT_SUMMARY_OPTIONS, 2);
    expect(again).toEqual(batch.map((a) => gatedSummaryOf(a, DEFAULT_SUMMARY_OPTIONS)));
  });

  it('ends idle threads when told, not only after the idle time, and starts them again for the next batch', async () => {
    const batch = articles(THREADED_MIN_ARTICLES);
    const first = gatedSummaries(batch, DEFAULT_SUMMARY_OPTIONS, 2);
    // A pool with a task keeps its threads.
    await releaseSummaryThreads();
    expect(runningSummaryThreads()).toBe(2);
    await first;
    await releaseSummaryThreads();
    expect(runningSummaryThreads()).toBe(0);
    expect(await gatedSummaries(batch, DEFAULT_SUMMARY_OPTIONS, 2)).toEqual(await first);
    expect(runningSummaryThreads()).toBe(2);
    await releaseSummaryThreads();
  });
});
