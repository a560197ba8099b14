import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle, WARNING_NO_BODY } from './index.js';
import { stripSiteSuffix } from './metadata.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/ingest/html/${name}`, import.meta.url), 'utf8');

describe('extractArticle on a page with OpenGraph and boilerplate', () => {
  const page = extractArticle(fixture('tram-page.html'));

  it('reads title, byline, published time, canonical URL, site name and language', () => {
    expect(page.title).toBe('Tram Line Extension Opens to Riverside');
    expect(page.byline).toEqual(['Chloe Tan', 'Marcus Reid']);
    expect(page.published).toBe('2025-06-09T22:00:00.000Z');
    // The relative canonical link resolves against og:url, and wins over it (no tracking query).
    expect(page.canonicalUrl).toBe('https://news.example-times.com.au/2025/06/tram-extension');
    expect(page.siteName).toBe('Example Times');
    expect(page.lang).toBe('en-AU');
    expect(page.warnings).toEqual([]);
  });

  it('keeps the five body paragraphs and nothing else', () => {
    const paragraphs = page.text.split('\n\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toBe(
      'The first trams on the 3.1-kilometre Riverside extension carried passengers on Tuesday morning, ending four years of construction along Quay Road & the old wool stores.',
    );
    expect(paragraphs[1]).toMatch(/^“It’s twelve minutes from the terminus to the city now,” said Deb Harlow/);
    expect(paragraphs[4]).toBe('A second stage, to the hospital precinct, is due to open in 2027.');
  });

  it('drops navigation, footer, related links, headline, byline and dateline', () => {
    for (const boilerplate of ['Subscribe today', 'All rights reserved', 'Bus timetable changes', 'By Chloe Tan', '10 June 2025', 'Tram Line Extension Opens']) {
      expect(page.text).not.toContain(boilerplate);
    }
    expect(page.text).not.toMatch(/[<>]|&\w+;/);
  });
});

describe('extractArticle on a page with JSON-LD only', () => {
  const page = extractArticle(fixture('night-market.htm'), 'https://harborgazette.org/2025/07/night-market');

  it('takes title, authors, date and publisher from JSON-LD and strips the <title> suffix', () => {
    expect(page.title).toBe('Night Market Returns to the Waterfront');
    expect(page.byline).toEqual(['Lena Ortiz', 'Sam Wu']);
    expect(page.published).toBe('2025-07-05T02:00:00.000Z');
    expect(page.siteName).toBe('Harbor Gazette');
    expect(page.lang).toBe('en');
    expect(page.canonicalUrl).toBeUndefined();
  });

  it('warns about the invalid JSON-LD block and still extracts the body', () => {
    expect(page.warnings).toEqual(['ignored 1 JSON-LD block(s) that are not valid JSON']);
    expect(page.text.split('\n\n')).toHaveLength(3);
    expect(page.text.startsWith('The waterfront night market reopened on Friday with sixty stalls')).toBe(true);
  });
});

describe('extractArticle on a page without a body', () => {
  it('returns empty text and says why', () => {
    const page = extractArticle(fixture('empty-page.html'));
    expect(page.text).toBe('');
    expect(page.title).toBe('Coming Soon');
    expect(page.warnings).toContain(WARNING_NO_BODY);
  });
});

describe('extractArticle metadata fallbacks', () => {
  it('uses <time datetime> and og:url when there is nothing better', () => {
    const html = `<html><head><title>Quiet Week at the Port - Harbor Gazette</title>
      <meta property="og:url" content="https://harborgazette.org/port-week"></head>
      <body><article><time datetime="2025-08-01T12:00:00Z">1 August</time>
      <p>${'Only two cargo ships called at the port this week, the fewest since the spring. '.repeat(4)}</p></article></body></html>`;
    const page = extractArticle(html);
    expect(page.published).toBe('2025-08-01T12:00:00.000Z');
    expect(page.canonicalUrl).toBe('https://harborgazette.org/port-week');
    expect(page.title).toBe('Quiet Week at the Port');
  });
});

describe('stripSiteSuffix', () => {
  it.each([
    ['Tram Line Extension Opens | Example Times', undefined, 'Tram Line Extension Opens'],
    ['Night Market Returns - Harbor Gazette', undefined, 'Night Market Returns'],
    ['Budget Vote - Council Splits - Northwind Times', 'Northwind Times', 'Budget Vote - Council Splits'],
    ['Why the ferry is late - and what the authority plans to do about it', undefined, 'Why the ferry is late - and what the authority plans to do about it'],
    ['No separator here', undefined, 'No separator here'],
    ['Brightwell - Marsh Bird Guide', undefined, 'Brightwell - Marsh Bird Guide'],
    ['Floods Recede | Brightwell', undefined, 'Floods Recede'],
  ])('%s', (title, site, expected) => {
    expect(stripSiteSuffix(title, site)).toBe(expected);
  });
});

describe('extractArticle: hostile addresses', () => {
  it('keeps only http(s) canonical URLs', () => {
    const page = `<html><head><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,hi"></head>
      <body><article><p>The Orchard Bridge reopened on Friday after a month of repairs, the county said.</p>
      <p>Traffic engineers expect the morning queue on Mill Road to shorten by ten minutes.</p></article></body></html>`;
    expect(extractArticle(page).canonicalUrl).toBeUndefined();
    expect(extractArticle(page.replace('javascript:alert(1)', '/news/orchard-bridge'), 'https://www.orchardcourier.com/a').canonicalUrl).toBe(
      'https://www.orchardcourier.com/news/orchard-bridge',
    );
  });
});

describe('extractArticle makes links and images in the body absolute', () => {
  const body = (prefix: string): string =>
    `<article><h1>Harbour Lights Return</h1>${[1, 2, 3]
      .map((n) => `<p>Paragraph ${n} of the story about the Quillmouth harbour lights, which the port trust relit this week after a winter of repairs; see <a href="${prefix}notes/${n}">note ${n}</a> and <img src="pics/${n}.jpg" alt="">.</p>`)
      .join('')}</article>`;

  it('resolves against <base href>, itself resolved against the page URL', () => {
    const page = extractArticle(`<html><head><base href="/archive/2026/"><title>Harbour Lights Return</title></head><body>${body('')}</body></html>`, 'https://quillmouth.example/news/lights.html');
    expect(page.html).toContain('href="https://quillmouth.example/archive/2026/notes/1"');
    expect(page.html).toContain('src="https://quillmouth.example/archive/2026/pics/3.jpg"');
  });

  it('resolves against the canonical URL when no page URL is given', () => {
    const page = extractArticle(`<html><head><link rel="canonical" href="https://quillmouth.example/news/lights"><title>Harbour Lights Return</title></head><body>${body('/')}</body></html>`);
    expect(page.html).toContain('href="https://quillmouth.example/notes/2"');
    expect(page.html).toContain('src="https://quillmouth.example/news/pics/1.jpg"');
  });

  it('leaves links relative when nothing says where the page lives', () => {
    const page = extractArticle(`<html><head><title>Harbour Lights Return</title></head><body>${body('/')}</body></html>`);
    expect(page.html).toContain('href="/notes/1"');
  });
});
