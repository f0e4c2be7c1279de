/**
 * Multinomial Naive Bayes over tokenize() features, with Laplace (add-one)
 * smoothing. Chosen over logistic regression because it trains in one pass
 * with no tuning, predicts with a few thousand additions, and its parameters
 * are plain log-probabilities that serialise to JSON as they are.
 */
import { z } from 'zod';
import { tokenize } from './tokenize';

export interface Example {
  text: string;
  label: string;
}

/** The serialised model: what resources/triage/model.json holds (inside the triage model). */
export interface NaiveBayesModel {
  labels: string[];
  vocabulary: string[];
  /** log P(label), per label. */
  logPriors: number[];
  /** log P(token | label): one row per label, one column per vocabulary entry. */
  logLikelihoods: number[][];
}

export const naiveBayesModelSchema = z
  .object({
    labels: z.array(z.string()).min(1),
    vocabulary: z.array(z.string()),
    logPriors: z.array(z.number()),
    logLikelihoods: z.array(z.array(z.number())),
  })
  .refine(
    (m) =>
      m.logPriors.length === m.labels.length &&
      m.logLikelihoods.length === m.labels.length &&
      m.logLikelihoods.every((row) => row.length === m.vocabulary.length),
    { message: 'one prior and one likelihood row per label, one likelihood per vocabulary entry' },
  );

export interface TrainOptions {
  /** Additive smoothing; 1 is Laplace. */
  alpha?: number;
  /**
   * Tokens seen fewer times than this in the whole training set are left out
   * of the vocabulary. Most of them are one-off typos and bigrams: they would
   * triple the model file and, seen once, barely move a prediction.
   */
  minCount?: number;
  /** Decimals kept in the log-probabilities; 3 keeps the file small and changes no prediction that matters. */
  decimals?: number;
}

export interface Prediction {
  label: string;
  /** Posterior probability of `label`: the softmax of the per-label log-probabilities. */
  confidence: number;
  /** The most probable labels, best first. */
  top: { label: string; p: number }[];
}

export function train(examples: readonly Example[], options: TrainOptions = {}): NaiveBayesModel {
  const { alpha = 1, minCount = 2, decimals = 3 } = options;
  if (examples.length === 0) throw new Error('train: no examples');
  const tokenized = examples.map((e) => ({ label: e.label, tokens: tokenize(e.text) }));
  const totals = new Map<string, number>();
  for (const e of tokenized) for (const t of e.tokens) totals.set(t, (totals.get(t) ?? 0) + 1);
  // Sorted so the same examples always give the same file, byte for byte.
  const vocabulary = [...totals].filter(([, n]) => n >= minCount).map(([t]) => t);
  vocabulary.sort();
  const index = new Map(vocabulary.map((t, k) => [t, k]));
  const labels = [...new Set(tokenized.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, k) => [l, k]));
  const docs = labels.map(() => 0);
  const counts = labels.map(() => new Array<number>(vocabulary.length).fill(0));
  for (const e of tokenized) {
    const c = labelIndex.get(e.label) ?? 0;
    docs[c] = (docs[c] ?? 0) + 1;
    const row = counts[c];
    if (!row) continue;
    for (const t of e.tokens) {
      const k = index.get(t);
      if (k !== undefined) row[k] = (row[k] ?? 0) + 1;
    }
  }
  const round = (x: number): number => Number(x.toFixed(decimals));
  return {
    labels,
    vocabulary,
    logPriors: docs.map((n) => round(Math.log(n / examples.length))),
    logLikelihoods: counts.map((row) => {
      const denominator = row.reduce((s, n) => s + n, 0) + alpha * vocabulary.length;
      return row.map((n) => round(Math.log((n + alpha) / denominator)));
    }),
  };
}

// The token → column map is rebuilt lazily once per model object, not per
// prediction: a triage model is loaded once and asked thousands of times.
const indexCache = new WeakMap<NaiveBayesModel, Map<string, number>>();

function vocabularyIndex(model: NaiveBayesModel): Map<string, number> {
  let index = indexCache.get(model);
  if (!index) {
    index = new Map(model.vocabulary.map((t, k) => [t, k]));
    indexCache.set(model, index);
  }
  return index;
}

/** Numerically stable softmax: shifting by the maximum keeps exp() from underflowing to 0 / 0. */
export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((x) => Math.exp(x - max));
  const sum = exps.reduce((s, x) => s + x, 0);
  return exps.map((x) => x / sum);
}

/**
 * The most probable label for `text`. Tokens outside the vocabulary are
 * ignored, as in training; a text with none known falls back to the priors,
 * whose confidence is low enough to send it to a human.
 */
export function predict(model: NaiveBayesModel, text: string, topK = 3): Prediction {
  const index = vocabularyIndex(model);
  const columns: number[] = [];
  for (const t of tokenize(text)) {
    const k = index.get(t);
    if (k !== undefined) columns.push(k);
  }
  const logits = model.labels.map((_, c) => {
    const row = model.logLikelihoods[c] ?? [];
    let sum = model.logPriors[c] ?? -Infinity;
    for (const k of columns) sum += row[k] ?? 0;
    return sum;
  });
  const ranked = softmax(logits)
    .map((p, c) => ({ label: model.labels[c] ?? '', p }))
    .sort((a, b) => b.p - a.p || a.label.localeCompare(b.label));
  const best = ranked[0] ?? { label: '', p: 0 };
  return { label: best.label, confidence: best.p, top: ranked.slice(0, topK) };
}
