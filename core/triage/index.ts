/**
 * Offline ticket triage: a small Naive Bayes text classifier trained on the
 * Bitext customer-support sample (scripts/train-triage.ts writes
 * resources/triage/model.json), plus keyword rules and the DOMAIN.md priority
 * rules. Pure, so the renderer and the server run the same code:
 *
 *   const model = parseTriageModel(JSON.parse(modelJson));
 *   triage(model, { subject, body, customerTier: 'Enterprise' });
 */
export type { TriageInput, TriageModel, TriageResult } from './classify';
export {
  HUMAN_TRIAGE_THRESHOLD,
  SPARK_CATEGORY,
  TRIAGE_MODEL_FORMAT,
  parseTriageModel,
  triage,
  triageModelSchema,
} from './classify';
export type { Confusion, LabelledText, TriageMetrics } from './evaluate';
export { evaluate } from './evaluate';
export type { Example, NaiveBayesModel, Prediction, TrainOptions } from './model';
export { naiveBayesModelSchema, predict, softmax, train } from './model';
export type { RiskFlag, RiskMatch } from './rules';
export { detectRisks } from './rules';
export { NUMBER_TOKEN, STOP_WORDS, placeholderToken, tokenize, words } from './tokenize';
export type { IntakeRequest, IntakeResult, RoutingContext } from './intake';
export { NEEDS_TRIAGE_TAG, TRIAGE_ACTOR, intakeTicket } from './intake';
export type { CorrectableField, TriageCorrection, TriageRecord } from './record';
export { CORRECTABLE_FIELDS, triageRecord } from './record';
export type { AreaMatch } from './area-rules';
export { detectArea } from './area-rules';
