import { describe, expect, it } from 'vitest';
import { releaseMemory } from './memory.js';

describe('releaseMemory', () => {
  it('collects garbage the heap still holds', () => {
    releaseMemory();
    const before = process.memoryUsage().heapUsed;
    // About 40 MB of short strings kept alive past several scavenges, so they reach the old generation.
    let kept: string[][] = [];
    for (let round = 0; round < 8; round++) kept.push(Array.from({ length: 100_000 }, (_, i) => `garbage ${round} ${i} `.repeat(2)));
    const full = process.memoryUsage().heapUsed;
    expect(full - before).toBeGreaterThan(30e6);
    kept = [];
    releaseMemory();
    const after = process.memoryUsage().heapUsed;
    expect(full - after).toBeGreaterThan(30e6);
  });
});
