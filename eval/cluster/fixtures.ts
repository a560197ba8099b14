// Reads the labelled dedupe/cluster set in eval/cluster/fixtures/ (format in eval/cluster/README.md) into
// articles the system sees and labels it never sees.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/model.js';
import { articleId } from '../../src/ingest/index.js';
import { parseTextArticle } from '../../src/ingest/text-article.js';
import { publisherSlug } from '../../src/extract/publisher.js';

export interface LabelledArticle {
  article: Article;
  key: string;
  story: string;
  /** Key of the article this one copies; the labelled original. */
  copyOf?: string;
}

const HEADER = /^@@ (.*)$/;
const FIELD = /(\w+)=("[^"]*"|\S+)/g;

function fields(line: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of line.matchAll(FIELD)) result[match[1]!] = match[2]!.replace(/^"|"$/g, '');
  return result;
}

export function loadLabelledSet(dir: string): LabelledArticle[] {
  const entries: Array<{ meta: Record<string, string>; content: string }> = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    let current: { meta: Record<string, string>; lines: string[] } | undefined;
    const flush = (): void => {
      if (current) entries.push({ meta: current.meta, content: current.lines.join('\n').trim() });
    };
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const header = HEADER.exec(line);
      if (header) {
        flush();
        current = { meta: fields(header[1]!), lines: [] };
      } else current?.lines.push(line);
    }
    flush();
  }
  const byKey = new Map(entries.map((e) => [e.meta.id!, e]));
  const contentOf = (entry: { meta: Record<string, string>; content: string }): string => {
    const base = entry.meta.body ? byKey.get(entry.meta.body) : undefined;
    if (entry.meta.body && !base) throw new Error(`eval fixture ${entry.meta.id}: body=${entry.meta.body} is not an article`);
    let content = entry.content;
    if (base) {
      const original = parseTextArticle(contentOf(base));
      const [headline, ...added] = entry.content ? entry.content.split('\n') : [];
      const extra = added.join('\n').trim();
      content = `${headline?.trim() || original.title}\n\n${original.text}${extra ? `\n\n${extra}` : ''}`;
    }
    if (entry.meta.footer) {
      const title = content.split('\n', 1)[0]!;
      content = `${content}\n\nThe post ${title} appeared first on ${entry.meta.footer}.`;
    }
    return content;
  };
  return entries.map((entry) => {
    const { id: key, story, pub, at, url, copy_of: copyOf } = entry.meta;
    if (!key || !story || !pub || !url) throw new Error(`eval fixture ${key ?? '?'}: id, story, pub and url are required`);
    const draft = parseTextArticle(contentOf(entry));
    const publisher = publisherSlug(url) ?? 'unknown';
    const article: Article = {
      id: articleId(url, publisher, draft.title, draft.text),
      url,
      title: draft.title,
      byline: draft.byline,
      ...(at ? { published: new Date(at).toISOString() } : {}),
      publisher,
      publisherName: pub,
      text: draft.text,
      ...(draft.publisherName ? { syndicatedFrom: draft.publisherName } : {}),
      origin: { path: `eval/cluster/fixtures#${key}`, kind: 'text' },
      warnings: [],
    };
    return { article, key, story, ...(copyOf ? { copyOf } : {}) };
  });
}
