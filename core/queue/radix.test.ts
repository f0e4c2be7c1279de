import { describe, expect, it } from 'vitest';
import { radixKeys, radixOrder } from './radix';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('radixKeys', () => {
  it('shifts ascending keys to start at 0 and flips descending ones', () => {
    expect([...(radixKeys(f64([5, 3, 9]), false) ?? [])]).toEqual([2, 0, 6]);
    expect([...(radixKeys(f64([5, 3, 9]), true) ?? [])]).toEqual([4, 6, 0]);
  });

  it('puts Infinity (no value) after every finite key in both directions', () => {
    expect([...(radixKeys(f64([Infinity, 1, 4]), false) ?? [])]).toEqual([4, 0, 3]);
    expect([...(radixKeys(f64([Infinity, 1, 4]), true) ?? [])]).toEqual([4, 3, 0]);
    expect([...(radixKeys(f64([Infinity, Infinity]), true) ?? [])]).toEqual([0, 0]);
  });

  it('declines keys it cannot sort exactly', () => {
    expect(radixKeys(f64([1.5, 2]), false)).toBeNull();
    expect(radixKeys(f64([NaN, 2]), false)).toBeNull();
    expect(radixKeys(f64([-Infinity, 2]), false)).toBeNull();
    expect(radixKeys(f64([0, 2 ** 52]), false)).toBeNull();
    expect(radixKeys(f64([-(2 ** 40), 2 ** 40]), false)).not.toBeNull();
  });
});

describe('radixOrder', () => {
  it('sorts by several levels, most significant last, and keeps index order on full ties', () => {
    const minor = f64([1, 0, 1, 0]);
    const major = f64([1, 1, 0, 0]);
    expect([...radixOrder(4, [minor, major])]).toEqual([3, 2, 1, 0]);
    expect([...radixOrder(4, [f64([0, 0, 0, 0])])]).toEqual([0, 1, 2, 3]);
  });

  it('agrees with a comparison sort on wide keys (timestamps, > 2^32, close to 2^52)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (const span of [2 ** 8, 2 ** 20, 2 ** 36, 2 ** 51]) {
      const n = 2000;
      const a = Float64Array.from({ length: n }, () => Math.floor((next() / 2147483647) * span));
      const b = Float64Array.from({ length: n }, () => next() % 7);
      const want = Array.from({ length: n }, (_, i) => i).sort(
        (x, y) => (b[x] as number) - (b[y] as number) || (a[x] as number) - (a[y] as number) || x - y,
      );
      expect([...radixOrder(n, [a, b])], `span ${span}`).toEqual(want);
    }
  });

  it('handles no rows', () => {
    expect(radixOrder(0, [f64([])])).toHaveLength(0);
  });
});
