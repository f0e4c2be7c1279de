/**
 * Ticket triage: the classifier's intent and category, the Spark Drive product
 * area they map to (the same mapping the demo generator uses), the issue tier,
 * and a suggested priority following DOMAIN.md ("Triage and routing",
 * "Severity / issue tiers"). Pure; the caller loads resources/triage/model.json
 * and passes it through parseTriageModel once.
 */
import { z } from 'zod';
import { bitextAreaMapping } from '../demo/catalog';
import type { CustomerTier, IssueTier, Priority, Severity } from '../tickets/model';
import type { ProductArea } from '../workspace/model';
import { naiveBayesModelSchema, predict } from './model';
import type { AreaMatch } from './area-rules';
import { detectArea } from './area-rules';
import type { RiskMatch } from './rules';
import { detectRisks } from './rules';

/**
 * Below this intent confidence a ticket is marked `needsHumanTriage`: its
 * suggestion is shown but not applied. On the held-out Bitext split
 * (resources/triage/metrics.json) 5.8 % of rows fall under 0.6 and hold 18 of
 * the 33 wrong intents (57 % right under it, 98 % above); 0.8 would send 9.5 %
 * to a human to catch 5 more. Naive Bayes is overconfident, so the cut sits
 * lower than a calibrated model's would. An empty or off-topic text gets the
 * priors only (about 0.05) and always falls under it.
 */
export const HUMAN_TRIAGE_THRESHOLD = 0.6;

export const TRIAGE_MODEL_FORMAT = 'spark-triage-nb/1';

/** Category of a ticket placed by a Spark Drive area rule rather than by a Bitext intent. */
export const SPARK_CATEGORY = 'SPARK_DRIVE';

/**
 * One Naive Bayes head over Bitext intents; the category is derived from the
 * intent (each Bitext intent belongs to exactly one category), so the two can
 * never disagree and the file holds one set of parameters, not two.
 */
export const triageModelSchema = z
  .object({
    format: z.literal(TRIAGE_MODEL_FORMAT),
    source: z.object({ name: z.string(), url: z.string(), license: z.string() }),
    training: z.object({
      rows: z.number().int(),
      heldOut: z.number().int(),
      seed: z.string(),
      alpha: z.number(),
      minCount: z.number().int(),
    }),
    /** Bitext category of each intent label. */
    categoryOf: z.record(z.string(), z.string()),
    intent: naiveBayesModelSchema,
  })
  .refine((m) => m.intent.labels.every((l) => m.categoryOf[l] !== undefined), {
    message: 'every intent label needs a category',
  });
export type TriageModel = z.infer<typeof triageModelSchema>;

/** Validates a loaded model.json; throws on a file of another format or inconsistent shape. */
export function parseTriageModel(json: unknown): TriageModel {
  return triageModelSchema.parse(json);
}

export interface TriageInput {
  subject: string;
  /** The customer's message; may carry HTML (stripped here). */
  body: string;
  customerTier: CustomerTier;
  /** When already known (set by the customer or an agent). */
  severity?: Severity;
}

export interface TriageResult {
  /** Bitext category, e.g. ORDER. */
  category: string;
  /** Bitext intent, e.g. cancel_order. */
  intent: string;
  productArea: ProductArea;
  suggestedPriority: Priority;
  issueTier: IssueTier;
  /** The model's posterior for its own best intent (a lower bound on that of `category`); an area rule does not change it. */
  confidence: number;
  needsHumanTriage: boolean;
  /** Data-loss / security phrases found; they override the area and tier. */
  risks: RiskMatch[];
  /** A Spark Drive area phrase (payouts, crashes, …) that overrides the model's area and intent. */
  areaRule: AreaMatch | null;
  /** The most probable intents, best first, for an agent choosing by hand. */
  alternatives: { intent: string; p: number }[];
}

/** Tags and entities become spaces: markup is not what the customer said. */
const stripHtml = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/gi, ' ');

/**
 * Priority by DOMAIN.md: data loss and security are at least high; Sev 1 for
 * an Enterprise customer is urgent, and so is Enterprise data loss, because
 * DOMAIN.md defines Sev 1 as "production down / data loss for an Enterprise
 * customer" whether or not anyone has set the severity yet. A Sev 1 from a
 * non-Enterprise customer has no contractual window but is still high.
 */
function suggestPriority(input: TriageInput, issueTier: IssueTier, risks: readonly RiskMatch[]): Priority {
  const dataLoss = risks.some((r) => r.flag === 'data_loss');
  if (input.customerTier === 'Enterprise' && (input.severity === 1 || dataLoss)) return 'urgent';
  if (issueTier === 3 || input.severity === 1) return 'high';
  return 'normal';
}

export function triage(model: TriageModel, input: TriageInput): TriageResult {
  const text = `${input.subject}\n${stripHtml(input.body)}`;
  const prediction = predict(model.intent, text);
  const intent = prediction.label;
  const category = model.categoryOf[intent] ?? '';
  const risks = detectRisks(text);
  // Security wins over data loss when both match ("a hacker wiped our data"): the
  // breach is the cause, and Trust & Data owns both areas anyway.
  const riskArea: ProductArea | null = risks.some((r) => r.flag === 'security')
    ? 'security'
    : risks.length > 0
      ? 'data_loss'
      : null;
  // The model only knows Bitext's e-commerce intents; a Spark Drive area phrase ("payout",
  // "app crashes") is stronger evidence than its nearest guess. Risks still come first.
  const areaRule = riskArea ? null : detectArea(text);
  const mapped = areaRule ?? bitextAreaMapping(intent, category);
  const productArea = riskArea ?? mapped.area;
  const issueTier: IssueTier = riskArea ? 3 : mapped.issueTier;
  return {
    category: areaRule ? SPARK_CATEGORY : category,
    intent: areaRule?.intent ?? intent,
    productArea,
    suggestedPriority: suggestPriority(input, issueTier, risks),
    issueTier,
    confidence: prediction.confidence,
    needsHumanTriage: areaRule === null && prediction.confidence < HUMAN_TRIAGE_THRESHOLD,
    risks,
    areaRule,
    alternatives: prediction.top.map((t) => ({ intent: t.label, p: t.p })),
  };
}
