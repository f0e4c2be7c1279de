/**
 * Test fixture (Node only, excluded from the core build): the shipped triage
 * model and its held-out rows from resources/triage, loaded as the server and
 * the console load them. Core code itself never reads files; its tests do,
 * through this one place.
 */
// eslint-disable-next-line no-restricted-imports -- test fixture: reads resources/triage
import { readFileSync } from 'node:fs';
import type { LabelledText, TriageMetrics, TriageModel } from './index';
import { parseTriageModel } from './index';

const load = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../resources/triage/${name}`, import.meta.url), 'utf8'));

export const shippedModel: TriageModel = parseTriageModel(load('model.json'));

/** Rows of the Bitext CSV that scripts/train-triage.ts held out of training. */
export const heldOutRows: (LabelledText & { index: number })[] = (
  load('holdout.json') as { rows: (LabelledText & { index: number })[] }
).rows;

/** What the training script measured on those rows when it wrote the model. */
export const shippedMetrics = load('metrics.json') as TriageMetrics & { trainedRows: number };
