/**
 * Trains the triage classifier (core/triage) on the Bitext customer-support
 * sample in ../shared/data (relative to the repo root) and writes to
 * resources/triage/:
 *
 *   model.json        the model the console and the server load
 *   holdout.json      the held-out rows, so the regression test needs no ../shared
 *   metrics.json      accuracy on them, overall and per category, most confused pairs
 *   README.md, LICENSE-bitext.txt   credit and licence of the data
 *
 * The split is deterministic and stratified: per intent, rows are ordered by a
 * seeded hash of their text and the first 20 % are held out, so every intent
 * is tested in proportion and a rerun gives the same files.
 *
 * Run: npx tsx scripts/train-triage.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { format, resolveConfig } from 'prettier';
import type { LabelledText, TriageMetrics, TriageModel } from '../core/triage';
import { TRIAGE_MODEL_FORMAT, evaluate, parseTriageModel, train } from '../core/triage';
import { readRecords } from './csv';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CSV = resolve(REPO_ROOT, '../shared/data/bitext/bitext_customer_support.csv');
const LICENSE = resolve(REPO_ROOT, '../shared/data/bitext/LICENSE.txt');
const OUT = resolve(REPO_ROOT, 'resources/triage');

const SEED = 'spark-triage-1';
const HOLDOUT_SHARE = 0.2;
const ALPHA = 1;
const MIN_COUNT = 2;

const SOURCE = {
  name: 'Bitext Customer Support LLM Chatbot Training Dataset (sample)',
  url: 'https://github.com/bitext/customer-support-llm-chatbot-training-dataset',
  license: 'CDLA-Sharing-1.0',
};

interface Row extends LabelledText {
  /** 0-based index of the data row in the CSV (header excluded). */
  index: number;
}

/** FNV-1a, 32 bit: a stable, dependency-free hash; only the order it induces matters. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function readRows(): Row[] {
  return readRecords(CSV).flatMap((r, index) => {
    const text = r.instruction?.trim().replace(/\s+/g, ' ');
    const intent = r.intent?.trim();
    const category = r.category?.trim();
    return text && intent && category ? [{ index, text, intent, category }] : [];
  });
}

function split(rows: readonly Row[]): { trainRows: Row[]; heldOut: Row[] } {
  const byIntent = new Map<string, Row[]>();
  for (const r of rows) byIntent.set(r.intent, [...(byIntent.get(r.intent) ?? []), r]);
  const held = new Set<number>();
  for (const group of byIntent.values()) {
    const keyed = group.map((r) => ({ r, h: fnv1a(`${SEED}:${r.text}`) }));
    keyed.sort((a, b) => a.h - b.h || a.r.index - b.r.index);
    for (const { r } of keyed.slice(0, Math.round(group.length * HOLDOUT_SHARE))) held.add(r.index);
  }
  return {
    trainRows: rows.filter((r) => !held.has(r.index)),
    heldOut: rows.filter((r) => held.has(r.index)),
  };
}

function categoriesOf(rows: readonly Row[]): Record<string, string> {
  const categoryOf: Record<string, string> = {};
  for (const r of rows) {
    const known = categoryOf[r.intent];
    if (known !== undefined && known !== r.category)
      throw new Error(
        `intent ${r.intent} is in two categories (${known}, ${r.category}); derive no category from it`,
      );
    categoryOf[r.intent] = r.category;
  }
  return Object.fromEntries(Object.entries(categoryOf).sort(([a], [b]) => a.localeCompare(b)));
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

function report(m: TriageMetrics, model: TriageModel, bytes: number, ms: number): void {
  const t = model.training;
  console.log(`trained on ${t.rows} rows in ${ms.toFixed(0)} ms; held out ${t.heldOut}`);
  console.log(
    `model.json: ${bytes.toLocaleString('en')} bytes, ${model.intent.vocabulary.length} tokens, ${model.intent.labels.length} intents`,
  );
  console.log(
    `\nheld-out accuracy: intent ${pct(m.intentAccuracy)}, category ${pct(m.categoryAccuracy)}, product area ${pct(m.productAreaAccuracy)}`,
  );
  console.log('\ncategory            rows  category  intent');
  for (const [name, c] of Object.entries(m.perCategory))
    console.log(
      `${name.padEnd(18)} ${String(c.rows).padStart(5)}  ${pct(c.categoryAccuracy).padStart(8)}  ${pct(c.intentAccuracy).padStart(6)}`,
    );
  console.log('\nmost confused intents (actual → predicted):');
  for (const c of m.confusedIntents) console.log(`  ${c.count}× ${c.actual} → ${c.predicted}`);
  console.log('most confused categories:');
  for (const c of m.confusedCategories) console.log(`  ${c.count}× ${c.actual} → ${c.predicted}`);
  const h = m.humanTriage;
  console.log(
    `\nconfidence < ${h.threshold}: ${pct(h.share)} of rows (intent accuracy ${pct(h.accuracyBelow)}; ${pct(h.accuracyAbove)} above)`,
  );
}

const README = `# Triage model

\`model.json\` is the offline ticket classifier of \`core/triage\`: a multinomial
Naive Bayes over word unigrams and bigrams (Laplace smoothing, tokens seen
fewer than ${MIN_COUNT} times dropped) that predicts the Bitext intent of a
ticket; the category follows from the intent and the Spark Drive product area
from the demo's mapping (\`core/demo/catalog.ts\`). Regenerate with
\`npx tsx scripts/train-triage.ts\`.

| file | what it is |
|---|---|
| \`model.json\` | labels, vocabulary, log priors and log likelihoods per intent, intent → category |
| \`holdout.json\` | the ${Math.round(HOLDOUT_SHARE * 100)} % of rows held out of training (per intent, by a seeded hash), with their labels; the regression test scores the model on them |
| \`metrics.json\` | accuracy on the held-out rows, overall and per category, most confused pairs |

Trained on the Bitext Customer Support LLM Chatbot Training Dataset, sample
file \`data/train/Bitext_Sample_Customer_Support_Training_Dataset.csv\` at
commit 8b6ca3d9 of github.com/bitext/customer-support-llm-chatbot-training-dataset,
by Bitext, under the Community Data License Agreement – Sharing 1.0
(CDLA-Sharing-1.0, see \`LICENSE-bitext.txt\`). The model is a Result of
computational use of that data in the agreement's sense; \`holdout.json\`
holds data rows and is published under the same agreement.

Bitext utterances are generated from templates, so held-out rows resemble
training rows closely: real tickets will score lower than \`metrics.json\`
says. Bitext has no data-loss or security category; \`core/triage/rules.ts\`
catches those with keyword rules.
`;

async function main(): Promise<void> {
  const rows = readRows();
  const { trainRows, heldOut } = split(rows);
  const started = performance.now();
  const intent = train(
    trainRows.map((r) => ({ text: r.text, label: r.intent })),
    { alpha: ALPHA, minCount: MIN_COUNT },
  );
  const ms = performance.now() - started;
  const model = parseTriageModel({
    format: TRIAGE_MODEL_FORMAT,
    source: SOURCE,
    training: {
      rows: trainRows.length,
      heldOut: heldOut.length,
      seed: SEED,
      alpha: ALPHA,
      minCount: MIN_COUNT,
    },
    categoryOf: categoriesOf(rows),
    intent,
  } satisfies TriageModel);
  const metrics = evaluate(model, heldOut);

  mkdirSync(OUT, { recursive: true });
  // Written prettier-formatted: resources/triage is under \`prettier --check .\` (npm run lint).
  const write = async (name: string, content: string): Promise<void> => {
    const file = resolve(OUT, name);
    const options = (await resolveConfig(file)) ?? {};
    writeFileSync(file, await format(content, { ...options, filepath: file }));
  };
  await write('model.json', JSON.stringify(model));
  await write('holdout.json', JSON.stringify({ source: SOURCE, seed: SEED, rows: heldOut }));
  await write('metrics.json', JSON.stringify({ trainedRows: trainRows.length, ...metrics }));
  await write('README.md', README);
  // Copied by content, not copyFileSync: the shared file is read-only and its mode would come along.
  writeFileSync(resolve(OUT, 'LICENSE-bitext.txt'), readFileSync(LICENSE));
  report(metrics, model, readFileSync(resolve(OUT, 'model.json')).length, ms);
}

await main();
