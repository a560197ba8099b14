// What the briefing templates see: the run's stories in rank order, already joined and formatted, so a
// user's template needs no knowledge of the model.
import type { ArticleHead, ArticleRecord, Candidate, RunOutline, RunResult, StoryDigest, Usage } from '../model.js';
import { storyDigest, writtenDigest } from '../summarize/digest.js';
import { UNKNOWN_PUBLISHER } from '../ingest/index.js';
import { webUrl } from '../text/web-url.js';
import { storyTopics } from '../rank/story-topics.js';

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
  /** What the story is about: the desk's topics (`ranking.topics`) its articles match, most matched first. */
  topics: string[];
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

/** The briefing's stories: each story's (or lone article's) members in rank order, the first its lead. */
export function briefingStories(candidates: readonly Candidate[]): Array<{ key: string; members: Candidate[] }> {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (LEFT_OUT.has(candidate.usage)) continue;
    // Articles outside any story stand alone under their own id.
    const key = candidate.storyId || candidate.articleId;
    const members = groups.get(key);
    if (members) members.push(candidate);
    else groups.set(key, [candidate]);
  }
  return [...groups].map(([key, members]) => ({ key, members }));
}

/**
 * The story's digest: the one a language model wrote for it when the run made one (`written`, every sentence
 * gated against the article it cites) and any of its sentences still stands, else the lead article's opening
 * summary sentences (who, what, where); then "Also reported by …" with the other publishers' names. No
 * citation markers: the sentences say what they say, and the links sit beside the digest. Empty when the
 * lead has no summary and there is no written digest.
 */
export function leadDigest(lead: ArticleRecord, members: readonly ArticleHead[], digestWords: number | undefined, written?: StoryDigest): string {
  const names = otherPublishers(lead.article.id, members);
  if (written) {
    const made = writtenDigest(written.digest, lead.article, names, new Set(members.map((m) => m.id)), digestWords);
    if (made) return made.text;
  }
  if (!lead.summary) return '';
  return storyDigest(lead.article, names, { leadSummary: lead.summary, ...(digestWords ? { maxWords: digestWords } : {}) }).text;
}

/** The publishers "Also reported by …" names for a story: its other members', those a reader would recognize. */
export function otherPublishers(leadId: string, members: readonly ArticleHead[]): string[] {
  // An article whose publisher could not be told is no one a reader would recognize in "Also reported by".
  return members.filter((m) => m.id !== leadId && m.publisher !== UNKNOWN_PUBLISHER).map((m) => m.publisherName || m.publisher);
}

/** The briefing from a run's outline, its files and each story's digest (by lead article id, see leadDigest). */
export function briefingView(outline: RunOutline, files: Map<string, string>, title: string, generatedAt: string, digests: Map<string, string>): BriefingView {
  const heads = new Map(outline.heads.map((h) => [h.id, h]));
  const storyById = new Map(outline.stories.map((s) => [s.id, s]));
  const stories: BriefingStory[] = briefingStories(outline.candidates).map(({ key, members }, i) => {
    const lead = heads.get(members[0]!.articleId)!;
    const memberArticles: BriefingArticle[] = members.map((m) => {
      const a = heads.get(m.articleId)!;
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
    return {
      number: i + 1,
      id: key,
      label: storyById.get(members[0]!.storyId)?.label ?? lead.title,
      publishers: [...new Set(memberArticles.map((a) => a.publisherName))],
      topics: storyTopics(members),
      summary: digests.get(lead.id) ?? '',
      selected: members.some((m) => m.usage === 'selected'),
      articles: memberArticles,
    };
  });
  let asOf = '';
  for (const head of outline.heads) if (head.published && head.published > asOf) asOf = head.published;
  return { title, asOf: asOf || generatedAt, stories };
}

/** The briefing of a run held in memory, its digests made from its stories' lead articles (as publishing makes them). */
export function briefingOfRun(result: RunResult, files: Map<string, string>, title: string, generatedAt: string, digestWords?: number): BriefingView {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const summaries = new Map(result.summaries.map((s) => [s.articleId, s]));
  const heads = result.candidates.flatMap((c) => (articles.has(c.articleId) ? [articles.get(c.articleId)!] : []));
  const outline: RunOutline = { heads, candidates: result.candidates, stories: result.stories, duplicates: result.duplicates, failures: result.failures, notices: result.notices };
  const written = new Map((result.digests ?? []).map((d) => [d.storyId, d]));
  const digests = new Map<string, string>();
  for (const { key, members } of briefingStories(result.candidates)) {
    const article = articles.get(members[0]!.articleId)!;
    const summary = summaries.get(article.id);
    digests.set(article.id, leadDigest({ article, ...(summary ? { summary } : {}) }, members.map((m) => articles.get(m.articleId)!), digestWords, written.get(key)));
  }
  return briefingView(outline, files, title, generatedAt, digests);
}
