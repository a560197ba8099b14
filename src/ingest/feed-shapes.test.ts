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

describe('Atom ids and inline markup', () => {
  const atom03 = (entry: string): string => `<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:base="https://saltmere.example/news/"><entry>${entry}</entry></feed>`;

  it('resolves a relative id against xml:base and leaves absolute ids alone', () => {
    expect(parse(atom03('<id>/stories/42</id>'), 'atom').items[0]?.id).toBe('https://saltmere.example/stories/42');
    expect(parse(atom03('<id>tag:saltmere.example,2025:42</id>'), 'atom').items[0]?.id).toBe('tag:saltmere.example,2025:42');
  });

  it('keeps HTML written bare inside an Atom text construct, even though it is in the Atom namespace', () => {
    expect(parse(atom03('<summary>Harbour <b>closed</b> at noon</summary>'), 'atom').items[0]?.content).toBe('Harbour <b>closed</b> at noon');
  });

  it('strips the xhtml wrapper div of Atom 1.0 but keeps a div in Atom 0.3 XML content', () => {
    const atom10 = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Tide <i>high</i></div></content></entry></feed>';
    expect(parse(atom10, 'atom').items[0]?.content).toBe('Tide <i>high</i>');
    const xml03 = atom03('<content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><a href="tides">Tide</a> high</div></content>');
    expect(parse(xml03, 'atom').items[0]?.content).toBe('<div><a href="https://saltmere.example/news/tides">Tide</a> high</div>');
  });
});

describe('RSS stand-ins and namespaces', () => {
  it('takes media:title and itunes:summary when an item has no title or description', () => {
    const podcast =
      '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>' +
      '<item><media:title>Episode 12: The Lighthouse Keepers</media:title><itunes:summary>Two keepers from Gorsey Point talk shifts.</itunes:summary></item></channel></rss>';
    expect(parse(podcast, 'rss').items[0]).toMatchObject({ title: 'Episode 12: The Lighthouse Keepers', content: 'Two keepers from Gorsey Point talk shifts.' });
  });

  it('recognizes RSS whose root carries a prefix', () => {
    const prefixed = '<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2"><r:channel><r:title>Brackenford Post</r:title><r:item><r:title>Bridge Reopens</r:title></r:item></r:channel></r:rss>';
    expect(detectKind(prefixed, 'post.xml')).toBe('rss');
    expect(parse(prefixed, 'rss')).toMatchObject({ title: 'Brackenford Post', items: [{ title: 'Bridge Reopens' }] });
  });

  it('reads an undeclared namespace prefix but marks the feed as recovered', () => {
    const feed = parse('<rss version="2.0"><channel><title>Elmstead Diary</title><podcast:locked>no</podcast:locked></channel></rss>', 'rss');
    expect(feed.title).toBe('Elmstead Diary');
    expect(feed.warnings?.[0]).toMatch(/^recovered: .*undeclared namespace prefix "podcast:"/);
    expect(parse('<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><podcast:locked>no</podcast:locked></channel></rss>', 'rss').warnings).toEqual([]);
  });
});

describe('DOCTYPEs', () => {
  it('tells Netscape RSS 0.91 (with its DTD) from UserLand 0.91', () => {
    const body = '<rss version="0.91"><channel><title>Wexcombe Gazette</title></channel></rss>';
    const netscape = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">${body}`;
    expect(parse(netscape, 'rss').format).toBe('rss091n');
    expect(parse(body, 'rss').format).toBe('rss091');
  });

  it('reads "<!DOCTYPE" inside content as text, not as a DOCTYPE', () => {
    const feed = parse('<!-- <!DOCTYPE in a comment --><rss><channel><item><title>Markup Corner</title><description><![CDATA[Start every page with <!DOCTYPE]]></description></item></channel></rss>', 'rss');
    expect(feed.items[0]?.title).toBe('Markup Corner');
    expect(feed.items[0]?.content).toContain('Start every page with');
  });
});

describe('authors and well-formedness', () => {
  const item = (inner: string): string =>
    `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harrowgate Ledger</title><item><title>Weir Repaired</title>${inner}</item></channel></rss>`;

  it('keeps the name from every "name and email" form an RSS author takes, dc:author included', () => {
    for (const inner of [
      '<author>pia@harrowgate.example (Pia Lund)</author>',
      '<author>Pia Lund (pia@harrowgate.example)</author>',
      '<author>Pia Lund &lt;pia@harrowgate.example&gt;</author>',
      '<dc:author>Pia Lund (pia@harrowgate.example)</dc:author>',
    ]) {
      expect(parse(item(inner), 'rss').items[0]?.author).toBe('Pia Lund');
    }
  });

  it('does not call a feed ill-formed for an "&" inside a comment', () => {
    expect(parse(`<!-- Fish & chips night at the Ledger -->${item('')}`, 'rss').warnings).toEqual([]);
    expect(parse(item('<description>Fish & chips</description>'), 'rss').warnings?.[0]).toMatch(/^recovered: .*bare "&"/);
  });
});
