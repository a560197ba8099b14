import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './url.js';

const CANONICAL = 'https://harborgazette.com/2026/11/19/parking-fees.html';

describe('canonicalUrl: one article, many spellings', () => {
  it.each([
    ['AMP host', 'https://amp.harborgazette.com/2026/11/19/parking-fees.html'],
    ['AMP path suffix', 'https://www.harborgazette.com/2026/11/19/parking-fees.html/amp/'],
    ['AMP path prefix', 'https://harborgazette.com/amp/2026/11/19/parking-fees.html'],
    ['outputType=amp', 'https://harborgazette.com/2026/11/19/parking-fees.html?outputType=amp'],
    ['?amp', 'https://harborgazette.com/2026/11/19/parking-fees.html?amp'],
    ['utm and Mailchimp', 'https://harborgazette.com/2026/11/19/parking-fees.html?utm_source=rss&mc_cid=1&mc_eid=2'],
    ['fbclid, gclid and ref', 'https://harborgazette.com/2026/11/19/parking-fees.html?fbclid=x&gclid=y&ref=homepage'],
    ['case, port, http, fragment', 'HTTP://WWW.HARBORGAZETTE.COM:80/2026/11/19/parking-fees.html#comments'],
    ['trailing slash', 'https://harborgazette.com/2026/11/19/parking-fees.html/'],
  ])('%s', (_, variant) => {
    expect(canonicalUrl(variant)).toBe(CANONICAL);
  });

  it('keeps parameters that choose the article, sorted', () => {
    expect(canonicalUrl('https://coastalpost.com/story?p=9&id=3&utm_medium=x')).toBe('https://coastalpost.com/story?id=3&p=9');
  });

  it('keeps a word that merely contains "amp" in the path', () => {
    expect(canonicalUrl('https://coastalpost.com/news/camp-fire-ampersand')).toBe('https://coastalpost.com/news/camp-fire-ampersand');
  });
});
