// The per-article Markdown file: YAML front matter (url, title, publisher, usage, initial_rank first, in
// that order), then `## Article summary` and one paragraph.
import { Document, isScalar, visit } from 'yaml';
import type { Article, Candidate, Summary } from '../model.js';
import { webUrl } from '../text/web-url.js';
import { escapeMarkdownText } from '../text/markdown-escape.js';

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
  return `---\n${frontMatter(front)}---\n## Article summary\n${escapeMarkdownText(summary.text)}\n`;
}

/**
 * YAML front matter in which no value holds a raw < or >: a renderer that shows front matter (or a site
 * generator that drops a title into its page) must not meet markup. Such values are written as
 * double-quoted scalars with \x3C and \x3E escapes, so a YAML parser still reads the exact text.
 */
function frontMatter(front: Record<string, unknown>): string {
  const document = new Document(front);
  visit(document, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && /[<>]/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  // lineWidth 0: never fold a long headline; the yaml library quotes whatever YAML would misread.
  // Every < and > left in the output sits inside a double-quoted scalar, where \x3C and \x3E mean them.
  return document.toString({ lineWidth: 0 }).replace(/</g, '\\x3C').replace(/>/g, '\\x3E');
}
