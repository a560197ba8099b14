import { describe, expect, it } from 'vitest';
import { discoverFeeds, isSiteRoot } from './discover.js';

describe('discoverFeeds', () => {
  it('finds RSS, Atom and JSON feeds in <link rel="alternate">, resolved and without repeats', () => {
    const html =
      '<html><head><link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/rss+xml" title="Stories" href="/feed.xml">' +
      '<link rel="alternate" type="application/atom+xml" href="https://www.dunmore.example/atom"><link rel="alternate" hreflang="fr" href="/fr/">' +
      '<link rel="Alternate" type="application/feed+json; charset=utf-8" href="feed.json"><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>';
    expect(discoverFeeds(html, 'https://www.dunmore.example/')).toEqual([
      'https://www.dunmore.example/feed.xml',
      'https://www.dunmore.example/atom',
      'https://www.dunmore.example/feed.json',
    ]);
  });

  it('finds nothing on a page without feed links', () => {
    expect(discoverFeeds('<p>No feeds here</p>', 'https://www.dunmore.example/')).toEqual([]);
  });

  it('tells a home page from an article page', () => {
    expect(isSiteRoot('https://www.dunmore.example/')).toBe(true);
    expect(isSiteRoot('https://www.dunmore.example/2026/11/quay.html')).toBe(false);
  });
});
