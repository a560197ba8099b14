import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs } from './retry.js';

const NOW = Date.parse('2026-11-22T10:00:00Z');

describe('retryAfterMs', () => {
  it('reads delta-seconds and the three HTTP date forms (asctime as GMT, whatever the local zone)', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs(' 0 ', NOW)).toBe(0);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', NOW)).toBe(30_000);
    expect(retryAfterMs('Sunday, 22-Nov-26 10:01:00 GMT', NOW)).toBe(60_000);
    expect(retryAfterMs('Sun Nov 22 10:00:05 2026', NOW)).toBe(5_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it.each(['-5', '-0', '+5', '1.5', '1e3', 'soon', '5s', '-5 seconds', 'Sun, 22 Nov 2026', '22 Nov 2026 10:00:30 GMT', '0x10'])(
    'calls %j unreadable, not "now"',
    (value) => expect(retryAfterMs(value, NOW)).toBeUndefined(),
  );
});

describe('backoffMs', () => {
  it('is never zero and never above the cap', () => {
    expect(backoffMs(0, 500, 8_000, () => 0)).toBe(250);
    expect(backoffMs(10, 500, 8_000, () => 1)).toBe(8_000);
  });
});
