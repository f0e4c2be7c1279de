import { describe, expect, it } from 'vitest';
import { mergeOutageWindows, totalDowntimeMs } from './downtime';

const H = 3_600_000;

describe('mergeOutageWindows', () => {
  it('merges overlapping, touching and contained windows, sorted by start', () => {
    const input = [
      { start: 10 * H, end: 11 * H },
      { start: 1 * H, end: 3 * H },
      { start: 0, end: 2 * H }, // overlaps [1, 3)
      { start: 3 * H, end: 4 * H }, // touches [.., 3)
      { start: 1.5 * H, end: 2.5 * H }, // inside
      { start: 20 * H, end: 20 * H }, // empty
    ];
    expect(mergeOutageWindows(input)).toEqual([
      { start: 0, end: 4 * H },
      { start: 10 * H, end: 11 * H },
    ]);
    expect(input[0]).toEqual({ start: 10 * H, end: 11 * H }); // input untouched
  });
});

describe('totalDowntimeMs', () => {
  it('counts overlapping time once', () => {
    // [0, 3 h) ∪ [2 h, 5 h) = 5 h, not 6 h.
    expect(
      totalDowntimeMs([
        { start: 0, end: 3 * H },
        { start: 2 * H, end: 5 * H },
      ]),
    ).toBe(5 * H);
    expect(totalDowntimeMs([])).toBe(0);
  });

  it('clips windows to the billing period', () => {
    const period = { from: 100 * H, to: 200 * H };
    const outages = [
      { start: 98 * H, end: 101 * H }, // 1 h inside
      { start: 150 * H, end: 152 * H }, // 2 h
      { start: 199 * H, end: 230 * H }, // 1 h inside
      { start: 300 * H, end: 310 * H }, // outside
    ];
    expect(totalDowntimeMs(outages, period)).toBe(4 * H);
  });
});
