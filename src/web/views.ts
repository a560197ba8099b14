// The editor's views built from the desk's domain records (the latest committed run as desk.ts arranges it,
// articles, summaries, audits, audit trails): no view is a query of its own, so every backend serves them.
import type { Article, AuditReport, Candidate, RunResult, Summary, Usage } from '../model.js';
import type { RankEvent, Store, UsageEvent } from '../store/index.js';
import { deskState } from '../desk.js';
import { publishedArticle } from '../publish/index.js';

/** One candidate on the editor's board: the ranked article with its story, summary and audit status. */
export interface BoardEntry {
  articleId: string;
  title: string;
  url: string;
  publisher: string;
  publisherName: string;
  published?: string;
  /** When a run first met the article (that run's start): the fallback time for articles with no date. */
  firstSeen?: string;
  storyId: string;
  storyLabel: string;
  rank: number;
  initialRank: number;
  /** Where an editor pinned it, when pinned. */
  pinned?: number;
  score: number;
  /** Current usage: an editor's choice when there is one, else what the run decided. */
  usage: Usage;
  summary: string;
  /** Audited summary sentences that were not supported by their source. */
  flagged: number;
  audited: number;
  /** For a copy: the article it copies. */
  duplicateOf?: string;
  /** The mute rules that moved it below every article not muted. */
  muted?: string;
  /** The boost rules that lifted it, as its boost component says. */
  boosted?: string;
}

/** Everything the article view shows. */
export interface ArticleReview {
  article: Article;
  summary?: Summary;
  audit?: AuditReport;
  /** The article's candidate row in the latest run, with the current usage and pin. */
  candidate?: Candidate;
  storyLabel?: string;
  changes: UsageEvent[];
  /** Moves (pins and unpins) an editor made, oldest first. */
  rankChanges: RankEvent[];
  /** Its Markdown file exactly as published, and where (relative to the output folder). */
  file?: { path: string; markdown: string };
  /** The articles before and after it on the board (originals in rank order), for next/previous. */
  neighbours?: { previous?: ArticleLink; next?: ArticleLink };
}

export interface ArticleLink {
  id: string;
  title: string;
}

/** The board's entries for the latest committed run, in rank order, with the run itself. */
export async function loadBoard(store: Store): Promise<{ run?: { id: number; startedAt: string }; entries: BoardEntry[] }> {
  const state = await deskState(store);
  if (!state) return { entries: [] };
  const { result } = state;
  const memory = await store.recall(result.candidates.map((c) => c.articleId));
  const started = new Map((await store.listRuns()).map((r) => [r.id, r.startedAt]));
  return { run: { id: state.run.id, startedAt: state.run.startedAt }, entries: boardEntries(result, (id) => started.get(memory.get(id)?.firstSeenRun ?? -1)) };
}

export function boardEntries(result: RunResult, firstSeen: (articleId: string) => string | undefined): BoardEntry[] {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const summaries = new Map(result.summaries.map((s) => [s.articleId, s]));
  const audits = new Map(result.audits.map((a) => [a.articleId, a]));
  const labels = new Map(result.stories.map((s) => [s.id, s.label]));
  return result.candidates.flatMap((c): BoardEntry[] => {
    const a = articles.get(c.articleId);
    if (!a) return [];
    const audited = audits.get(c.articleId)?.sentences ?? [];
    const seen = firstSeen(c.articleId);
    return [
      {
        articleId: a.id,
        title: a.title,
        url: a.url,
        publisher: a.publisher,
        publisherName: a.publisherName,
        ...(a.published ? { published: a.published } : {}),
        ...(seen ? { firstSeen: seen } : {}),
        storyId: c.storyId,
        storyLabel: labels.get(c.storyId) ?? '',
        rank: c.rank,
        initialRank: c.initialRank,
        ...(c.pinned !== undefined ? { pinned: c.pinned } : {}),
        score: c.score,
        usage: c.usage,
        summary: summaries.get(c.articleId)?.text ?? '',
        flagged: audited.filter((s) => s.verdict !== 'supported').length,
        audited: audited.length,
        ...(c.duplicateOf ? { duplicateOf: c.duplicateOf } : {}),
        ...(c.muted ? { muted: c.muted } : {}),
        ...boostOf(c),
      },
    ];
  });
}

/** What boost rules did for a candidate, as its boost component says; nothing when none matched. */
export function boostOf(c: Candidate): { boosted?: string } {
  const boost = c.components.find((p) => p.name === 'boost' && p.contribution > 0);
  return boost ? { boosted: boost.detail } : {};
}

/** One article as the editor reviews it; undefined when the id is unknown. */
export async function loadReview(store: Store, articleId: string): Promise<ArticleReview | undefined> {
  const [article] = await store.getArticles([articleId]);
  if (!article) return undefined;
  const state = await deskState(store);
  const candidate = state?.result.candidates.find((c) => c.articleId === articleId);
  const { summary, audit } = await store.articleRecords(articleId);
  const label = candidate ? state?.result.stories.find((s) => s.id === candidate.storyId)?.label : undefined;
  const file = state ? publishedArticle(state.result, articleId) : undefined;
  const neighbours = state ? neighboursOf(state.result, articleId) : undefined;
  return {
    article,
    ...(summary ? { summary } : {}),
    ...(audit ? { audit } : {}),
    ...(candidate ? { candidate } : {}),
    ...(label ? { storyLabel: label } : {}),
    changes: await store.usageHistory(articleId),
    rankChanges: await store.rankHistory(articleId),
    ...(file ? { file } : {}),
    ...(neighbours ? { neighbours } : {}),
  };
}

/** The originals just before and after an article in rank order (copies are reached through their original). */
function neighboursOf(result: RunResult, articleId: string): { previous?: ArticleLink; next?: ArticleLink } | undefined {
  const order = result.candidates.filter((c) => c.usage !== 'duplicate' || c.articleId === articleId);
  const at = order.findIndex((c) => c.articleId === articleId);
  if (at < 0) return undefined;
  const titles = new Map(result.articles.map((a) => [a.id, a.title]));
  const link = (c: Candidate | undefined): ArticleLink | undefined => (c ? { id: c.articleId, title: titles.get(c.articleId) ?? c.articleId } : undefined);
  const previous = link(order[at - 1]);
  const next = link(order[at + 1]);
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
