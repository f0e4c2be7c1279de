import { describe, expect, it } from 'vitest';
import type { Example } from './model';
import { naiveBayesModelSchema, predict, softmax, train } from './model';

// Tiny corpus, worked by hand (minCount 1, Laplace, no rounding):
//   refund: "refund money" → refund, money, "refund money"; "refund late" → refund, late, "refund late"
//   order:  "order late"   → order, late, "order late"
// Vocabulary V = 7. refund has 6 token counts (denominator 6 + 7 = 13), order 3 (3 + 7 = 10).
const CORPUS: Example[] = [
  { text: 'refund money', label: 'refund' },
  { text: 'refund late', label: 'refund' },
  { text: 'order late', label: 'order' },
];
const model = train(CORPUS, { minCount: 1, decimals: 12 });

describe('train', () => {
  it('collects a sorted vocabulary and sorted labels', () => {
    expect(model.vocabulary).toEqual([
      'late',
      'money',
      'order',
      'order late',
      'refund',
      'refund late',
      'refund money',
    ]);
    expect(model.labels).toEqual(['order', 'refund']);
  });

  it('has log priors of the label shares and Laplace-smoothed log likelihoods', () => {
    const [order, refund] = [0, 1];
    const col = (t: string): number => model.vocabulary.indexOf(t);
    expect(Math.exp(model.logPriors[refund] ?? 0)).toBeCloseTo(2 / 3, 9);
    expect(Math.exp(model.logPriors[order] ?? 0)).toBeCloseTo(1 / 3, 9);
    expect(Math.exp(model.logLikelihoods[refund]?.[col('refund')] ?? 0)).toBeCloseTo(3 / 13, 9);
    expect(Math.exp(model.logLikelihoods[refund]?.[col('order')] ?? 0)).toBeCloseTo(1 / 13, 9);
    expect(Math.exp(model.logLikelihoods[order]?.[col('late')] ?? 0)).toBeCloseTo(2 / 10, 9);
    for (const row of model.logLikelihoods)
      expect(row.reduce((s, x) => s + Math.exp(x), 0)).toBeCloseTo(1, 9);
  });

  it('prunes tokens seen fewer than minCount times', () => {
    expect(train(CORPUS, { minCount: 2 }).vocabulary).toEqual(['late', 'refund']);
  });

  it('gives the same model whatever the order of the examples', () => {
    expect(train([...CORPUS].reverse(), { minCount: 1, decimals: 12 })).toEqual(model);
  });

  it('refuses an empty training set', () => {
    expect(() => train([])).toThrow(/no examples/);
  });
});

describe('predict', () => {
  it('"late": refund 2/3 · 2/13 against order 1/3 · 2/10, so refund with p = 60/99', () => {
    const p = predict(model, 'late');
    expect(p.label).toBe('refund');
    expect(p.confidence).toBeCloseTo(60 / 99, 9);
    expect(p.top).toEqual([
      { label: 'refund', p: expect.closeTo(60 / 99, 9) },
      { label: 'order', p: expect.closeTo(39 / 99, 9) },
    ]);
  });

  it('"order": refund 2/3 · 1/13 against order 1/3 · 2/10, so order with p = 13/23', () => {
    const p = predict(model, 'Order!');
    expect(p.label).toBe('order');
    expect(p.confidence).toBeCloseTo(13 / 23, 9);
  });

  it('ignores unknown tokens: a text with none known gets the priors', () => {
    const p = predict(model, 'completely unrelated words');
    expect(p.label).toBe('refund');
    expect(p.confidence).toBeCloseTo(2 / 3, 9);
  });

  it('limits `top` to topK labels', () => {
    expect(predict(model, 'late', 1).top).toHaveLength(1);
  });

  it('predicts the same after a JSON round trip, and the schema accepts the result', () => {
    const copy = naiveBayesModelSchema.parse(JSON.parse(JSON.stringify(model)));
    expect(predict(copy, 'refund money')).toEqual(predict(model, 'refund money'));
  });

  it('the schema rejects a model whose rows do not match its vocabulary', () => {
    const broken = { ...model, logLikelihoods: model.logLikelihoods.map((r) => r.slice(1)) };
    expect(naiveBayesModelSchema.safeParse(broken).success).toBe(false);
  });
});

describe('softmax', () => {
  it('stays finite for very negative log-probabilities', () => {
    const [a = 0, b = 0] = softmax([-2000, -2000 - Math.log(3)]);
    expect(a).toBeCloseTo(0.75, 12);
    expect(b).toBeCloseTo(0.25, 12);
  });
});
