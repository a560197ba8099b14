import { describe, expect, it } from 'vitest';
import type { HttpValidators } from './options.js';
import { deferValidators } from './validators.js';

describe('deferValidators', () => {
  it('reads through at once but holds writes for the run to commit', async () => {
    const backing = new Map<string, HttpValidators>([['https://a.example/feed', { etag: '"old"' }]]);
    const deferred = deferValidators({ getValidators: async (u: string) => backing.get(u) });
    await deferred.saveValidators('https://a.example/feed', { etag: '"new"' });
    await deferred.saveValidators('https://b.example/feed', { lastModified: 'Mon, 23 Nov 2026 08:00:00 GMT' });
    // Until the run has committed its articles, the next conditional GET still asks with the old ETag.
    expect(await deferred.getValidators('https://a.example/feed')).toEqual({ etag: '"old"' });
    expect(backing.has('https://b.example/feed')).toBe(false);
    expect(deferred.held()).toEqual(
      new Map<string, HttpValidators>([
        ['https://a.example/feed', { etag: '"new"' }],
        ['https://b.example/feed', { lastModified: 'Mon, 23 Nov 2026 08:00:00 GMT' }],
      ]),
    );
  });
});
