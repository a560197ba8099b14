import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingest } from './index.js';
import { summarizeArticle } from '../summarize/index.js';
import { splitSentences } from '../text/sentences.js';

// A mixed-language corpus of original fictional articles: German (with a syndication footer), French,
// English and Dutch plain text, Spanish and Portuguese items of one feed (which declares no language), and
// an Italian page that declares its own.
const FOLDER = fileURLToPath(new URL('../../test/fixtures/languages/', import.meta.url));

describe('ingest of a mixed-language corpus', async () => {
  const { articles, failures } = await ingest([FOLDER]);
  const byFile = (name: string) => articles.filter((a) => a.origin.path.endsWith(name));

  it('reads every input and gives each article its own language', () => {
    expect(failures).toEqual([]);
    expect(articles.map((a) => [a.origin.path.slice(FOLDER.length), a.lang])).toEqual([
      ['de-faehre.txt', 'de'],
      ['en-library.txt', 'en'],
      ['feed.xml', 'es'],
      ['feed.xml', 'pt'],
      ['fr-traversier.txt', 'fr'],
      ['nl-veerboot.txt', 'nl'],
      ['page-it.html', 'it'],
    ]);
  });

  it('takes the title and publisher from a localized footer and removes it, in a text file and a feed item', () => {
    const [german] = byFile('de-faehre.txt');
    expect(german).toMatchObject({ title: 'Neue Fähre für Lindenau', publisherName: 'Lindenauer Bote' });
    expect(german!.text).not.toContain('erschien zuerst');
    const [spanish] = byFile('feed.xml');
    expect(spanish!.text).not.toContain('se publicó primero');
  });

  it('splits and summarizes each article by its own language', () => {
    for (const article of articles) {
      const sentences = splitSentences(article.text, article.lang).map((s) => s.text);
      for (const s of summarizeArticle(article).sentences) expect(sentences, `${article.lang}: ${s.text}`).toContain(s.text);
    }
    const [german] = byFile('de-faehre.txt');
    expect(splitSentences(german!.text, german!.lang).map((s) => s.text)).toContain('Die Fähre zwischen Lindenau und Hobrecht soll ab dem 1. Mai verkehren.');
  });
});
