import { describe, expect, it } from 'vitest';
import { detectKind, isBinary } from './detect.js';

describe('detectKind by content', () => {
  it.each([
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', 'x.xml', 'rss'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', 'x.rdf', 'rss'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'x.xml', 'atom'],
    ['<opml version="2.0"><body/></opml>', 'subs.xml', 'opml'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'feed.json', 'jsonfeed'],
    ['<!DOCTYPE html><html><body><p>Hi</p></body></html>', 'page.html', 'html'],
    ['<html lang="en"><p>Hi</p></html>', 'page', 'html'],
    ['<article><p>Saved fragment</p></article>', 'page.txt', 'html'],
    ['Ferry Returns\n\nThe ferry is back.', 'story.txt', 'text'],
  ] as const)('%s → %s', (content, path, kind) => {
    expect(detectKind(content, path)).toBe(kind);
  });

  it('believes the content over a misleading extension', () => {
    expect(detectKind('<rss version="2.0"><channel><title>T</title></channel></rss>', 'headlines.txt')).toBe('rss');
    expect(detectKind('Plain words, not a feed.', 'feed.rss')).toBe('text');
    expect(detectKind('<feed xmlns="http://www.w3.org/2005/Atom"/>', 'page.html')).toBe('atom');
  });

  it('sniffs past a byte-order mark, XML declaration, comments and a non-HTML doctype', () => {
    const content = '\uFEFF  <?xml version="1.0"?>\n<!-- generated -->\n<?xml-stylesheet href="s.xsl"?>\n<!DOCTYPE rss>\n<rss version="0.91"></rss>';
    expect(detectKind(content, 'x')).toBe('rss');
  });

  it('uses the extension only for markup it does not recognize', () => {
    expect(detectKind('<items><item/></items>', 'odd.rss')).toBe('rss');
    expect(detectKind('<items><item/></items>', 'odd.txt')).toBe('text');
    // A bare <channel> root is CDF, a feed format of its own, whatever the extension.
    expect(detectKind('<channel><item/></channel>', 'odd.txt')).toBe('rss');
    expect(detectKind('<div><p>Fragment</p></div>', 'clip')).toBe('html');
  });

  it('reads JSON that is not a JSON Feed as text (the reader decides what to do with it)', () => {
    expect(detectKind('{"labels": ["a"]}', 'labels.json')).toBe('text');
  });

  it('returns undefined for binary content', () => {
    expect(detectKind('PK\u0003\u0004\u0000\u0000binary', 'archive.txt')).toBeUndefined();
  });
});

describe('isBinary', () => {
  it('flags NUL bytes and a high share of control characters', () => {
    expect(isBinary('abc\u0000def')).toBe(true);
    expect(isBinary('\u0001\u0002\u0003\u0004abcdef')).toBe(true);
    expect(isBinary('\uFFFD\uFFFD\uFFFDab')).toBe(true);
  });

  it('accepts text with tabs, newlines and non-ASCII letters', () => {
    expect(isBinary('Süddeutsche\tZeitung\r\n“quoted” — 東京\n')).toBe(false);
  });
});
