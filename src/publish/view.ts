// What the briefing templates see: the run's stories in rank order, already joined and formatted, so a
// user's template needs no knowledge of the model.
import type { RunResult, Usage } from '../model.js';
import { storyDigest } from '../summarize/digest.js';
import { UNKNOWN_PUBLISHER } from '../ingest/index.js';
import { webUrl } from '../text/web-url.js';

export interface BriefingArticle {
  id: string;
  title: string;
  url: string;
  publisher: string;
  publisherName: string;
  published?: string;
  rank: number;
  usage: Usage;
  /** Path of the per-article Markdown file, relative to the output folder. */
  file?: string;
}

export interface BriefingStory {
  number: number;
  id: string;
  label: string;
  publishers: string[];
  summary: string;
  /** True when an editor selected any of its articles. */
  selected: boolean;
  articles: BriefingArticle[];
}

export interface BriefingView {
  title: string;
  /**
   * Newest publication time among the run's articles (the run time when none has a date): the news the
   * briefing covers, and unlike the wall clock it leaves an unchanged briefing byte-for-byte unchanged.
   */
  asOf: string;
  stories: BriefingStory[];
}

/** Usages that keep an article out of the briefing: copies, and what an editor turned down. */
const LEFT_OUT: ReadonlySet<Usage> = new Set(['duplicate', 'rejected']);

export function briefingView(result: RunResult, files: Map<string, string>, title: string, generatedAt: string, digestWords?: number): BriefingView {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const summaries = new Map(result.summaries.map((s) => [s.articleId, s]));
  const storyById = new Map(result.stories.map((s) => [s.id, s]));
  const shown = new Set<string>();
  const stories: BriefingStory[] = [];
  for (const candidate of result.candidates) {
    if (LEFT_OUT.has(candidate.usage)) continue;
    // Articles outside any story stand alone under their own id.
    const key = candidate.storyId || candidate.articleId;
    if (shown.has(key)) continue;
    shown.add(key);
    const story = storyById.get(candidate.storyId);
    const lead = articles.get(candidate.articleId)!;
    const members = result.candidates.filter((c) => (c.storyId || c.articleId) === key && !LEFT_OUT.has(c.usage));
    const memberArticles: BriefingArticle[] = members.map((m) => {
      const a = articles.get(m.articleId)!;
      const file = files.get(a.id);
      return {
        id: a.id,
        title: a.title,
        // Checked again here (ingest already did): a template may turn any url into a link.
        url: webUrl(a.url),
        publisher: a.publisher,
        publisherName: a.publisherName,
        ...(a.published ? { published: a.published } : {}),
        rank: m.rank,
        usage: m.usage,
        ...(file ? { file } : {}),
      };
    });
    stories.push({
      number: stories.length + 1,
      id: key,
      label: story?.label ?? lead.title,
      publishers: [...new Set(memberArticles.map((a) => a.publisherName))],
      summary: storySummary(lead, memberArticles, summaries, digestWords),
      selected: members.some((m) => m.usage === 'selected'),
      articles: memberArticles,
    });
  }
  const dates = result.articles.map((a) => a.published).filter((d): d is string => Boolean(d)).sort();
  return { title, asOf: dates[dates.length - 1] ?? generatedAt, stories };
}

/**
 * The story's digest: the lead article's opening summary sentences (who, what, where), then "Also reported
 * by …" with the other publishers' names. No citation markers: every sentence is the lead article's, and
 * its link sits beside the digest.
 */
function storySummary(
  lead: RunResult['articles'][number],
  members: BriefingArticle[],
  summaries: Map<string, RunResult['summaries'][number]>,
  digestWords: number | undefined,
): string {
  const leadSummary = summaries.get(lead.id);
  if (!leadSummary) return '';
  // An article whose publisher could not be told is no one a reader would recognize in "Also reported by".
  const others = members.filter((m) => m.id !== lead.id && m.publisher !== UNKNOWN_PUBLISHER).map((m) => m.publisherName || m.publisher);
  return storyDigest(lead, others, { leadSummary, ...(digestWords ? { maxWords: digestWords } : {}) }).text;
}
