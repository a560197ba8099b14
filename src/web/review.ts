// What the editor shows, as plain data: the JSON API returns it and the pages render it.
import { isWebUrl, webUrl } from '../text/web-url.js';
import type { AuditFinding, AuditVerdict, AuditedSentence, SourceSpan, Usage } from '../model.js';
import type { RankEvent, UsageEvent } from '../store/index.js';
import { boostOf, type ArticleLink, type ArticleReview, type BoardEntry } from './views.js';
import { splitSentences } from '../text/sentences.js';
import { contentTokens, stem, tokenize } from '../text/words.js';
import { slugify } from '../publish/slug.js';

export interface BoardFilter {
  usage?: Usage;
  publisher?: string;
  /** Words that must all occur (stemmed, any case) in an entry's title or summary. */
  topic?: string;
  /** A window such as `24h`, `3d` or `1w`: entries published (or, undated, first seen) within it. */
  since?: string;
}

const SINCE_UNITS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const SINCE_RE = /^\s*(\d{1,5})\s*([hdw])\s*$/i;

/** Milliseconds of a `since` window, or undefined when it is not one. */
export function parseSince(since: string): number | undefined {
  const match = SINCE_RE.exec(since);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return amount > 0 ? amount * SINCE_UNITS[match[2]!.toLowerCase()]! : undefined;
}

/** The query's content words, stemmed; a query of only stopwords ("the") keeps its words rather than match everything. */
function topicStems(topic: string): string[] {
  const words = contentTokens(topic);
  return (words.length > 0 ? words : tokenize(topic)).map(stem);
}

function matchesTopic(entry: BoardEntry, stems: string[]): boolean {
  if (stems.length === 0) return true;
  const have = new Set(tokenize(`${entry.title} ${entry.summary}`).map(stem));
  return stems.every((s) => have.has(s));
}

/** An entry's time: its publication date when it has a readable one, else when a run first met it. */
function entryTime(entry: BoardEntry): number | undefined {
  const published = entry.published ? Date.parse(entry.published) : NaN;
  if (!Number.isNaN(published)) return published;
  const seen = entry.firstSeen ? Date.parse(entry.firstSeen) : NaN;
  return Number.isNaN(seen) ? undefined : seen;
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
  /** The server's clock when the board was built: dates on the page are relative to it. */
  now?: string;
  /** The newest publication (or first-seen) time among the shown entries. */
  newest?: string;
  publishers: string[];
  stories: BoardStory[];
  /** Saved searches (the config's, then the editors'), each with the shown articles it finds. */
  searches?: BoardSearch[];
}

export interface BoardSearch {
  /** The store's id; absent for a search from the config file. */
  id?: number;
  query: string;
  articleIds: string[];
}

/** `now` anchors the `since` window (ISO); an unreadable window filters nothing (the server rejects it first). */
export function buildBoard(entries: BoardEntry[], filter: BoardFilter, run?: { id: number; startedAt: string }, now = new Date().toISOString()): Board {
  const publishers = [...new Set(entries.map((e) => e.publisher))].sort();
  const stems = filter.topic ? topicStems(filter.topic) : [];
  const window = filter.since ? parseSince(filter.since) : undefined;
  const cutoff = window === undefined ? undefined : Date.parse(now) - window;
  const shown = entries.map((e) => (e.url && !isWebUrl(e.url) ? { ...e, url: '' } : e)).filter((e) => {
    if (filter.usage && e.usage !== filter.usage) return false;
    if (filter.publisher && e.publisher !== filter.publisher) return false;
    if (cutoff !== undefined && !((entryTime(e) ?? -Infinity) >= cutoff)) return false;
    return matchesTopic(e, stems);
  });
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
  const times = shown.map(entryTime).filter((t): t is number => t !== undefined);
  const newest = times.length > 0 ? new Date(Math.max(...times)).toISOString() : undefined;
  return {
    ...(run ? { runId: run.id, generatedAt: run.startedAt } : {}),
    now,
    ...(newest ? { newest } : {}),
    publishers,
    stories: [...stories.values()],
  };
}

/** A story's articles as the board shows them: originals in rank order, each with its copies folded under it. */
export function foldCopies(story: BoardStory): Array<{ entry: BoardEntry; copies: BoardEntry[] }> {
  const shown = new Set(story.articles.map((a) => a.articleId));
  const originals = story.articles.filter((a) => !a.duplicateOf || !shown.has(a.duplicateOf));
  return originals.map((entry) => ({ entry, copies: story.articles.filter((a) => a.duplicateOf === entry.articleId) }));
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
  /** Where an editor pinned it, when pinned. */
  pinned?: number;
  storyId?: string;
  storyLabel?: string;
  duplicateOf?: string;
  /** The mute rules that moved it down, and the boost rules that lifted it. */
  muted?: string;
  boosted?: string;
  paragraphs: SourceParagraph[];
  summary?: { text: string; method: string; sentences: ReviewedSentence[] };
  /** Audited sentences that are not in the stored summary: the audit dropped them. */
  dropped: AuditedSentence[];
  changes: UsageEvent[];
  rankChanges: RankEvent[];
  markdown?: string;
  markdownFile: string;
  neighbours?: { previous?: ArticleLink; next?: ArticleLink };
}

export function buildArticleView(review: ArticleReview): ArticleView {
  const { article, summary, audit, candidate } = review;
  const paragraphs: SourceParagraph[] = [];
  for (const sentence of splitSentences(article.text, article.lang)) {
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
    url: webUrl(article.url),
    publisher: article.publisher,
    publisherName: article.publisherName,
    ...(article.published ? { published: article.published } : {}),
    byline: article.byline,
    ...(candidate
      ? {
          usage: candidate.usage,
          rank: candidate.rank,
          initialRank: candidate.initialRank,
          ...(candidate.pinned !== undefined ? { pinned: candidate.pinned } : {}),
          ...(candidate.storyId ? { storyId: candidate.storyId } : {}),
          ...(candidate.duplicateOf ? { duplicateOf: candidate.duplicateOf } : {}),
          ...(candidate.muted ? { muted: candidate.muted } : {}),
          ...boostOf(candidate),
        }
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
    rankChanges: review.rankChanges,
    ...(review.file ? { markdown: review.file.markdown } : {}),
    markdownFile: review.file ? review.file.path.slice(review.file.path.lastIndexOf('/') + 1) : `${slugify(article.title)}.md`,
    ...(review.neighbours ? { neighbours: review.neighbours } : {}),
  };
}

/** Only http(s) addresses become links: article URLs come from the web and may say `javascript:`. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s]+$/i.test(url) && isWebUrl(url) ? url : undefined;
}
