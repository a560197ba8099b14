import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTextArticle } from './text-article.js';
import { findShared } from '../../eval/shared-data.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/ingest/text/${name}`, import.meta.url), 'utf8');

describe('parseTextArticle with a syndication footer', () => {
  const article = parseTextArticle(fixture('ferry-footer.txt'));

  it('takes title and publisher from the footer (curly apostrophe kept)', () => {
    expect(article.title).toBe('Gull Island’s Ferry Returns to Full Schedule After Storm Repairs');
    expect(article.publisherName).toBe('Northwind Times');
  });

  it('removes the footer and keeps one paragraph per line', () => {
    expect(article.text).not.toContain('appeared first on');
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^The ferry between Port Alder and Gull Island will resume/);
    expect(paragraphs[3]).toBe('The repairs cost 4.2 million dollars, about a third more than first estimated.');
  });

  it('reads a straight-quoted title wrapped in quotes', () => {
    const straight = parseTextArticle(fixture('market-straight.txt'));
    expect(straight.title).toBe("Lakeside's Market Moves to the Rail Yard");
    expect(straight.publisherName).toBe('Lakeside Ledger');
    expect(straight.text.split('\n\n')).toEqual([
      "Vendors at the Lakeside farmers' market voted to move the Saturday market to the old rail yard for the summer season.",
      'The move gives the market room for forty more stalls, organizers said.',
    ]);
  });

  it('accepts a title that itself says "appeared first on" and curly punctuation in the footer', () => {
    const parsed = parseTextArticle('Body line.\nThe post Why It Appeared First on Page One appeared first on Harbor Gazette’s Desk.');
    expect(parsed.title).toBe('Why It Appeared First on Page One');
    expect(parsed.publisherName).toBe('Harbor Gazette’s Desk');
    expect(parsed.text).toBe('Body line.');
  });

  it('drops a first line that repeats the footer headline', () => {
    const parsed = parseTextArticle('Pier Opens\n\nThe pier opened.\n\nThe post Pier Opens appeared first on Pinecrest Courier.');
    expect(parsed.text).toBe('The pier opened.');
  });
});

describe('parseTextArticle without a footer', () => {
  const article = parseTextArticle(fixture('library-headline.txt'));

  it('takes the first line as title and a "By" line as byline', () => {
    expect(article.title).toBe('Pinecrest Library Extends Weekend Hours');
    expect(article.byline).toEqual(['Ana Ruiz', 'Tom Lee']);
    expect(article.publisherName).toBeUndefined();
  });

  it('joins hard-wrapped lines into blank-line-separated paragraphs', () => {
    expect(article.text).toBe(
      'The Pinecrest public library will stay open until 8 p.m. on Saturdays starting next month, the town council decided on Tuesday.\n\n' +
        "Council members voted 5 to 2 for the change, which will be paid for by a grant from the county's literacy fund.",
    );
  });

  it('normalizes CRLF, tabs and trailing spaces', () => {
    const parsed = parseTextArticle('\r\n  Title\twith tab  \r\n\r\nFirst   para.   \r\n\r\nSecond para.\t\r\n');
    expect(parsed.title).toBe('Title with tab');
    expect(parsed.text).toBe('First para.\n\nSecond para.');
  });

  it('returns an empty body for a headline alone', () => {
    const parsed = parseTextArticle(fixture('title-only.txt'));
    expect(parsed.title).toBe('A Headline With Nothing Under It');
    expect(parsed.text).toBe('');
  });
});

// Beside the repository, or beside the folder of work trees when the repository is one of them.
const seed = findShared('seeds', 'article.txt');
const seedExists = seed !== undefined;

describe.skipIf(!seedExists)('parseTextArticle on the seed article (../shared/seeds absent)', () => {
  it('reads the footer title and publisher and removes the footer line', () => {
    const content = readFileSync(seed!, 'utf8');
    const article = parseTextArticle(content);
    expect(article.title).toBe('U.S. and Mexico Vow to Fight Crime While Respecting Sovereignty');
    expect(article.publisherName).toBe('New York Times');
    expect(article.text).not.toContain('appeared first on');
    const bodyLines = content.split('\n').filter((line) => line.trim()).length - 1;
    expect(article.text.split('\n\n')).toHaveLength(bodyLines);
    expect(article.text.startsWith('The United States and Mexico said on Wednesday')).toBe(true);
  });
});

describe('parseTextArticle with a footer in another language', () => {
  const cases: Array<[string, string, string, string]> = [
    ['de', 'Der Beitrag Fähre fährt auch im Winter erschien zuerst auf Hafenblatt Nord.', 'Fähre fährt auch im Winter', 'Hafenblatt Nord'],
    ['fr', 'L’article Le traversier garde son horaire d’hiver est apparu en premier sur La Gazette du Port.', 'Le traversier garde son horaire d’hiver', 'La Gazette du Port'],
    ['es', 'La entrada El ferry mantiene su horario de invierno se publicó primero en Diario del Puerto.', 'El ferry mantiene su horario de invierno', 'Diario del Puerto'],
    ['it', "L'articolo Il traghetto resta in servizio d'inverno proviene da Corriere del Porto.", "Il traghetto resta in servizio d'inverno", 'Corriere del Porto'],
    ['pt', 'O post A balsa mantém o horário de inverno apareceu primeiro em Jornal do Porto.', 'A balsa mantém o horário de inverno', 'Jornal do Porto'],
    ['nl', 'Het bericht Veerboot blijft in de winter varen verscheen eerst op Havenkrant.', 'Veerboot blijft in de winter varen', 'Havenkrant'],
  ];
  for (const [lang, footer, title, publisher] of cases) {
    it(`reads and removes the ${lang} footer`, () => {
      const article = parseTextArticle(`Eerste alinea van het verhaal.\n\nTweede alinea.\n\n${footer}\n`);
      expect(article.title).toBe(title);
      expect(article.publisherName).toBe(publisher);
      expect(article.text).not.toContain(publisher);
    });
  }
});
