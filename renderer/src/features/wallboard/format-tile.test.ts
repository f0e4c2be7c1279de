import { describe, expect, it } from 'vitest';
import { formatTile } from './format-tile';

describe('formatTile', () => {
  it('reads well from across a room, and shows no data as a dash', () => {
    expect(formatTile({ value: 0.8234, unit: 'share' })).toBe('82.3 %');
    expect(formatTile({ value: 4.449, unit: 'score' })).toBe('4.45');
    expect(formatTile({ value: 1204, unit: 'count' })).toBe('1,204');
    expect(formatTile({ value: 8 * 60_000 + 12_000, unit: 'ms' })).toBe('8m 12s');
    expect(formatTile({ value: 3 * 3_600_000 + 5 * 60_000, unit: 'ms' })).toBe('3h 05m');
    expect(formatTile({ value: null, unit: 'share' })).toBe('—');
  });

  it('rounds to whole seconds before splitting into minutes (never "60s")', () => {
    expect(formatTile({ value: 46 * 60_000 + 59_600, unit: 'ms' })).toBe('47m 00s');
    expect(formatTile({ value: 119 * 60_000 + 59_700, unit: 'ms' })).toBe('2h 00m');
  });
});
