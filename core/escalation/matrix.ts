/**
 * The escalation matrix (DOMAIN.md, default): Level 1 Support → Secondary
 * Specialist → Engineering On-Call → Engineering Manager (responds within 1 h)
 * → Director of Support (responds within 2 h). Only the last two have a
 * published response window; the others are timed from escalation but have no
 * due time until a workspace sets one.
 */
const HOUR = 3_600_000;

export const ESCALATION_LEVEL_NUMBERS = [1, 2, 3, 4, 5] as const;
export type EscalationLevelNumber = (typeof ESCALATION_LEVEL_NUMBERS)[number];

export interface EscalationLevel {
  level: EscalationLevelNumber;
  name: string;
  /** How soon the level must respond once a ticket is escalated to it; null = no window. */
  responseMs: number | null;
}

export type EscalationMatrix = readonly EscalationLevel[];

export const DEFAULT_ESCALATION_MATRIX: EscalationMatrix = [
  { level: 1, name: 'Level 1 Support', responseMs: null },
  { level: 2, name: 'Secondary Specialist', responseMs: null },
  { level: 3, name: 'Engineering On-Call', responseMs: null },
  { level: 4, name: 'Engineering Manager', responseMs: 1 * HOUR },
  { level: 5, name: 'Director of Support', responseMs: 2 * HOUR },
];

/** Level 1 is where every ticket starts; escalating means going to level 2 or above. */
export const FIRST_ESCALATION_LEVEL = 2;

/** One escalation of a ticket: who raised it to which level, why, and when the level answered. */
export interface Escalation {
  level: EscalationLevelNumber;
  reason: string;
  by: string;
  at: number;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
}

export function levelOf(matrix: EscalationMatrix, level: number): EscalationLevel | undefined {
  return matrix.find((l) => l.level === level);
}
