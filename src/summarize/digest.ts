// Story digests for the briefing and the feeds: who, what and where from the lead article, then who else
// reported it. Short enough to scan (DEFAULT_DIGEST_WORDS), and made only of the lead article's summary
// sentences, so every sentence keeps the guarantees an article summary has (verbatim or a recorded edit,
// audited when the caller passes audited summaries, nothing pointing at a sentence left out) and needs no
// citation marker: the digest says whose sentences they are.

import type { Article, StorySummary, Summary, SummarySentence } from '../model.js';
import { wordCount } from '../text/words.js';
import { DEFAULT_DIGEST_WORDS } from './options.js';
import { summarizeArticle } from './index.js';

export const STORY_DIGEST_METHOD = 'digest-v1';

/**
 * Publishers named in "Also reported by …" before the rest are counted ("and 3 others"): four names fit a
 * feed preview's line; a story carried by a dozen outlets should not spend its words on the list.
 */
export const MAX_NAMED_PUBLISHERS = 4;

export interface DigestOptions {
  /** Longest digest in words, "Also reported by …" included. */
  maxWords?: number;
  /** The lead article's summary already made (and audited); made here when absent. */
  leadSummary?: Summary;
}

/**
 * The digest of a story: the longest run of the lead article's summary sentences, from its first, that fits
 * the word budget left after "Also reported by …" (a prefix of a coherent summary is coherent: every
 * sentence's antecedent and every full name come before it), then that line naming the other publishers.
 * When not even the first sentence fits, the lead article is summarized again within the budget.
 */
export function storyDigest(lead: Article, otherPublishers: readonly string[], options: DigestOptions = {}): StorySummary {
  const { also, budget } = digestBudget(lead.publisherName, otherPublishers, options.maxWords);
  const summary = options.leadSummary ?? summarizeArticle(lead);
  let sentences = prefixWithin(summary.sentences, budget);
  if (sentences.length === 0 && summary.sentences.length > 0 && budget > 0) {
    // Only sentences the given (audited) summary also holds, so a digest never shows what the audit dropped.
    const allowed = new Set(summary.sentences.map((s) => s.source[0]?.sentence));
    sentences = summarizeArticle(lead, { maxWords: budget, minWords: budget }).sentences.filter((s) => allowed.has(s.source[0]?.sentence));
  }
  const cited = sentences.map((s) => ({ ...s, articleId: lead.id }));
  const text = [...cited.map((s) => s.text), ...(also ? [also] : [])].join(' ');
  return { articleIds: [lead.id], text, sentences: cited, wordCount: wordCount(text), method: STORY_DIGEST_METHOD };
}

/**
 * A story's digest that a language model wrote (every sentence passed the gate against the article it cites),
 * as published now: its sentences whose articles are still in the story (`inPlay`: an editor may have rejected
 * one since the run), as many as fit the budget from the first, then "Also reported by …". Undefined when no
 * sentence is left, and the caller publishes the extractive digest.
 */
export function writtenDigest(written: StorySummary, lead: Pick<Article, 'publisherName'>, otherPublishers: readonly string[], inPlay: ReadonlySet<string>, maxWords?: number): StorySummary | undefined {
  const { also, budget } = digestBudget(lead.publisherName, otherPublishers, maxWords);
  const sentences = prefixWithin(written.sentences.filter((s) => s.articleId !== undefined && inPlay.has(s.articleId)), budget);
  if (sentences.length === 0) return undefined;
  const text = [...sentences.map((s) => s.text), ...(also ? [also] : [])].join(' ');
  return { ...written, text, sentences, wordCount: wordCount(text) };
}

/** "Also reported by …" for a story, and the words left for its digest's sentences within `maxWords`. */
export function digestBudget(leadPublisherName: string, otherPublishers: readonly string[], maxWords = DEFAULT_DIGEST_WORDS): { also: string; budget: number } {
  const also = alsoReportedBy(otherPublishers.filter((name) => name && name !== leadPublisherName));
  return { also, budget: Math.max(0, maxWords - wordCount(also)) };
}

/** "Also reported by A, B and C." or "" when nobody else reported the story. */
export function alsoReportedBy(publishers: readonly string[]): string {
  const names = [...new Set(publishers)];
  if (names.length === 0) return '';
  const named = names.length > MAX_NAMED_PUBLISHERS ? names.slice(0, MAX_NAMED_PUBLISHERS - 1) : names;
  const rest = names.length - named.length;
  const items = rest > 0 ? [...named, `${rest} others`] : named;
  const list = items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
  return `Also reported by ${list}.`;
}

function prefixWithin(sentences: readonly SummarySentence[], budget: number): SummarySentence[] {
  const kept: SummarySentence[] = [];
  let words = 0;
  for (const sentence of sentences) {
    const cost = wordCount(sentence.text);
    if (words + cost > budget) break;
    kept.push(sentence);
    words += cost;
  }
  return kept;
}
