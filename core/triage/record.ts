/**
 * What a ticket keeps of its triage: the classifier's suggestion at intake, the
 * routing decision, and every correction an agent made since — so a wrong
 * suggestion is fixed on the ticket and also remains visible as a labelled
 * example for the next training run.
 */
import type { IssueTier, Priority } from '../tickets/model';
import type { RiskFlag } from './rules';
import type { TriageResult } from './classify';

export const CORRECTABLE_FIELDS = ['productArea', 'intent', 'issueTier'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export interface TriageCorrection {
  field: CorrectableField;
  from: string | number | null;
  to: string | number;
  by: string;
  at: number;
}

export interface TriageRecord {
  /** Null on a ticket triaged by hand (created before intake triage, or corrected without one). */
  suggestion: {
    category: string;
    intent: string;
    productArea: string;
    priority: Priority;
    issueTier: IssueTier;
    confidence: number;
    needsHumanTriage: boolean;
    risks: RiskFlag[];
  } | null;
  routing: { squadId: string | null; assigneeId: string | null; reason: string } | null;
  at: number;
  corrections: TriageCorrection[];
}

/** The record of a fresh triage result (no corrections yet). */
export function triageRecord(
  result: TriageResult,
  routing: TriageRecord['routing'],
  at: number,
): TriageRecord {
  return {
    suggestion: {
      category: result.category,
      intent: result.intent,
      productArea: result.productArea,
      priority: result.suggestedPriority,
      issueTier: result.issueTier,
      confidence: Number(result.confidence.toFixed(4)),
      needsHumanTriage: result.needsHumanTriage,
      risks: [...new Set(result.risks.map((r) => r.flag))],
    },
    routing,
    at,
    corrections: [],
  };
}
