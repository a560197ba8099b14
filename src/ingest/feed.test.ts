import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError, feedText, parseFeedDocument } from './feed.js';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../test/fixtures/ingest/${path}`, import.meta.url), 'utf8');

describe('RSS 2.0 with content:encoded', async () => {
  const feed = await parseFeedDocument(fixture('feeds/northwind.xml'), 'rss');

  it('reads the channel', () => {
    expect(feed.title).toBe('Northwind Times');
    expect(feed.link).toBe('https://news.northwindtimes.com/');
    expect(feed.items.map((item) => item.id)).toEqual(['nwt-1001', 'https://news.northwindtimes.com/2025/03/05/dredging.html', 'nwt-0999']);
  });

  it('prefers content:encoded, resolves the relative link and normalizes the date to UTC', () => {
    const item = feed.items[0];
    expect(item?.title).toBe("Gull Island's Ferry Returns to Full Schedule After Storm Repairs");
    expect(item?.link).toBe('https://news.northwindtimes.com/2025/03/06/ferry-returns.html');
    expect(item?.author).toBe('Mira Okafor');
    expect(item?.published).toBe('2025-03-06T19:30:00.000Z');
    expect(item?.summary).toBe('The ferry is back on its full schedule.');
    expect(feedText(item?.content)).toBe(
      'The ferry between Port Alder & Gull Island resumed its full schedule on Monday.\n\nCrews replaced the island’s northern ramp.\n\nThe new ramp.',
    );
  });

  it('falls back to the escaped HTML description and takes the name from "email (Name)"', () => {
    const item = feed.items[1];
    expect(item?.author).toBe('Jonah Price');
    expect(item?.published).toBe('2025-03-05T09:00:00.000Z');
    expect(feedText(item?.content)).toBe('The council voted 6 to 1 to dredge the inner harbor.\n\nWork starts in May.');
  });

  it('leaves content undefined for an item without body', () => {
    expect(feed.items[2]?.content).toBeUndefined();
  });
});

describe('Atom with escaped HTML content', async () => {
  const feed = await parseFeedDocument(fixture('feeds/lakeside.atom'), 'atom');

  it('reads the alternate link, entry fields and decodes the escaped HTML', () => {
    expect(feed.title).toBe('Lakeside Ledger');
    expect(feed.link).toBe('https://www.lakesideledger.org/');
    const entry = feed.items[0];
    expect(entry?.id).toBe('tag:lakesideledger.org,2025:market-moves');
    expect(entry?.title).toBe('Lakeside’s Market Moves to the Rail Yard');
    expect(entry?.link).toBe('https://www.lakesideledger.org/news/market-moves');
    expect(entry?.author).toBe('Priya Nand');
    expect(entry?.published).toBe('2025-04-12T07:15:00.000Z');
    expect(entry?.summary).toBe('The Saturday market is moving for the summer.');
    expect(feedText(entry?.content)).toBe(
      'Vendors voted to move the market to the old rail yard.\n\nOrganizers said the site has room for "forty more stalls" & a stage.',
    );
  });
});

describe('JSON Feed', async () => {
  const feed = await parseFeedDocument(fixture('feeds/harbor.json'), 'jsonfeed');

  it('reads 1.1 authors, content_html, relative url and date', () => {
    const item = feed.items[0];
    expect(feed.title).toBe('Harbor Gazette');
    expect(feed.link).toBe('https://harborgazette.org/');
    expect(item?.id).toBe('hg-77');
    expect(item?.link).toBe('https://harborgazette.org/stories/tide-gauge');
    expect(item?.author).toBe('Lena Ortiz');
    expect(item?.published).toBe('2025-05-02T13:00:00.000Z');
    expect(feedText(item?.content)).toBe('A new tide gauge went live at Pier Nine on Friday.\n\nIt reports the water level every six minutes.');
  });

  it('reads 1.0 author, numeric id and content_text as text (angle brackets are words)', () => {
    const item = feed.items[1];
    expect(item?.id).toBe('78');
    expect(item?.author).toBe('Sam Wu');
    expect(item?.published).toBeUndefined();
    expect(feedText(item?.content)).toBe('The fish market opened at 4 a.m. on Saturday.\n\nTraders said prices for cod <and> hake were steady.');
  });
});

describe('RSS 1.0 (RDF) saved with a .txt extension', () => {
  it('reads rdf:about ids, dc:creator and dc:date', async () => {
    const feed = await parseFeedDocument(fixture('feeds/misleading.txt'), 'rss');
    expect(feed.title).toBe('Pinecrest Courier');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      id: 'https://www.pinecrestcourier.com/2025/snow-day',
      title: 'Snow Day Declared for Pinecrest Schools',
      author: 'Hal Brooks',
      published: '2025-01-15T07:00:00.000Z',
    });
  });
});

describe('other RSS and Atom shapes', () => {
  it('reads RSS 0.91 and an <rss> without a version attribute', async () => {
    for (const version of [' version="0.91"', '']) {
      const feed = await parseFeedDocument(
        `<rss${version}><channel><title>Pinecrest Courier</title><link>https://www.pinecrestcourier.com/</link>` +
          '<item><title>Road Reopens</title><link>/2025/road</link><description>Mill Road reopened on Monday.</description></item></channel></rss>',
        'rss',
      );
      expect(feed.items[0]).toMatchObject({ title: 'Road Reopens', link: 'https://www.pinecrestcourier.com/2025/road' });
      expect(feedText(feed.items[0]?.content)).toBe('Mill Road reopened on Monday.');
    }
  });

  it('reads Atom xhtml content', async () => {
    const feed = await parseFeedDocument(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Lakeside Ledger</title><entry><id>e1</id><title>Dock Repairs</title>' +
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The dock reopens Friday.</p><p>Boats may moor overnight.</p></div></content></entry></feed>',
      'atom',
    );
    expect(feed.items[0]?.id).toBe('e1');
    expect(feedText(feed.items[0]?.content)).toBe('The dock reopens Friday.\n\nBoats may moor overnight.');
  });
});

describe('unparseable feeds', () => {
  it('recovers what a truncated feed holds and says it was recovered', async () => {
    const feed = await parseFeedDocument(fixture('bad/broken.xml'), 'rss');
    expect(feed.title).toBe('Broken Wire');
    expect(feed.items.map((item) => item.title)).toEqual(['Half an item']);
    expect(feed.warnings?.[0]).toBe("recovered: not well-formed XML (4 unclosed or mismatched tags)");
  });

  it('refuses an XML document whose root is not a feed', async () => {
    await expect(parseFeedDocument('<html><body>Hi</body></html>', 'rss')).rejects.toThrow(/root element <html> is not RSS or Atom/);
  });

  it('throws FeedError for truncated JSON and for JSON that is not a feed', async () => {
    await expect(parseFeedDocument(fixture('bad/broken-feed.json'), 'jsonfeed')).rejects.toThrow(/JSON Feed is not valid JSON/);
    await expect(parseFeedDocument('{"version": "1", "items": []}', 'jsonfeed')).rejects.toThrow(/not a JSON Feed/);
  });

  it('refuses a document that is not a feed', async () => {
    await expect(parseFeedDocument('Plain text', 'text')).rejects.toThrow(/^ingest: a text document is not a feed/);
  });
});
