/**
 * The public-data sources the demo generator draws texts from: the compact
 * JSON files `scripts/extract-demo-sources.ts` writes to `resources/demo/`.
 * Core never reads files; callers load these and pass them in.
 */
import { z } from 'zod';

const sourceMetaSchema = z.object({
  name: z.string(),
  url: z.string(),
  license: z.string(),
});
export type SourceMeta = z.infer<typeof sourceMetaSchema>;

/** `bitext-texts.json`: customer utterances and agent responses (paired with the utterance they answer) per Bitext intent. */
export const bitextTextsSchema = z.object({
  meta: sourceMetaSchema,
  intents: z.array(
    z.object({
      category: z.string(),
      intent: z.string(),
      utterances: z.array(z.string()).min(1),
      responses: z
        .array(
          z.object({
            /** Index into `utterances` of the customer text this answers. */
            utterance: z.number().int().nonnegative(),
            /** The agent answer; may contain `{{Order Number}}`-style placeholders. */
            text: z.string(),
            /** Bitext entity annotation of the utterance, e.g. { type: 'order_id', value: '732201349959' }. */
            entity: z.object({ type: z.string(), value: z.string() }).optional(),
          }),
        )
        .min(1),
    }),
  ),
});
export type BitextTexts = z.infer<typeof bitextTextsSchema>;
export type BitextIntent = BitextTexts['intents'][number];

const abcdStepSchema = z.object({
  type: z.string(),
  button: z.string(),
  text: z.string(),
  subtext: z.array(z.string()),
});
export type AbcdStep = z.infer<typeof abcdStepSchema>;

/** `abcd-kb.json`: ABCD agent guidelines per flow/subflow, with the subflow's action sequence. */
export const abcdKbSchema = z.object({
  meta: sourceMetaSchema,
  flows: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      subflows: z.array(
        z.object({
          /** Ontology id, e.g. `recover_password`. */
          id: z.string(),
          name: z.string(),
          instructions: z.array(z.string()),
          steps: z.array(abcdStepSchema),
          /** kb.json action sequence, e.g. ["pull-up-account", "verify-identity"]. */
          actions: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export type AbcdKb = z.infer<typeof abcdKbSchema>;
export type AbcdFlow = AbcdKb['flows'][number];
export type AbcdSubflow = AbcdFlow['subflows'][number];

export const demoSourcesSchema = z.object({ bitext: bitextTextsSchema, abcd: abcdKbSchema });
export type DemoSources = z.infer<typeof demoSourcesSchema>;

/** File names under `resources/demo/`. */
export const DEMO_SOURCE_FILES = { bitext: 'bitext-texts.json', abcd: 'abcd-kb.json' } as const;
