import { describe, expect, it } from 'vitest';
import { previousPeriod, rangeLabel, resolveRange } from './time-range';

describe('time ranges', () => {
  it('resolves a relative range against the clock', () => {
    expect(resolveRange({ kind: 'relative', seconds: 3600 }, 10_000_000)).toEqual({
      from: 10_000_000 - 3_600_000,
      to: 10_000_000,
    });
  });
  it('gives the previous period of the same length', () => {
    expect(previousPeriod({ from: 100, to: 300 })).toEqual({ from: -100, to: 100 });
  });
  it('labels presets and fixed windows', () => {
    expect(rangeLabel({ kind: 'relative', seconds: 7 * 86400 })).toBe('Last 7d');
    expect(rangeLabel({ kind: 'absolute', from: 0, to: 3_600_000 })).toBe(
      '1970-01-01 00:00 UTC → 1970-01-01 01:00 UTC',
    );
  });
});
