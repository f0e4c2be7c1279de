/**
 * The two result shapes every KPI is built from: a mean and a share.
 *
 * Both keep their raw parts (sum/count, hits/total) next to the value, so a
 * tile can say "212 of 250" and results computed per day or per shard can be
 * added up exactly instead of averaging averages. An empty set has no mean and
 * no share: `value` is null, never 0, so "no data" is not drawn as "0 %".
 */

/** A mean of `count` values adding up to `sum`; durations are in ms. */
export interface Mean {
  value: number | null;
  sum: number;
  count: number;
}

/** `hits` out of `total`, as a fraction 0–1 (not a percentage). */
export interface Share {
  value: number | null;
  hits: number;
  total: number;
}

export function mean(sum: number, count: number): Mean {
  return { value: count === 0 ? null : sum / count, sum, count };
}

export function share(hits: number, total: number): Share {
  return { value: total === 0 ? null : hits / total, hits, total };
}

/** Adds means computed over disjoint sets (e.g. per day) into one. */
export function addMeans(...parts: readonly Mean[]): Mean {
  let sum = 0;
  let count = 0;
  for (const p of parts) {
    sum += p.sum;
    count += p.count;
  }
  return mean(sum, count);
}

/** Adds shares computed over disjoint sets into one. */
export function addShares(...parts: readonly Share[]): Share {
  let hits = 0;
  let total = 0;
  for (const p of parts) {
    hits += p.hits;
    total += p.total;
  }
  return share(hits, total);
}

/**
 * A running sum/count, mutated in place inside the single-pass loops so a KPI
 * over a million records allocates one object per group, not one per record.
 */
export interface Accumulator {
  sum: number;
  count: number;
}

export const accumulator = (): Accumulator => ({ sum: 0, count: 0 });

/** Counts one value into each accumulator given (e.g. the overall one and its group's). */
export function addTo(value: number, ...accs: Accumulator[]): void {
  for (const acc of accs) {
    acc.sum += value;
    acc.count += 1;
  }
}

export const toMean = (acc: Accumulator): Mean => mean(acc.sum, acc.count);

/** One accumulator per key of a fixed key list (channels, priorities, …). */
export function accumulatorsFor<K extends string | number>(keys: readonly K[]): Record<K, Accumulator> {
  const out = {} as Record<K, Accumulator>;
  for (const k of keys) out[k] = accumulator();
  return out;
}

export function meansOf<K extends string | number>(
  keys: readonly K[],
  accs: Record<K, Accumulator>,
): Record<K, Mean> {
  const out = {} as Record<K, Mean>;
  for (const k of keys) out[k] = toMean(accs[k]);
  return out;
}
