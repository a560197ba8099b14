// Publish: per-article Markdown, the briefing (Markdown and HTML), the feeds of selected stories,
// articles.jsonl and run.json under the output folder.
import { join } from 'node:path';
import type { Article, Candidate, RunResult, Summary } from '../model.js';
import { writeChunksIfChanged, writeIfChanged } from './files.js';
import { articleMarkdown } from './markdown.js';
import { slugify } from './slug.js';
import { briefingHtml, briefingMarkdown } from './briefing.js';
import { briefingView } from './view.js';
import { articlesJsonl, jsonFeed, rssFeed } from './feeds.js';

import { DEFAULT_PUBLISH_OPTIONS, type PublishOptions } from './options.js';

export { DEFAULT_PUBLISH_OPTIONS, type PublishOptions };
import { provenanceJson, provenanceLink, provenancePathFor } from './provenance.js';
import { countCopies } from '../dedupe/index.js';
import { webUrl } from '../text/web-url.js';
import { modelGateCounts } from '../audit/gate.js';

export interface PublishedRun {
  /** Article id → file path relative to the output folder. */
  files: Map<string, string>;
  /** Paths (relative) whose content changed in this publish. */
  changed: string[];
}

export function publishRun(result: RunResult, outDir: string, generatedAt: string, options: PublishOptions = DEFAULT_PUBLISH_OPTIONS): PublishedRun {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const summaries = new Map(result.summaries.map((s) => [s.articleId, s]));
  const files = articleFiles(result.candidates, articles);
  const changed: string[] = [];
  const write = (relative: string, content: string): void => {
    if (writeIfChanged(join(outDir, relative), content)) changed.push(relative);
  };

  for (const candidate of result.candidates) {
    const article = articles.get(candidate.articleId)!;
    const summary = summaries.get(candidate.articleId);
    if (!summary) continue;
    const file = files.get(article.id)!;
    write(file, articleFileText(result, candidate, articles, summary, file));
    write(provenancePathFor(file), provenanceJson(article, summary));
  }
  const view = briefingView(result, files, options.title, generatedAt, options.digestWords);
  write('briefing.md', briefingMarkdown(view, options.templates.markdown));
  write('briefing.html', briefingHtml(view, options.templates.html));
  write('feed.xml', rssFeed(view, options));
  write('feed.json', jsonFeed(view, options));
  write('articles.jsonl', articlesJsonl(result, files));
  // Compact and streamed: at 10,000 articles run.json is over 100 MB of text.
  if (writeChunksIfChanged(join(outDir, 'run.json'), () => runJsonChunks(result, files, generatedAt))) changed.push('run.json');
  return { files, changed };
}

/**
 * One article's Markdown file as publishRun writes it for this run (path relative to the output folder):
 * what the editor shows and offers for download. Undefined when the run did not rank it or has no summary.
 */
export function publishedArticle(result: RunResult, articleId: string): { path: string; markdown: string } | undefined {
  const candidate = result.candidates.find((c) => c.articleId === articleId);
  const summary = result.summaries.find((s) => s.articleId === articleId);
  if (!candidate || !summary) return undefined;
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const path = articleFiles(result.candidates, articles).get(articleId)!;
  return { path, markdown: articleFileText(result, candidate, articles, summary, path) };
}

function articleFileText(result: RunResult, candidate: Candidate, articles: Map<string, Article>, summary: Summary, file: string): string {
  const article = articles.get(candidate.articleId)!;
  return articleMarkdown({ article, candidate, summary, sources: storySources(candidate, result, articles), provenance: provenanceLink(file) });
}

/** URLs of the story's other original articles, in rank order. */
function storySources(candidate: Candidate, result: RunResult, articles: Map<string, Article>): string[] {
  if (!candidate.storyId) return [];
  return result.candidates
    .filter((c) => c.storyId === candidate.storyId && c.articleId !== candidate.articleId && c.usage !== 'duplicate')
    .map((c) => webUrl(articles.get(c.articleId)?.url))
    .filter((url) => url !== '');
}

/** `articles/<publisher>/<slug>.md`; a second article with the same slug gets its id appended. */
function articleFiles(candidates: Candidate[], articles: Map<string, Article>): Map<string, string> {
  const files = new Map<string, string>();
  const used = new Set<string>();
  // Originals first, then copies, each in id order: a copy never takes its original's file name, and a
  // file name does not depend on this run's ranking.
  const ids = [...candidates]
    .sort((a, b) => Number(a.usage === 'duplicate') - Number(b.usage === 'duplicate') || a.articleId.localeCompare(b.articleId))
    .map((c) => c.articleId);
  for (const id of ids) {
    const article = articles.get(id)!;
    const base = `articles/${slugify(article.publisher, 'unknown')}/${slugify(article.title)}`;
    const path = used.has(`${base}.md`) ? `${base}-${id.slice(0, 8)}.md` : `${base}.md`;
    used.add(path);
    files.set(id, path);
  }
  return files;
}

export function runJson(result: RunResult, files: Map<string, string>, generatedAt: string): unknown {
  const candidate = candidateJson(result, files);
  return { ...runJsonHead(result, generatedAt), candidates: result.candidates.map(candidate), ...runJsonTail(result) };
}

/**
 * run.json as compact JSON text in pieces, the same text JSON.stringify(runJson(…)) gives: one piece per
 * candidate, so a large run is written without holding the whole document (bodies included) as one string.
 */
export function* runJsonChunks(result: RunResult, files: Map<string, string>, generatedAt: string): Generator<string> {
  const head = JSON.stringify(runJsonHead(result, generatedAt));
  yield `${head.slice(0, -1)},"candidates":[`;
  const candidate = candidateJson(result, files);
  for (const [i, c] of result.candidates.entries()) yield `${i > 0 ? ',' : ''}${JSON.stringify(candidate(c))}`;
  yield `],${JSON.stringify(runJsonTail(result)).slice(1)}\n`;
}

function runJsonHead(result: RunResult, generatedAt: string): Record<string, unknown> {
  const modelSentences = modelGateCounts(result.audits);
  return {
    generated_at: generatedAt,
    counts: {
      articles: result.articles.length,
      stories: result.stories.length,
      duplicates: countCopies(result.duplicates),
      failures: result.failures.length,
    },
    // What the gate did with the sentences a language model wrote (summarize.backend: llm).
    ...(modelSentences ? { model_sentences: modelSentences } : {}),
  };
}

function runJsonTail(result: RunResult): Record<string, unknown> {
  return { stories: result.stories, duplicates: result.duplicates, failures: result.failures, notices: result.notices };
}

function candidateJson(result: RunResult, files: Map<string, string>): (c: Candidate) => Record<string, unknown> {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const summaries = new Map<string, Summary>(result.summaries.map((s) => [s.articleId, s]));
  const audits = new Map(result.audits.map((r) => [r.articleId, r]));
  return (c) => {
    const a = articles.get(c.articleId)!;
    return {
      id: a.id,
      rank: c.rank,
      initial_rank: c.initialRank,
      usage: c.usage,
      score: c.score,
      components: c.components,
      story: c.storyId,
      ...(c.duplicateOf ? { duplicate_of: c.duplicateOf } : {}),
      ...(c.capped ? { capped: c.capped } : {}),
      ...(c.muted ? { muted: c.muted } : {}),
      url: webUrl(a.url),
      title: a.title,
      publisher: a.publisher,
      publisher_name: a.publisherName,
      byline: a.byline,
      published: a.published ?? null,
      lang: a.lang ?? null,
      file: files.get(a.id) ?? null,
      origin: a.origin,
      summary: summaries.get(a.id) ?? null,
      // Verdict per summary sentence, in summary order; the text and evidence are the summary's own.
      audit: audits.get(a.id)?.sentences.map(({ verdict, score, findings }) => ({ verdict, score, findings })) ?? null,
      text: a.text,
    };
  };
}
