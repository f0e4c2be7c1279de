/**
 * Held-out evaluation of a triage model: accuracy overall and per Bitext
 * category, the most confused pairs, and how the human-triage threshold splits
 * right from wrong. Shared by scripts/train-triage.ts (which writes the figures
 * to resources/triage/metrics.json) and the regression test (which holds the
 * shipped model to a floor).
 */
import { bitextAreaMapping } from '../demo/catalog';
import type { TriageModel } from './classify';
import { HUMAN_TRIAGE_THRESHOLD } from './classify';
import { predict } from './model';

export interface LabelledText {
  text: string;
  intent: string;
  category: string;
}

export interface Confusion {
  actual: string;
  predicted: string;
  count: number;
}

export interface TriageMetrics {
  rows: number;
  intentAccuracy: number;
  categoryAccuracy: number;
  /** Right Spark Drive area (via the shared mapping), even when the intent is wrong. */
  productAreaAccuracy: number;
  /** Per true category: its rows, and how many got the right category and the right intent. */
  perCategory: Record<string, { rows: number; categoryAccuracy: number; intentAccuracy: number }>;
  confusedIntents: Confusion[];
  confusedCategories: Confusion[];
  humanTriage: {
    threshold: number;
    /** Share of rows whose confidence falls under the threshold. */
    share: number;
    /** Intent accuracy of the rows at or above it, and of those under it. */
    accuracyAbove: number;
    accuracyBelow: number;
  };
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : Number((n / d).toFixed(4)));

function topPairs(pairs: Map<string, number>, n: number): Confusion[] {
  return [...pairs]
    .map(([key, count]) => {
      const [actual = '', predicted = ''] = key.split('\u0000');
      return { actual, predicted, count };
    })
    .sort(
      (a, b) =>
        b.count - a.count || a.actual.localeCompare(b.actual) || a.predicted.localeCompare(b.predicted),
    )
    .slice(0, n);
}

export function evaluate(model: TriageModel, rows: readonly LabelledText[]): TriageMetrics {
  let intentHits = 0;
  let categoryHits = 0;
  let areaHits = 0;
  const under = { rows: 0, hits: 0 };
  const perCategory = new Map<string, { rows: number; category: number; intent: number }>();
  const intentPairs = new Map<string, number>();
  const categoryPairs = new Map<string, number>();
  for (const row of rows) {
    const p = predict(model.intent, row.text);
    const category = model.categoryOf[p.label] ?? '';
    const intentOk = p.label === row.intent;
    const categoryOk = category === row.category;
    intentHits += Number(intentOk);
    categoryHits += Number(categoryOk);
    const area = bitextAreaMapping(p.label, category).area;
    areaHits += Number(area === bitextAreaMapping(row.intent, row.category).area);
    if (p.confidence < HUMAN_TRIAGE_THRESHOLD) {
      under.rows += 1;
      under.hits += Number(intentOk);
    }
    const c = perCategory.get(row.category) ?? { rows: 0, category: 0, intent: 0 };
    perCategory.set(row.category, {
      rows: c.rows + 1,
      category: c.category + Number(categoryOk),
      intent: c.intent + Number(intentOk),
    });
    const count = (pairs: Map<string, number>, key: string): void => {
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    };
    if (!intentOk) count(intentPairs, `${row.intent}\u0000${p.label}`);
    if (!categoryOk) count(categoryPairs, `${row.category}\u0000${category}`);
  }
  return {
    rows: rows.length,
    intentAccuracy: ratio(intentHits, rows.length),
    categoryAccuracy: ratio(categoryHits, rows.length),
    productAreaAccuracy: ratio(areaHits, rows.length),
    perCategory: Object.fromEntries(
      [...perCategory]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, c]) => [
          name,
          {
            rows: c.rows,
            categoryAccuracy: ratio(c.category, c.rows),
            intentAccuracy: ratio(c.intent, c.rows),
          },
        ]),
    ),
    confusedIntents: topPairs(intentPairs, 10),
    confusedCategories: topPairs(categoryPairs, 5),
    humanTriage: {
      threshold: HUMAN_TRIAGE_THRESHOLD,
      share: ratio(under.rows, rows.length),
      accuracyAbove: ratio(intentHits - under.hits, rows.length - under.rows),
      accuracyBelow: ratio(under.hits, under.rows),
    },
  };
}
