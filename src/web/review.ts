// What the editor shows, as plain data: the JSON API returns it and the pages render it.
import type { AuditFinding, AuditVerdict, AuditedSentence, SourceSpan, Usage } from '../model.js';
import type { ArticleReview, BoardEntry, UsageEvent } from '../store/index.js';
import { splitSentences } from '../text/sentences.js';
import { articleMarkdown } from '../publish/markdown.js';
import { slugify } from '../publish/slug.js';

export interface BoardFilter {
  usage?: Usage;
  publisher?: string;
}

export interface BoardStory {
  id: string;
  label: string;
  /** Best rank among the story's shown articles: the board's order. */
  rank: number;
  publishers: string[];
  articles: BoardEntry[];
}

export interface Board {
  runId?: number;
  generatedAt?: string;
  publishers: string[];
  stories: BoardStory[];
}

export function buildBoard(entries: BoardEntry[], filter: BoardFilter, run?: { id: number; startedAt: string }): Board {
  const publishers = [...new Set(entries.map((e) => e.publisher))].sort();
  const shown = entries.filter((e) => (!filter.usage || e.usage === filter.usage) && (!filter.publisher || e.publisher === filter.publisher));
  const stories = new Map<string, BoardStory>();
  // Entries arrive in rank order, so a story's first entry fixes its place on the board.
  for (const entry of shown) {
    let story = stories.get(entry.storyId);
    if (!story) {
      story = { id: entry.storyId, label: entry.storyLabel, rank: entry.rank, publishers: [], articles: [] };
      stories.set(entry.storyId, story);
    }
    story.articles.push(entry);
    if (!story.publishers.includes(entry.publisher)) story.publishers.push(entry.publisher);
  }
  return { ...(run ? { runId: run.id, generatedAt: run.startedAt } : {}), publishers, stories: [...stories.values()] };
}

export interface SourceParagraph {
  sentences: Array<{ index: number; text: string }>;
}

export interface ReviewedSentence {
  text: string;
  source: SourceSpan[];
  verdict?: AuditVerdict;
  findings: AuditFinding[];
}

export interface ArticleView {
  id: string;
  title: string;
  url: string;
  publisher: string;
  publisherName: string;
  published?: string;
  byline: string[];
  usage?: Usage;
  rank?: number;
  initialRank?: number;
  storyLabel?: string;
  duplicateOf?: string;
  paragraphs: SourceParagraph[];
  summary?: { text: string; method: string; sentences: ReviewedSentence[] };
  /** Audited sentences that are not in the stored summary: the audit dropped them. */
  dropped: AuditedSentence[];
  changes: UsageEvent[];
  markdown?: string;
  markdownFile: string;
}

export function buildArticleView(review: ArticleReview): ArticleView {
  const { article, summary, audit, candidate } = review;
  const paragraphs: SourceParagraph[] = [];
  for (const sentence of splitSentences(article.text)) {
    const paragraph = (paragraphs[sentence.paragraph] ??= { sentences: [] });
    paragraph.sentences.push({ index: sentence.index, text: sentence.text });
  }
  const audited = audit?.sentences ?? [];
  // The stored summary omits sentences the audit rejected, so audit entries are matched by text, not position.
  const verdictOf = new Map(audited.map((s) => [s.text, s]));
  const summaryTexts = new Set(summary?.sentences.map((s) => s.text) ?? []);
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    publisher: article.publisher,
    publisherName: article.publisherName,
    ...(article.published ? { published: article.published } : {}),
    byline: article.byline,
    ...(candidate
      ? { usage: candidate.usage, rank: candidate.rank, initialRank: candidate.initialRank, ...(candidate.duplicateOf ? { duplicateOf: candidate.duplicateOf } : {}) }
      : {}),
    ...(review.storyLabel ? { storyLabel: review.storyLabel } : {}),
    paragraphs: paragraphs.filter(Boolean),
    ...(summary
      ? {
          summary: {
            text: summary.text,
            method: summary.method,
            sentences: summary.sentences.map((s) => {
              const found = verdictOf.get(s.text);
              return { text: s.text, source: s.source, ...(found ? { verdict: found.verdict } : {}), findings: found?.findings ?? [] };
            }),
          },
        }
      : {}),
    dropped: audited.filter((s) => !summaryTexts.has(s.text)),
    changes: review.changes,
    ...(summary && candidate ? { markdown: articleMarkdown({ article, candidate, summary }) } : {}),
    markdownFile: `${slugify(article.title)}.md`,
  };
}

/** Only http(s) addresses become links: article URLs come from the web and may say `javascript:`. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}
