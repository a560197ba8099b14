// What the briefing templates see: the run's stories in rank order, already joined and formatted, so a
// user's template needs no knowledge of the model.
import type { RunResult, Usage } from '../model.js';
import { summarizeStory } from '../summarize/story.js';
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

export function briefingView(result: RunResult, files: Map<string, string>, title: string, generatedAt: string): BriefingView {
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
      summary: storySummary(lead.id, memberArticles, articles, summaries),
      selected: members.some((m) => m.usage === 'selected'),
      articles: memberArticles,
    });
  }
  const dates = result.articles.map((a) => a.published).filter((d): d is string => Boolean(d)).sort();
  return { title, asOf: dates[dates.length - 1] ?? generatedAt, stories };
}

/**
 * One summary for the story: the lead article's own when it stands alone, else drawn from all its articles
 * (lead first), each sentence ending with `[n]`, the number of its article in the story's list.
 */
function storySummary(
  leadId: string,
  members: BriefingArticle[],
  articles: Map<string, RunResult['articles'][number]>,
  summaries: Map<string, RunResult['summaries'][number]>,
): string {
  if (members.length < 2) return summaries.get(leadId)?.text ?? '';
  const memberArticles = members.map((m) => articles.get(m.id)!);
  const position = new Map(memberArticles.map((a, i) => [a.id, i + 1]));
  const story = summarizeStory(memberArticles, { summaries });
  return story.sentences.map((s) => `${s.text} [${position.get(s.articleId ?? '') ?? '?'}]`).join(' ');
}
