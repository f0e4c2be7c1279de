/**
 * KPI targets as data, and the good / warn / bad rating the wallboard colours
 * its tiles with.
 *
 * The targets are the playbook defaults (a workspace may override them by
 * passing its own table). The playbook gives only the target; the "warn" band
 * between good and bad is ours — a margin close enough to the target that a
 * supervisor should look, not yet a miss worth alarming about.
 *
 * Units follow the KPI functions: durations in ms, shares as fractions 0–1,
 * CSAT as a 1–5 score, NPS in points (−100…100).
 *
 * Not here on purpose: MTTA and MTTR (their targets are the channel's SLA and
 * the issue tier's window, owned by the SLA policy, not one number) and
 * backlog (its target is a downward trend).
 */

const MINUTE_MS = 60_000;

export type KpiUnit = 'ms' | 'share' | 'score' | 'points';

export type KpiTarget =
  /** Higher is better: good at ≥ target, warn at ≥ warnFrom, bad below. */
  | { kind: 'at_least'; unit: KpiUnit; target: number; warnFrom: number }
  /** Lower is better: good at ≤ target, warn at ≤ warnTo, bad above. */
  | { kind: 'at_most'; unit: KpiUnit; target: number; warnTo: number }
  /**
   * A band: good within [min, max], warn within [warnMin, warnMax], bad outside.
   * Used for AHT, where too short is a smell too (rushed contacts, skipped wrap-up).
   */
  | { kind: 'range'; unit: KpiUnit; min: number; max: number; warnMin: number; warnMax: number };

export type KpiId =
  | 'aht_chat'
  | 'aht_phone'
  | 'fcr'
  | 'fcr_tier1'
  | 'sla_compliance'
  | 'csat'
  | 'nps'
  | 'service_level'
  | 'answer_rate'
  | 'abandon_rate';

export type KpiTargets = Readonly<Record<KpiId, KpiTarget>>;

export const kpiTargets: KpiTargets = {
  aht_chat: {
    kind: 'range',
    unit: 'ms',
    min: 6 * MINUTE_MS,
    max: 12 * MINUTE_MS,
    warnMin: 4.5 * MINUTE_MS,
    warnMax: 15 * MINUTE_MS,
  },
  aht_phone: {
    kind: 'range',
    unit: 'ms',
    min: 10 * MINUTE_MS,
    max: 20 * MINUTE_MS,
    warnMin: 7.5 * MINUTE_MS,
    warnMax: 25 * MINUTE_MS,
  },
  // Playbook: 70–85 %. 85 % is the top of the benchmark range, not a ceiling —
  // FCR above it is not a problem (quick reopens already count against it).
  fcr: { kind: 'at_least', unit: 'share', target: 0.7, warnFrom: 0.65 },
  fcr_tier1: { kind: 'at_least', unit: 'share', target: 0.7, warnFrom: 0.65 },
  sla_compliance: { kind: 'at_least', unit: 'share', target: 0.95, warnFrom: 0.9 },
  csat: { kind: 'at_least', unit: 'score', target: 4.5, warnFrom: 4 },
  nps: { kind: 'at_least', unit: 'points', target: 40, warnFrom: 20 },
  // Not in the playbook: the industry's 80/20 convention (80 % answered within
  // 20 s, standard denominator), the default threshold of `serviceLevel`.
  service_level: { kind: 'at_least', unit: 'share', target: 0.8, warnFrom: 0.7 },
  // Playbook: phone abandonment < 5 %; the answer rate is its complement.
  abandon_rate: { kind: 'at_most', unit: 'share', target: 0.05, warnTo: 0.08 },
  answer_rate: { kind: 'at_least', unit: 'share', target: 0.95, warnFrom: 0.92 },
};

export type TargetRating = 'good' | 'warn' | 'bad';

/**
 * Rates a KPI value against its target. Boundaries are inclusive on the good
 * side (CSAT exactly 4.5 is good, abandonment exactly 5 % is good). A null KPI
 * (no data) has no rating: the caller shows it neutral instead of calling it.
 * NaN is rated bad so a broken computation is noticed, not painted green.
 */
export function rateAgainstTarget(kpi: KpiId, value: number, targets: KpiTargets = kpiTargets): TargetRating {
  const t = targets[kpi];
  switch (t.kind) {
    case 'at_least':
      return value >= t.target ? 'good' : value >= t.warnFrom ? 'warn' : 'bad';
    case 'at_most':
      return value <= t.target ? 'good' : value <= t.warnTo ? 'warn' : 'bad';
    case 'range':
      if (value >= t.min && value <= t.max) return 'good';
      return value >= t.warnMin && value <= t.warnMax ? 'warn' : 'bad';
  }
}
