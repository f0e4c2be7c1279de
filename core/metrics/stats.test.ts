import { describe, expect, it } from 'vitest';
import { addMeans, addShares, mean, share } from './stats';

describe('mean and share', () => {
  it('are null, not 0, over an empty set', () => {
    expect(mean(0, 0)).toEqual({ value: null, sum: 0, count: 0 });
    expect(share(0, 0)).toEqual({ value: null, hits: 0, total: 0 });
  });

  it('keep their parts next to the value', () => {
    expect(mean(30, 4)).toEqual({ value: 7.5, sum: 30, count: 4 });
    expect(share(0, 5)).toEqual({ value: 0, hits: 0, total: 5 });
  });

  it('add up exactly instead of averaging averages', () => {
    // Day 1: 1 contact of 10 min; day 2: 3 contacts of 2 min. Mean of means = 6, true mean = 16/4 = 4.
    expect(addMeans(mean(10, 1), mean(6, 3)).value).toBe(4);
    // 1/1 and 1/3 → 2/4 = 0.5, not (1 + 0.333)/2.
    expect(addShares(share(1, 1), share(1, 3))).toEqual({ value: 0.5, hits: 2, total: 4 });
    expect(addMeans().value).toBeNull();
  });
});
