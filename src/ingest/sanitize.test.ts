import { describe, expect, it } from 'vitest';
import { sanitizeFeedHtml } from './sanitize.js';

describe('sanitizeFeedHtml', () => {
  it('keeps text, links, images, lists, tables and quotes; resolves relative URLs', () => {
    const html =
      '<p>Ferry <a href="/ferry">news</a></p><img src="img/boat.jpg" alt="Boat"><ul><li>One</li></ul>' +
      '<table><tr><td>Tide</td></tr></table><blockquote>Quoted</blockquote>';
    const clean = sanitizeFeedHtml(html, 'https://www.gullislandpost.example/news/');
    expect(clean).toContain('<a href="https://www.gullislandpost.example/ferry">news</a>');
    expect(clean).toContain('<img src="https://www.gullislandpost.example/news/img/boat.jpg" alt="Boat" />');
    expect(clean).toContain('<li>One</li>');
    expect(clean).toContain('<td>Tide</td>');
    expect(clean).toContain('<blockquote>Quoted</blockquote>');
  });

  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<style>body{}</style><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="steal()">ok</p>', '<p>ok</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<img />'],
    ['<p style="width: expression(alert(1))">ok</p>', '<p>ok</p>'],
    ['<iframe src="https://evil.example/"></iframe><p>ok</p>', '<p>ok</p>'],
    ['<object data="x.swf"></object><embed src="x.swf"><p>ok</p>', '<p>ok</p>'],
    ['<form action="/x"><input name="a"><button>Go</button></form><p>ok</p>', '<p>ok</p>'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>ok</p>', '<p>ok</p>'],
    ['<svg><script>alert(1)</script></svg><math><mi>x</mi></math><p>ok</p>', '<p>ok</p>'],
  ])('removes %s', (input, expected) => expect(sanitizeFeedHtml(input)).toBe(expected));
});
