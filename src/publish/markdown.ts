// The per-article Markdown file: YAML front matter (url, title, publisher, usage, initial_rank first, in
// that order), then `## Article summary` and one paragraph.
import { Document, isSeq } from 'yaml';
import type { Article, Candidate, Summary } from '../model.js';

export interface ArticleFileInput {
  article: Article;
  candidate: Candidate;
  summary: Summary;
  /** URLs of the other original articles of the story: the coverage that corroborates this one. */
  sources?: string[];
}

export function articleMarkdown({ article, candidate, summary, sources = [] }: ArticleFileInput): string {
  const front: Record<string, unknown> = {
    url: article.url,
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
  if (sources.length > 0) front.sources = sources;
  // For each summary sentence, the indexes of the article sentences it comes from: enough to check the
  // summary against the article; run.json has the character spans.
  if (summary.sentences.length > 0) front.summary_provenance = summary.sentences.map((s) => s.source.map((span) => span.sentence));
  // lineWidth 0: never fold a long headline; the yaml library quotes whatever YAML would misread.
  const doc = new Document(front);
  // One line, [[2], [3, 4], [7]]: a list per sentence in block style would take three lines per sentence.
  const provenance = doc.get('summary_provenance', true);
  if (isSeq(provenance)) provenance.flow = true;
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n## Article summary\n${summary.text}\n`;
}
