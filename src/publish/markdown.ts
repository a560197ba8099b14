// The per-article Markdown file: YAML front matter (url, title, publisher, usage, initial_rank first, in
// that order), then `## Article summary` and one paragraph.
import { stringify } from 'yaml';
import type { Article, Candidate, Summary } from '../model.js';
import { webUrl } from '../text/web-url.js';

export interface ArticleFileInput {
  article: Article;
  candidate: Candidate;
  summary: Summary;
  /** URLs of the other original articles of the story: the coverage that corroborates this one. */
  sources?: string[];
  /** Path of the provenance sidecar relative to this file; written as `summary_provenance`. */
  provenance?: string;
}

export function articleMarkdown({ article, candidate, summary, sources = [], provenance }: ArticleFileInput): string {
  const front: Record<string, unknown> = {
    url: webUrl(article.url),
    title: article.title,
    publisher: article.publisher,
    usage: candidate.usage,
    initial_rank: candidate.initialRank,
    id: article.id,
    story: candidate.storyId,
  };
  if (article.published) front.published = article.published;
  if (article.byline.length > 0) front.byline = article.byline;
  if (candidate.duplicateOf) front.duplicate_of = candidate.duplicateOf;
  const webSources = sources.map(webUrl).filter(Boolean);
  if (webSources.length > 0) front.sources = webSources;
  if (provenance) front.summary_provenance = provenance;
  // lineWidth 0: never fold a long headline; the yaml library quotes whatever YAML would misread.
  const yaml = stringify(front, { lineWidth: 0 });
  return `---\n${yaml}---\n## Article summary\n${summary.text}\n`;
}
