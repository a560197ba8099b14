// Publish: per-article Markdown, the briefing and run.json under the output folder.
import { join } from 'node:path';
import type { Article, Candidate, RunResult, Summary } from '../model.js';
import { writeIfChanged } from './files.js';
import { articleMarkdown } from './markdown.js';
import { slugify } from './slug.js';
import { briefingMarkdown } from './briefing.js';
import { provenanceJson, provenanceLink, provenancePathFor } from './provenance.js';

export interface PublishedRun {
  /** Article id → file path relative to the output folder. */
  files: Map<string, string>;
  /** Paths (relative) whose content changed in this publish. */
  changed: string[];
}

export function publishRun(result: RunResult, outDir: string, generatedAt: string): PublishedRun {
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
    write(file, articleMarkdown({ article, candidate, summary, provenance: provenanceLink(file) }));
    write(provenancePathFor(file), provenanceJson(article, summary));
  }
  write('briefing.md', briefingMarkdown(result, files));
  write('run.json', `${JSON.stringify(runJson(result, files, generatedAt), null, 2)}\n`);
  return { files, changed };
}

/** `articles/<publisher>/<slug>.md`; a second article with the same slug gets its id appended. */
function articleFiles(candidates: Candidate[], articles: Map<string, Article>): Map<string, string> {
  const files = new Map<string, string>();
  const used = new Set<string>();
  // Assign in id order so that a file name does not depend on this run's ranking.
  const ids = candidates.map((c) => c.articleId).sort();
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
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const summaries = new Map<string, Summary>(result.summaries.map((s) => [s.articleId, s]));
  const audits = new Map(result.audits.map((r) => [r.articleId, r]));
  return {
    generated_at: generatedAt,
    counts: {
      articles: result.articles.length,
      stories: result.stories.length,
      duplicates: result.duplicates.reduce((n, g) => n + g.duplicateIds.length, 0),
      failures: result.failures.length,
    },
    candidates: result.candidates.map((c) => {
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
        url: a.url,
        title: a.title,
        publisher: a.publisher,
        publisher_name: a.publisherName,
        byline: a.byline,
        published: a.published ?? null,
        lang: a.lang ?? null,
        file: files.get(a.id) ?? null,
        origin: a.origin,
        summary: summaries.get(a.id) ?? null,
        audit: audits.get(a.id)?.sentences ?? null,
        text: a.text,
      };
    }),
    stories: result.stories,
    duplicates: result.duplicates,
    failures: result.failures,
    notices: result.notices,
  };
}
