import { describe, expect, it } from 'vitest';
import { centroidFromRow } from './story-rows.js';

describe('centroidFromRow', () => {
  it('reads a centroid saved as [term, weight] pairs as the two flat lists, in the same order', () => {
    expect(centroidFromRow({ storyId: 's-1', founderId: 'a1', terms: [['ferry', 1.5], ['@port halley', 0.75]], size: 2, lastSeen: '2026-11-21T00:00:00.000Z' })).toEqual({
      storyId: 's-1',
      founderId: 'a1',
      terms: ['ferry', '@port halley'],
      weights: [1.5, 0.75],
      size: 2,
      lastSeen: '2026-11-21T00:00:00.000Z',
    });
  });

  it('keeps a centroid saved as flat lists as it is', () => {
    const flat = { storyId: 's-2', founderId: 'b1', terms: ['dam'], weights: [0.5], size: 1 };
    expect(centroidFromRow(flat)).toEqual(flat);
  });
});
