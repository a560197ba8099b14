// The provenance sidecar: beside each per-article Markdown file, a JSON file saying where every summary
// sentence comes from (source sentence ids and character offsets into the article text) and which edits
// were made. The Markdown stays in the seed format; one optional front-matter key points here.
import { webUrl } from '../text/web-url.js';
import { basename } from 'node:path';
import type { Article, Summary } from '../model.js';

/** `articles/p/slug.md` → `articles/p/slug.provenance.json`. */
export function provenancePathFor(markdownPath: string): string {
  return `${markdownPath.replace(/\.md$/, '')}.provenance.json`;
}

/** The sidecar's path relative to its Markdown file, which sits in the same folder. */
export function provenanceLink(markdownPath: string): string {
  return basename(provenancePathFor(markdownPath));
}

export function provenanceJson(article: Article, summary: Summary): string {
  const sidecar = {
    article_id: article.id,
    url: webUrl(article.url),
    title: article.title,
    method: summary.method,
    summary: summary.text,
    // Offsets index into the article body as stored in run.json (`text`), in UTF-16 code units.
    sentences: summary.sentences.map((sentence) => ({
      text: sentence.text,
      source: sentence.source,
      edits: sentence.edits,
      // A model-written summary says per sentence how it got there (llm, llm-repaired, extractive).
      ...(sentence.method ? { method: sentence.method } : {}),
    })),
  };
  return `${JSON.stringify(sidecar, null, 2)}\n`;
}
