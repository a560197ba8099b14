import { describe, expect, it } from 'vitest';
import { Charset, evaluate, PlainText, Unmappable } from './expect.js';

const view = {
  bozo: false,
  encoding: new Charset('koi8-r'),
  feed: { title: new PlainText('Dunmore Weekly') },
  entries: [{ title: new PlainText('Quay Reopens'), summary: 'Boats are back.' }],
};
const ITEM_KEYS = new Set(['title', 'summary']);

describe('evaluate (feedparser Expect: lines)', () => {
  it('compares charsets case-insensitively and plain titles exactly', () => {
    expect(evaluate("not bozo and encoding == 'KOI8-R'", view, ITEM_KEYS)).toBe(true);
    expect(evaluate("feed['title'] == 'Dunmore Weekly'", view, ITEM_KEYS)).toBe(true);
    expect(evaluate("entries[0]['title'] == 'Quay reopens'", view, ITEM_KEYS)).toBe(false);
  });

  it('fails a read past the last entry, but still refuses keys the view does not map', () => {
    expect(evaluate("entries[1]['summary'] == 'Boats are back.'", view, ITEM_KEYS)).toBe(false);
    expect(() => evaluate("entries[1]['summary_detail']['base'] == 'http://x/'", view, ITEM_KEYS)).toThrow(Unmappable);
    expect(() => evaluate("bozo and entries[0]['tags'][0]['term'] == 'x'", view, ITEM_KEYS)).toThrow(Unmappable);
  });

  it('excludes SVG and MathML expectations, which the sanitizer strips by design', () => {
    expect(() => evaluate(`entries[0]['summary'] == '<svg xmlns="http://www.w3.org/2000/svg"></svg>'`, view, ITEM_KEYS)).toThrow(/by design/);
  });
});
