/**
 * Derives the compact demo sources in resources/demo/ from the public datasets
 * in ../shared/data (relative to the repo root):
 *
 *   bitext/bitext_customer_support.csv → resources/demo/bitext-texts.json
 *   abcd/{guidelines,kb,ontology}.json → resources/demo/abcd-kb.json
 *
 * and copies each dataset's license next to its derivative, plus a README that
 * credits the sources. The call_center dataset is deliberately not copied: it
 * carries no licence, so it may be used in tests only, never shipped.
 *
 * Run: npx tsx scripts/extract-demo-sources.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AbcdKb, AbcdStep, BitextTexts } from '../core/demo/sources';
import { DEMO_SOURCE_FILES, abcdKbSchema, bitextTextsSchema } from '../core/demo/sources';
import { readRecords } from './csv';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(REPO_ROOT, '../shared/data');
const OUT = resolve(REPO_ROOT, 'resources/demo');

/** Agent responses kept per intent (each with the utterance it answers); utterances are short and all kept. */
const RESPONSES_PER_INTENT = 40;
/** Longer answers read badly as ticket replies; keep these only when short ones run out. */
const PREFERRED_RESPONSE_CHARS = 1100;

interface Row {
  utterance: string;
  response: string;
  entity?: { type: string; value: string };
}

/** Up to `n` rows spread evenly over the list, preferring those with shorter answers. */
function spread(rows: Row[], n: number): Row[] {
  const short = rows.filter((r) => r.response.length <= PREFERRED_RESPONSE_CHARS);
  const pool = short.length >= n ? short : rows;
  if (pool.length <= n) return pool;
  return Array.from({ length: n }, (_, k) => pool[Math.floor((k * pool.length) / n)]).filter(
    (r) => r !== undefined,
  );
}

function extractBitext(): BitextTexts {
  const records = readRecords(resolve(DATA, 'bitext/bitext_customer_support.csv'));
  const byIntent = new Map<string, { category: string; rows: Row[] }>();
  for (const r of records) {
    const intent = r.intent?.trim();
    const category = r.category?.trim();
    const utterance = r.instruction?.trim().replace(/\s+/g, ' ');
    const response = r.response?.trim().replace(/\r\n/g, '\n');
    if (!intent || !category || !utterance || !response) continue;
    let entry = byIntent.get(intent);
    if (!entry) byIntent.set(intent, (entry = { category, rows: [] }));
    const type = r.entity_type?.trim();
    const value = r.entity_value?.trim();
    entry.rows.push({ utterance, response, ...(type && value ? { entity: { type, value } } : {}) });
  }
  const intents = [...byIntent.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([intent, e]) => {
      const utterances = [...new Set(e.rows.map((r) => r.utterance))];
      const index = new Map(utterances.map((u, i) => [u, i]));
      const seen = new Set<string>();
      const unique = e.rows.filter((r) => !seen.has(r.response) && seen.add(r.response));
      return {
        category: e.category,
        intent,
        utterances,
        responses: spread(unique, RESPONSES_PER_INTENT).map((r) => ({
          utterance: index.get(r.utterance) ?? 0,
          text: r.response,
          ...(r.entity ? { entity: r.entity } : {}),
        })),
      };
    });
  return bitextTextsSchema.parse({
    meta: {
      name: 'Bitext Customer Support LLM Chatbot Training Dataset (sample)',
      url: 'https://github.com/bitext/customer-support-llm-chatbot-training-dataset',
      license: 'CDLA-Sharing-1.0',
    },
    intents,
  });
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

interface RawGuidelineSubflow {
  actions: AbcdStep[];
  instructions: string[];
}
type RawGuidelines = Record<string, { description: string; subflows: Record<string, RawGuidelineSubflow> }>;
interface RawOntology {
  intents: { flows: string[]; subflows: Record<string, string[]> };
}

function extractAbcd(): AbcdKb {
  const read = (name: string): unknown => JSON.parse(readFileSync(resolve(DATA, 'abcd', name), 'utf8'));
  const guidelines = read('guidelines.json') as RawGuidelines;
  const ontology = read('ontology.json') as RawOntology;
  const kb = read('kb.json') as Record<string, string[]>;
  const flows = Object.entries(guidelines).map(([flowName, flow]) => {
    const id = slug(flowName);
    const ids = ontology.intents.subflows[id];
    const names = Object.keys(flow.subflows);
    // Guideline subflows carry display names; the ontology lists their ids in the same order.
    if (!ids || ids.length !== names.length)
      throw new Error(`abcd: flow ${flowName} does not match the ontology`);
    return {
      id,
      name: flowName,
      description: flow.description,
      subflows: names.map((name, k) => {
        const sub = flow.subflows[name];
        const subId = ids[k] ?? '';
        if (!sub) throw new Error(`abcd: missing subflow ${name}`);
        return {
          id: subId,
          name,
          instructions: sub.instructions,
          steps: sub.actions.map(({ type, button, text, subtext }) => ({ type, button, text, subtext })),
          actions: kb[subId] ?? [],
        };
      }),
    };
  });
  return abcdKbSchema.parse({
    meta: {
      name: 'ASAPP Action-Based Conversations Dataset (ABCD), guidelines and kb',
      url: 'https://github.com/asappresearch/abcd',
      license: 'MIT',
    },
    flows,
  });
}

const README = `# Demo workspace sources

Compact derivatives of public datasets, used by \`core/demo\` to generate the
deterministic Spark Drive demo workspace (ticket subjects, customer messages,
agent replies, KB articles and macros). Regenerate with
\`npx tsx scripts/extract-demo-sources.ts\`.

| file | derived from | licence |
|---|---|---|
| \`${DEMO_SOURCE_FILES.bitext}\` | Bitext customer-support utterances and responses, grouped by intent: all utterances, and up to ${RESPONSES_PER_INTENT} responses per intent, each linked to the utterance it answers and its entity annotation. Source: github.com/bitext/customer-support-llm-chatbot-training-dataset, file \`data/train/Bitext_Sample_Customer_Support_Training_Dataset.csv\` at commit 8b6ca3d9 | CDLA-Sharing-1.0, see \`LICENSE-bitext.txt\` |
| \`${DEMO_SOURCE_FILES.abcd}\` | ASAPP Action-Based Conversations Dataset (ABCD): agent guidelines (\`guidelines.json\`), intent → action sequences (\`kb.json\`) and intent ids (\`ontology.json\`). Source: github.com/asappresearch/abcd at commit 6b8700c | MIT, Copyright (c) 2021 ASAPP Research, see \`LICENSE-abcd\` |

The Bitext data is shared under the Community Data License Agreement – Sharing
1.0: this derivative is published under the same agreement.

The call-centre sample used by tests is not included here: it carries no
licence from its publisher and must not be shipped with the app.
`;

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const outputs: [string, unknown][] = [
    [DEMO_SOURCE_FILES.bitext, extractBitext()],
    [DEMO_SOURCE_FILES.abcd, extractAbcd()],
  ];
  for (const [name, data] of outputs) writeFileSync(resolve(OUT, name), JSON.stringify(data) + '\n');
  // Copied by content, not copyFileSync: the shared files are read-only and their mode would come along.
  writeFileSync(resolve(OUT, 'LICENSE-bitext.txt'), readFileSync(resolve(DATA, 'bitext/LICENSE.txt')));
  writeFileSync(resolve(OUT, 'LICENSE-abcd'), readFileSync(resolve(DATA, 'abcd/LICENSE')));
  writeFileSync(resolve(OUT, 'README.md'), README);
  for (const [name] of outputs) {
    console.log(`${name}: ${readFileSync(resolve(OUT, name)).length.toLocaleString('en')} bytes`);
  }
}

main();
