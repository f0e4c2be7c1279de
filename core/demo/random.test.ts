import { describe, expect, it } from 'vitest';
import { Rng, hashSeed, pickWeighted, rngFor, weighted } from './random';

describe('Rng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Rng(hashSeed(7));
    const b = new Rng(hashSeed(7));
    const c = new Rng(hashSeed(8));
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('hashes strings and numbers to 32-bit seeds', () => {
    expect(hashSeed('demo')).toBe(hashSeed('demo'));
    expect(hashSeed('demo')).not.toBe(hashSeed('demp'));
    for (const s of [0, 1, -1, 2 ** 40, 'x']) {
      const h = hashSeed(s);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });

  it('draws uniformly in [0, 1) and integers in range', () => {
    const rng = rngFor(hashSeed(1), 1, 0);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      const k = rng.between(3, 5);
      expect(k >= 3 && k <= 5).toBe(true);
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it('gives independent streams per index', () => {
    expect(rngFor(5, 3, 1).next()).not.toBe(rngFor(5, 3, 2).next());
    expect(rngFor(5, 3, 1).next()).toBe(rngFor(5, 3, 1).next());
  });

  it('picks by weight and never picks a zero weight', () => {
    const w = weighted([
      ['a', 3],
      ['b', 1],
      ['never', 0],
    ] as const);
    const rng = new Rng(11);
    const counts: Record<string, number> = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) counts[pickWeighted(rng, w)]! += 1;
    expect(counts.never).toBe(0);
    expect(counts.a! / 10_000).toBeCloseTo(0.75, 1);
    expect(() => weighted([['x', 0]])).toThrow();
  });

  it('draws log-normals around their median', () => {
    const rng = new Rng(3);
    const xs = Array.from({ length: 5001 }, () => rng.logNormal(100, 0.5)).sort((a, b) => a - b);
    expect(xs[2500]).toBeGreaterThan(90);
    expect(xs[2500]).toBeLessThan(110);
  });
});
