// One test per feed-parsing bullet: formats, encodings, dates, links, identity, ill-formed input,
// sanitizing and XML attacks. Every feed here is original fiction written for the test.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../text/encoding.js';
import { FeedError, parseFeedDocumentSync as parse } from './feed.js';

const rss = (items: string, channel = '<title>Quarry Hill Echo</title><link>https://quarryhill.example/</link>'): string =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel>${channel}${items}</channel></rss>`;

describe('formats', () => {
  it('reads RSS 0.90 and RSS 1.0 by their namespaces', () => {
    const rdf = (ns: string): string =>
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="${ns}"><channel><title>Fenwick Notes</title><link>https://fenwick.example/</link></channel>` +
      '<item rdf:about="https://fenwick.example/a"><title>Mill Pond Frozen</title><link>https://fenwick.example/a</link></item></rdf:RDF>';
    expect(parse(rdf('http://my.netscape.com/rdf/simple/0.9/'), 'rss')).toMatchObject({ format: 'rss090', items: [{ id: 'https://fenwick.example/a' }] });
    expect(parse(rdf('http://purl.org/rss/1.0/'), 'rss')).toMatchObject({ format: 'rss10', title: 'Fenwick Notes' });
  });

  it('reads Atom 0.3 with mode="escaped", issued and modified', () => {
    const feed = parse(
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Brackwater Bulletin</title><link rel="alternate" href="https://brackwater.example/"/>' +
        '<entry><id>bb-1</id><title>Ferry Timetable Changes</title><issued>2026-11-02T09:00:00+01:00</issued><modified>2026-11-02T10:00:00Z</modified>' +
        '<content type="text/html" mode="escaped">&lt;p&gt;New times from Monday.&lt;/p&gt;</content></entry></feed>',
      'atom',
    );
    expect(feed.format).toBe('atom03');
    expect(feed.items[0]).toMatchObject({ published: '2026-11-02T08:00:00.000Z', updated: '2026-11-02T10:00:00.000Z', content: '<p>New times from Monday.</p>' });
  });

  it('reads Atom under any prefix, and RSS modules under unusual prefixes', () => {
    const atom = parse(
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Kestrel Post</a:title><a:entry><a:id>k1</a:id><a:title>Gull Count Rises</a:title></a:entry></a:feed>',
      'atom',
    );
    expect(atom.items[0]).toMatchObject({ id: 'k1', title: 'Gull Count Rises' });
    const odd = parse(
      '<rss version="2.0" xmlns:x="http://purl.org/dc/elements/1.1/" xmlns:y="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>' +
        '<item><title>Kiln Relit</title><x:creator>Odile Marsh</x:creator><y:encoded>&lt;p&gt;The kiln burns again.&lt;/p&gt;</y:encoded></item></channel></rss>',
      'rss',
    );
    expect(odd.items[0]).toMatchObject({ author: 'Odile Marsh', content: '<p>The kiln burns again.</p>' });
  });

  it('reads enclosures and media:content', () => {
    const feed = parse(
      rss('<item><title>Choir Recording</title><guid>qh-9</guid><enclosure url="/audio/choir.mp3" type="audio/mpeg" length="48213"/>' +
        '<media:content url="https://quarryhill.example/img/choir.jpg" type="image/jpeg"/></item>'),
      'rss',
    );
    expect(feed.items[0]?.enclosures).toEqual([
      { url: 'https://quarryhill.example/audio/choir.mp3', type: 'audio/mpeg', length: 48213 },
      { url: 'https://quarryhill.example/img/choir.jpg', type: 'image/jpeg' },
    ]);
  });
});

describe('encodings', () => {
  it('decodes a windows-1252 feed declared as iso-8859-1 with curly quotes intact', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="iso-8859-1"?>' + rss('<item><title>“Café” Reopens – at Last</title><guid>1</guid></item>'), 'windows-1252');
    expect(parse(decodeDocument(bytes).text, 'rss').items[0]?.title).toBe('“Café” Reopens – at Last');
  });

  it('keeps entities, CDATA and double-escaped HTML apart', () => {
    const feed = parse(
      rss('<item><guid>1</guid><title>Fish &amp; Chips &#8211; &eacute;t&eacute;</title><description><![CDATA[<p>Cod &amp; hake</p>]]></description></item>' +
        '<item><guid>2</guid><title>T</title><description>&lt;p&gt;Tom &amp;amp; Jerry&lt;/p&gt;</description></item>'),
      'rss',
    );
    expect(feed.items[0]?.title).toBe('Fish & Chips – été');
    expect(feed.items[0]?.content).toBe('<p>Cod &amp; hake</p>');
    expect(feed.items[1]?.content).toBe('<p>Tom &amp; Jerry</p>');
  });
});

describe('dates', () => {
  it('normalizes odd zones to UTC and reports what it cannot read', () => {
    const feed = parse(
      rss('<item><guid>1</guid><title>A</title><pubDate>Wed, 04 Nov 2026 21:15:00 EDT</pubDate></item>' +
        '<item><guid>2</guid><title>B</title><pubDate>sometime last week</pubDate></item>'),
      'rss',
    );
    expect(feed.items[0]?.published).toBe('2026-11-05T01:15:00.000Z');
    expect(feed.items[1]?.published).toBeUndefined();
    expect(feed.warnings).toEqual(['item 2 "B": unparseable date "sometime last week"; left empty']);
  });
});

describe('links and identity', () => {
  it('resolves links against xml:base, then the feed URL, then the channel link', () => {
    const atom = parse(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wyvern.example/news/"><title>Wyvern Weekly</title>' +
        '<entry xml:base="2026/"><id>w1</id><title>Weir Mended</title><link href="weir.html"/>' +
        '<content type="html">&lt;a href="../photos/weir.jpg"&gt;Photo&lt;/a&gt;</content></entry></feed>',
      'atom',
      { url: 'https://feeds.wyvern.example/atom.xml' },
    );
    expect(atom.items[0]?.link).toBe('https://wyvern.example/news/2026/weir.html');
    expect(atom.items[0]?.content).toBe('<a href="https://wyvern.example/news/photos/weir.jpg">Photo</a>');
    const fromFeedUrl = parse(rss('<item><title>X</title><link>/x</link></item>', '<title>T</title><link>https://site.example/</link>'), 'rss', { url: 'https://feeds.example/rss' });
    expect(fromFeedUrl.items[0]?.link).toBe('https://feeds.example/x');
    const fromChannel = parse(rss('<item><title>X</title><link>/x</link></item>', '<title>T</title><link>https://site.example/</link>'), 'rss');
    expect(fromChannel.items[0]?.link).toBe('https://site.example/x');
  });

  it('identifies items by guid, else link, else a content hash that is stable across runs', () => {
    const doc = rss('<item><guid>g-1</guid><title>A</title></item><item><title>B</title><link>https://quarryhill.example/b</link></item><item><title>C</title><description>Only words.</description></item>');
    const first = parse(doc, 'rss');
    expect(first.items.map((i) => i.id).slice(0, 2)).toEqual(['g-1', 'https://quarryhill.example/b']);
    expect(first.items[2]?.id).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(parse(doc, 'rss').items[2]?.id).toBe(first.items[2]?.id);
  });

  it('uses a permalink guid as the link when there is no <link>', () => {
    const feed = parse(rss('<item><title>A</title><guid>https://quarryhill.example/a</guid></item><item><title>B</title><guid isPermaLink="false">https://quarryhill.example/b</guid></item>'), 'rss');
    expect(feed.items.map((i) => i.link)).toEqual(['https://quarryhill.example/a', '']);
  });
});

describe('ill-formed feeds', () => {
  it('recovers unclosed tags, bad entities and garbage before <?xml, and says so', () => {
    const feed = parse(
      'garbage\n<?xml version="1.0"?><rss version="2.0"><channel><title>Salt Marsh Times & Co</title>' +
        '<item><title>Heron Returns<title><guid>s1</guid><description>Seen at dawn &nbsp;by wardens.</description></item>' +
        '<item><title>Tide Record</title><guid>s2</guid></channel></rss>',
      'rss',
    );
    expect(feed.title).toBe('Salt Marsh Times & Co');
    expect(feed.items.map((i) => i.id)).toContain('s2');
    expect(feed.warnings?.[0]).toMatch(/^recovered: /);
  });

  it('never crashes on nonsense', () => {
    for (const junk of ['<rss', '<rss><channel><item>', '<feed><entry><title>', '<<<>>>&&&', '<rss>\u0000\u0001</rss>']) {
      try {
        parse(junk, 'rss');
      } catch (error) {
        expect(error).toBeInstanceOf(FeedError);
      }
    }
  });
});

describe('sanitizing', () => {
  it('removes scripts, handlers and javascript: links from content', () => {
    const feed = parse(rss('<item><guid>1</guid><title>T</title><content:encoded><![CDATA[<p onmouseover="x()">Hi <a href="javascript:steal()">there</a></p><script>evil()</script><iframe src="https://x.example"></iframe>]]></content:encoded></item>'), 'rss');
    expect(feed.items[0]?.content).toBe('<p>Hi <a>there</a></p>');
  });
});

describe('XML attacks', () => {
  // Nine levels of ten references each: a billion "lol"s if expanded. Internal entities are expanded within caps.
  const levels = Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i === 0 ? '' : i + 1};`.repeat(10)}">`).join('');
  const laughs =
    `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">${levels}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
  const xxe = '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom"><title>&secret;</title></feed>';
  const quadratic = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${'x'.repeat(50_000)}">]><rss><channel><title>${'&a;'.repeat(50_000)}</title></channel></rss>`;

  it.each([['billion laughs', laughs, 'rss'], ['external entity', xxe, 'atom'], ['quadratic blowup', quadratic, 'rss']] as const)('refuses %s with a clear error', (_name, doc, kind) => {
    expect(() => parse(doc, kind)).toThrow(/DOCTYPE .*; refused$/);
  });

  it('keeps reading a feed with a harmless DOCTYPE', () => {
    const feed = parse('<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>Old Town Crier</title></channel></rss>', 'rss');
    expect(feed).toMatchObject({ title: 'Old Town Crier', format: 'rss091n' });
  });
});
