// The multilingual evaluation set: original fictional news articles in each desk language, one file per
// article under eval/text/articles/<lang>/, with the sentence boundaries marked by hand and a reference
// summary written before any system output on the article was read.
//
// File format: `title:` and `reference:` lines, a `---` line, then the body with one sentence per line and
// a blank line between paragraphs. The article text a system reads is each paragraph's sentences joined by
// one space, paragraphs separated by a blank line, so every marked line end is a boundary in that text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../summarize/corpus.js';

export interface LanguageArticle {
  id: string;
  /** The language the article is written in: the folder it sits in. */
  lang: string;
  title: string;
  reference: string;
  /** The article body as a system reads it. */
  text: string;
  /** Offsets in `text` where a marked sentence ends and another of the same paragraph follows. */
  boundaries: number[];
  /** Offsets in `text` where a marked sentence ends, the last of each paragraph included. */
  sentenceEnds: number[];
  /** Offsets in `text` where a marked sentence starts. */
  sentenceStarts: number[];
}

export function languageArticlesDir(): string {
  return join(repoRoot(), 'eval', 'text', 'articles');
}

/** Every article, by language folder and file name, in that order. */
export function loadLanguageArticles(dir = languageArticlesDir()): LanguageArticle[] {
  return readdirSync(dir)
    .sort()
    .flatMap((lang) =>
      readdirSync(join(dir, lang))
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .map((name) => parseArticle(`${lang}/${name}`, lang, readFileSync(join(dir, lang, name), 'utf8'))),
    );
}

export function parseArticle(id: string, lang: string, content: string): LanguageArticle {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const rule = lines.indexOf('---');
  if (rule < 0) throw new Error(`${id}: needs a header, a "---" line, then the body`);
  const header = new Map<string, string>();
  for (const line of lines.slice(0, rule)) {
    const at = line.indexOf(':');
    if (at > 0) header.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const title = header.get('title');
  const reference = header.get('reference');
  if (!title || !reference) throw new Error(`${id}: needs title: and reference: lines before "---"`);

  const paragraphs: string[][] = [[]];
  for (const line of lines.slice(rule + 1)) {
    if (line.trim() === '') {
      if (paragraphs.at(-1)!.length > 0) paragraphs.push([]);
    } else {
      paragraphs.at(-1)!.push(line.trim());
    }
  }
  if (paragraphs.at(-1)!.length === 0) paragraphs.pop();

  let text = '';
  const boundaries: number[] = [];
  const sentenceEnds: number[] = [];
  const sentenceStarts: number[] = [];
  paragraphs.forEach((sentences, p) => {
    if (p > 0) text += '\n\n';
    sentences.forEach((sentence, s) => {
      if (s > 0) text += ' ';
      sentenceStarts.push(text.length);
      text += sentence;
      sentenceEnds.push(text.length);
      if (s < sentences.length - 1) boundaries.push(text.length);
    });
  });
  return { id, lang, title, reference, text, boundaries, sentenceEnds, sentenceStarts };
}
