import { describe, expect, it } from 'vitest';
import { parseByline } from './byline.js';
import { toUtcIso } from './date.js';
import { comparableText, htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('turns block elements into paragraphs separated by blank lines', () => {
    expect(htmlToText('<p>One <em>two</em> three.</p><div>Four.</div><ul><li>Five</li><li>Six</li></ul>')).toBe(
      'One two three.\n\nFour.\n\nFive\n\nSix',
    );
  });

  it('decodes entities and leaves no tags', () => {
    const text = htmlToText('<p>Port Alder &amp; Gull Island&#8217;s &ldquo;ramp&rdquo;&nbsp;works &lt;3</p>');
    expect(text).toBe('Port Alder & Gull Island’s “ramp” works <3');
  });

  it('treats <br> as a paragraph break and skips scripts and styles', () => {
    expect(htmlToText('First line<br>Second line<script>var x = 1;</script><style>p{}</style>')).toBe(
      'First line\n\nSecond line',
    );
  });

  it('collapses whitespace inside paragraphs', () => {
    expect(htmlToText('<p>\n  Spread \t over\n   lines  </p>')).toBe('Spread over lines');
  });

  it('reads the body of a whole page, not its head', () => {
    expect(htmlToText('<html><head><title>Tab title</title></head><body><p>Body only.</p></body></html>')).toBe('Body only.');
  });

  it('returns "" for markup without text', () => {
    expect(htmlToText('<div><img src="x.jpg"></div>')).toBe('');
  });
});

describe('comparableText', () => {
  it('ignores case, whitespace and quote style', () => {
    expect(comparableText('Gull Island’s  “Ferry”')).toBe(comparableText("gull island's \"ferry\""));
  });
});

describe('parseByline', () => {
  it.each([
    ['By Chloe Tan and Marcus Reid', ['Chloe Tan', 'Marcus Reid']],
    ['Lena Ortiz, Sam Wu & Hal Brooks', ['Lena Ortiz', 'Sam Wu', 'Hal Brooks']],
    ['desk@northwindtimes.com (Jonah Price)', ['Jonah Price']],
    ['by Ana Ruiz, Ana Ruiz', ['Ana Ruiz']],
    ['', []],
  ])('%s', (raw, names) => {
    expect(parseByline(raw)).toEqual(names);
  });
});

describe('toUtcIso', () => {
  it('normalizes offsets and RFC 822 dates to UTC', () => {
    expect(toUtcIso('2025-06-10T08:00:00+10:00')).toBe('2025-06-09T22:00:00.000Z');
    expect(toUtcIso('Thu, 06 Mar 2025 14:30:00 -0500')).toBe('2025-03-06T19:30:00.000Z');
  });

  it('is undefined for text that is not a date', () => {
    expect(toUtcIso('last Tuesday-ish')).toBeUndefined();
    expect(toUtcIso(undefined)).toBeUndefined();
  });
});
