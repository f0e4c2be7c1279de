/** A benchmark figure as printed and written to bench/results.json, and how samples become one. */
import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  unit: string;
  /** Which statistic `median` holds when it is not the median (a latency target set on p95 / p99). */
  stat?: 'median' | 'p95' | 'p99';
  median: number;
  min: number;
  max: number;
  runs: number;
  target?: string;
  /** Whether the target is met (only when there is a target). */
  met?: boolean;
  baseline?: { name: string; median: number; min: number; max: number; ratio: number };
  notes?: string;
}

/** Nearest-rank percentile of already sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

export function summarise(
  name: string,
  unit: string,
  samples: number[],
  extra: Partial<Figure> = {},
): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const stat = extra.stat ?? 'median';
  const value =
    stat === 'p95' ? percentile(sorted, 95) : stat === 'p99' ? percentile(sorted, 99) : median(sorted);
  const figure: Figure = {
    name,
    unit,
    median: value,
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    runs: samples.length,
    ...extra,
  };
  if (figure.target) figure.met = meets(figure.median, figure.target);
  return figure;
}

function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Reads targets written as "≤ 50", "≥ 500" or "≥ 10× faster" (the latter judged on the baseline ratio). */
export function meets(value: number, target: string): boolean {
  const m = /^([≤≥])\s*([\d.,]+)/.exec(target);
  if (!m) return false;
  const limit = Number((m[2] ?? '').replace(/,/g, ''));
  return m[1] === '≤' ? value <= limit : value >= limit;
}

/** A figure against a baseline measured in the same run: ratio = baseline / ours (× faster). */
export function withBaseline(
  ours: Figure,
  baselineName: string,
  baselineSamples: number[],
  ratioTarget?: string,
): Figure {
  const b = summarise(baselineName, ours.unit, baselineSamples);
  const ratio = b.median / ours.median;
  const figure: Figure = {
    ...ours,
    baseline: { name: baselineName, median: b.median, min: b.min, max: b.max, ratio },
  };
  if (ratioTarget) {
    const speed = meets(ratio, ratioTarget);
    figure.target = ours.target
      ? `${ours.target}; ${ratioTarget}× faster than baseline`
      : `${ratioTarget}× faster than baseline`;
    figure.met = (ours.met ?? true) && speed;
  }
  return figure;
}

export async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}
