/**
 * A small seeded PRNG (mulberry32) and the draws the generator needs.
 *
 * Each ticket gets its own generator seeded from (workspace seed, ticket index),
 * so ticket n is the same whether the workspace is generated at once or in
 * chunks, and a change to one ticket's draws does not shift every later ticket.
 */

/** 32-bit hash of a string (FNV-1a) or a number; the seed of a generator. */
export function hashSeed(seed: number | string): number {
  if (typeof seed === 'number') return mix32(Math.floor(seed) >>> 0, 0x9e3779b9);
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0, 0x85ebca6b);
}

/** Combines two 32-bit values into a well-mixed third (murmur3 finaliser). */
export function mix32(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** Float in [min, max). */
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median; `sigma` is the spread of its logarithm. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

/** A fresh generator for item `index` of stream `stream` under `seed`. */
export function rngFor(seed: number, stream: number, index = 0): Rng {
  return new Rng(mix32(mix32(seed, stream), index));
}

export interface Weighted<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
}

/** Precomputes a weighted choice; entries with weight ≤ 0 are never picked. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  const items: T[] = [];
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  for (const [item, w] of entries) {
    if (!(w > 0)) continue;
    total += w;
    cumulative[items.length] = total;
    items.push(item);
  }
  if (items.length === 0) throw new RangeError('weighted choice needs a positive weight');
  return { items, cumulative: cumulative.subarray(0, items.length), total };
}

export function pickWeighted<T>(rng: Rng, w: Weighted<T>): T {
  const target = rng.next() * w.total;
  let lo = 0;
  let hi = w.items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((w.cumulative[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return w.items[lo] as T;
}
