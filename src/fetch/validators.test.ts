import { describe, expect, it } from 'vitest';
import type { HttpValidators } from './options.js';
import { deferValidators } from './validators.js';

describe('deferValidators', () => {
  it('reads through at once but writes only on commit', () => {
    const backing = new Map<string, HttpValidators>([['https://a.example/feed', { etag: '"old"' }]]);
    const cache = { getValidators: (u: string) => backing.get(u), saveValidators: (u: string, v: HttpValidators) => void backing.set(u, v) };
    const deferred = deferValidators(cache);
    deferred.saveValidators('https://a.example/feed', { etag: '"new"' });
    deferred.saveValidators('https://b.example/feed', { lastModified: 'Mon, 23 Nov 2026 08:00:00 GMT' });
    // Until the run has stored its articles, the next conditional GET still asks with the old ETag.
    expect(deferred.getValidators('https://a.example/feed')).toEqual({ etag: '"old"' });
    expect(backing.has('https://b.example/feed')).toBe(false);
    deferred.commit();
    expect(backing.get('https://a.example/feed')).toEqual({ etag: '"new"' });
    expect(backing.get('https://b.example/feed')).toEqual({ lastModified: 'Mon, 23 Nov 2026 08:00:00 GMT' });
  });
});
