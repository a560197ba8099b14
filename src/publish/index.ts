// Publish: per-article Markdown, the briefing (Markdown and HTML), the feeds of selected stories,
// articles.jsonl and run.json under the output folder.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleHead, ArticleRecord, Candidate, RunOutline, RunResult } from '../model.js';
import { ChunkedFile, writeChunksIfChanged, writeIfChanged } from './files.js';
import { articleMarkdown } from './markdown.js';
import { slugify } from './slug.js';
import { briefingHtmlChunks, briefingMarkdownChunks } from './briefing.js';
import { briefingStories, briefingView, leadDigest } from './view.js';
import { articlesJsonlLine, jsonFeed, rssFeed } from './feeds.js';

import { DEFAULT_PUBLISH_OPTIONS, type PublishOptions } from './options.js';

export { DEFAULT_PUBLISH_OPTIONS, type PublishOptions };
import { provenanceJson, provenanceLink, provenancePathFor } from './provenance.js';
import { webUrl } from '../text/web-url.js';
import { addGateCounts, candidateJson, emptyGateCounts, runJsonHead, runJsonTail } from './run-json.js';

export interface PublishedRun {
  /** Article id → file path relative to the output folder. */
  files: Map<string, string>;
  /** Paths (relative) whose content changed in this publish. */
  changed: string[];
}

/**
 * What publishing reads: a run's outline, held whole, and its articles' records (text, summary, audit),
 * read PUBLISH_PAGE at a time, so that a run of 100,000 articles is published in little memory.
 */
export interface PublishSource {
  outline: RunOutline;
  records(articleIds: string[]): Promise<Map<string, ArticleRecord>>;
}

/** Articles read and rendered at a time. */
export const PUBLISH_PAGE = 50;

/** A run held in memory as a publish source. */
export function memorySource(result: RunResult): PublishSource {
  const recordOf = memoryRecords(result);
  const { articles: _articles, summaries: _summaries, audits: _audits, ...rest } = result;
  const heads = result.candidates.flatMap((c) => {
    const a = recordOf(c.articleId)?.article;
    return a ? [{ id: a.id, url: a.url, title: a.title, publisher: a.publisher, publisherName: a.publisherName, ...(a.published ? { published: a.published } : {}) }] : [];
  });
  return {
    outline: { ...rest, heads },
    records: async (ids) => {
      const found = new Map<string, ArticleRecord>();
      for (const id of ids) {
        const record = recordOf(id);
        if (record) found.set(id, record);
      }
      return found;
    },
  };
}

/** A run held in memory, looked up by article id: the article with its summary and audit. */
function memoryRecords(result: RunResult): (id: string) => ArticleRecord | undefined {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const summaries = new Map(result.summaries.map((s) => [s.articleId, s]));
  const audits = new Map(result.audits.map((r) => [r.articleId, r]));
  return (id) => {
    const article = articles.get(id);
    if (!article) return undefined;
    const summary = summaries.get(id);
    const audit = audits.get(id);
    return { article, ...(summary ? { summary } : {}), ...(audit ? { audit } : {}) };
  };
}

export function publishRun(result: RunResult, outDir: string, generatedAt: string, options: PublishOptions = DEFAULT_PUBLISH_OPTIONS): Promise<PublishedRun> {
  return publishFrom(memorySource(result), outDir, generatedAt, options);
}

/**
 * Writes every output of a run: per-article Markdown and provenance, the briefing, the feeds, articles.jsonl
 * and run.json. Articles are read a page at a time and each output is written as it goes (files that did not
 * change keep their mtime); only the outline and the stories' digests are held whole.
 */
export async function publishFrom(source: PublishSource, outDir: string, generatedAt: string, options: PublishOptions = DEFAULT_PUBLISH_OPTIONS): Promise<PublishedRun> {
  const { outline } = source;
  const heads = new Map(outline.heads.map((h) => [h.id, h]));
  const files = articleFiles(outline.candidates, heads);
  const sources = storySourcesOf(outline.candidates, heads);
  const changed: string[] = [];
  const write = (relative: string, content: string): void => {
    if (writeIfChanged(join(outDir, relative), content)) changed.push(relative);
  };
  // The briefing's stories and their leads: a digest is made from each lead's record as its page goes by.
  const stories = briefingStories(outline.candidates);
  const leads = new Map(stories.map((story) => [story.members[0]!.articleId, story]));
  const written = new Map((outline.digests ?? []).map((d) => [d.storyId, d]));
  const digests = new Map<string, string>();

  const jsonl = new ChunkedFile(join(outDir, 'articles.jsonl'));
  // run.json opens with counts over every audit: its candidates go to a part file, joined at the end.
  const part = join(outDir, `.run.json.${process.pid}.part`);
  const candidatesPart = new ChunkedFile(part);
  const gate = emptyGateCounts();
  try {
    const candidate = candidateJson(files);
    for (let start = 0; start < outline.candidates.length; start += PUBLISH_PAGE) {
      const page = outline.candidates.slice(start, start + PUBLISH_PAGE);
      const records = await source.records(page.map((c) => c.articleId));
      page.forEach((c, i) => {
        const record = records.get(c.articleId)!;
        const { article, summary } = record;
        const file = files.get(article.id)!;
        if (summary) {
          write(file, articleMarkdown({ article, candidate: c, summary, sources: sources(c), provenance: provenanceLink(file) }));
          write(provenancePathFor(file), provenanceJson(article, summary));
        }
        const story = leads.get(article.id);
        if (story) digests.set(article.id, leadDigest(record, story.members.map((m) => heads.get(m.articleId)!), options.digestWords, written.get(story.key)));
        jsonl.write(articlesJsonlLine(c, article, summary, files));
        candidatesPart.write(`${start + i > 0 ? ',' : ''}${JSON.stringify(candidate(c, record))}`);
        if (record.audit) addGateCounts(gate, record.audit);
      });
    }
    candidatesPart.finish();
    if (jsonl.finish()) changed.push('articles.jsonl');
    const runJsonFile = new ChunkedFile(join(outDir, 'run.json'));
    try {
      const head = JSON.stringify(runJsonHead(outline, generatedAt, gate));
      runJsonFile.write(`${head.slice(0, -1)},"candidates":[`);
      runJsonFile.append(part);
      runJsonFile.write(`],${JSON.stringify(runJsonTail(outline)).slice(1)}\n`);
    } catch (error) {
      runJsonFile.abort();
      throw error;
    }
    if (runJsonFile.finish()) changed.push('run.json');
  } catch (error) {
    jsonl.abort();
    candidatesPart.abort();
    throw error;
  } finally {
    rmSync(part, { force: true });
  }

  const view = briefingView(outline, files, options.title, generatedAt, digests);
  // A story at a time: the briefing of a large run is tens of megabytes (see briefingMarkdownChunks).
  for (const [file, chunks] of [
    ['briefing.md', () => briefingMarkdownChunks(view, options.templates.markdown)],
    ['briefing.html', () => briefingHtmlChunks(view, options.templates.html)],
  ] as const) {
    if (writeChunksIfChanged(join(outDir, file), chunks)) changed.push(file);
  }
  write('feed.xml', rssFeed(view, options));
  write('feed.json', jsonFeed(view, options));
  return { files, changed };
}

/**
 * One article's Markdown file as publishing writes it for this run (path relative to the output folder):
 * what the editor shows and offers for download. Undefined when the run did not rank it or has no summary.
 */
export function publishedArticle(result: RunResult, articleId: string): { path: string; markdown: string } | undefined {
  const candidate = result.candidates.find((c) => c.articleId === articleId);
  const summary = result.summaries.find((s) => s.articleId === articleId);
  const article = result.articles.find((a) => a.id === articleId);
  if (!candidate || !summary || !article) return undefined;
  const { outline } = memorySource(result);
  const heads = new Map(outline.heads.map((h) => [h.id, h]));
  const path = articleFiles(result.candidates, heads).get(articleId)!;
  const sources = storySourcesOf(result.candidates, heads);
  return { path, markdown: articleMarkdown({ article, candidate, summary, sources: sources(candidate), provenance: provenanceLink(path) }) };
}

/** URLs of each story's other original articles, in rank order. */
function storySourcesOf(candidates: Candidate[], heads: Map<string, ArticleHead>): (candidate: Candidate) => string[] {
  const byStory = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (!c.storyId || c.usage === 'duplicate') continue;
    const members = byStory.get(c.storyId);
    if (members) members.push(c);
    else byStory.set(c.storyId, [c]);
  }
  return (candidate) => {
    if (!candidate.storyId) return [];
    return (byStory.get(candidate.storyId) ?? [])
      .filter((c) => c.articleId !== candidate.articleId)
      .map((c) => webUrl(heads.get(c.articleId)?.url))
      .filter((url) => url !== '');
  };
}

/** `articles/<publisher>/<slug>.md`; a second article with the same slug gets its id appended. */
function articleFiles(candidates: Candidate[], articles: Map<string, ArticleHead>): Map<string, string> {
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
  return JSON.parse([...runJsonChunks(result, files, generatedAt)].join('')) as unknown;
}

/**
 * run.json of a run held in memory as compact JSON text in pieces, the same text publishing writes: one piece
 * per candidate, so a large run is written without holding the whole document (bodies included) as one string.
 */
export function* runJsonChunks(result: RunResult, files: Map<string, string>, generatedAt: string): Generator<string> {
  const { outline } = memorySource(result);
  const gate = emptyGateCounts();
  for (const report of result.audits) addGateCounts(gate, report);
  const head = JSON.stringify(runJsonHead(outline, generatedAt, gate));
  yield `${head.slice(0, -1)},"candidates":[`;
  const candidate = candidateJson(files);
  const recordOf = memoryRecords(result);
  for (const [i, c] of result.candidates.entries()) yield `${i > 0 ? ',' : ''}${JSON.stringify(candidate(c, recordOf(c.articleId)!))}`;
  yield `],${JSON.stringify(runJsonTail(outline)).slice(1)}\n`;
}
