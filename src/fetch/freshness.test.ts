import { describe, expect, it } from 'vitest';
import { freshForMs, MAX_FRESH_MS } from './freshness.js';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
const body = (text: string) => new TextEncoder().encode(text);

describe('freshForMs', () => {
  it('reads Cache-Control max-age, and no-cache or no-store as nothing', () => {
    expect(freshForMs(headers({ 'cache-control': 'public, max-age=900' }), body(''))).toBe(900_000);
    expect(freshForMs(headers({ 'cache-control': 'no-cache, max-age=900' }), body(''))).toBe(0);
  });

  it('reads Expires against the response Date when there is no max-age', () => {
    expect(freshForMs(headers({ expires: 'Sun, 06 Dec 2026 10:30:00 GMT', date: 'Sun, 06 Dec 2026 10:00:00 GMT' }), body(''))).toBe(1_800_000);
    expect(freshForMs(headers({ expires: 'Sun, 06 Dec 2026 09:00:00 GMT', date: 'Sun, 06 Dec 2026 10:00:00 GMT' }), body(''))).toBe(0);
  });

  it("reads the feed's own <ttl> and Syndication update period, taking the longest of all, at most a day", () => {
    const rss = '<rss><channel><title>Harbor Gazette</title><ttl>45</ttl><item/></channel></rss>';
    expect(freshForMs(headers({ 'cache-control': 'max-age=60' }), body(rss))).toBe(45 * 60_000);
    const sy = '<rdf:RDF><channel><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel></rdf:RDF>';
    expect(freshForMs(headers({}), body(sy))).toBe(30 * 60_000);
    expect(freshForMs(headers({}), body('<rss><channel><ttl>100000</ttl></channel></rss>'))).toBe(MAX_FRESH_MS);
    expect(freshForMs(headers({}), body('<rss><channel><title>No hints</title></channel></rss>'))).toBe(0);
  });
});
