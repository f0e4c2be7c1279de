import { describe, expect, it } from 'vitest';
import { formatCountdown } from './format';

describe('formatCountdown', () => {
  it('picks a unit by size and marks overdue times', () => {
    expect(formatCountdown(45_000)).toBe('45s');
    expect(formatCountdown(12 * 60_000 + 59_000)).toBe('12m');
    expect(formatCountdown(3 * 3_600_000 + 5 * 60_000)).toBe('3h 05m');
    expect(formatCountdown(52 * 3_600_000)).toBe('2d 4h');
    expect(formatCountdown(-35 * 60_000)).toBe('−35m');
  });
});
