// Feed shapes met less often: CDF, relative Atom ids, xml:base edge cases, inline XHTML/XML content.
// Every feed here is original fiction written for the test.
import { describe, expect, it } from 'vitest';
import { detectKind } from './detect.js';
import { parseFeedDocumentSync as parse } from './feed.js';

describe('CDF (Channel Definition Format)', () => {
  const cdf =
    '<?xml version="1.0"?><CHANNEL HREF="https://lowmarsh.example/"><TITLE>Lowmarsh Bulletin</TITLE>' +
    '<ITEM HREF="https://lowmarsh.example/ferry" LASTMOD="2025-02-03T08:15:00-05:00"><TITLE>Ferry Timetable Changes</TITLE>' +
    '<ABSTRACT>The winter timetable starts Monday.</ABSTRACT></ITEM></CHANNEL>';

  it('is recognized as a feed and read with HREF links, ABSTRACT and LASTMOD', () => {
    expect(detectKind(cdf, 'bulletin.cdf')).toBe('rss');
    const feed = parse(cdf, 'rss');
    expect(feed).toMatchObject({ format: 'cdf', title: 'Lowmarsh Bulletin', link: 'https://lowmarsh.example/' });
    expect(feed.items[0]).toMatchObject({
      title: 'Ferry Timetable Changes',
      link: 'https://lowmarsh.example/ferry',
      id: 'https://lowmarsh.example/ferry',
      updated: '2025-02-03T13:15:00.000Z',
      content: 'The winter timetable starts Monday.',
    });
  });
});
