/**
 * Customer satisfaction: CSAT and NPS.
 *
 * CSAT, playbook: mean satisfaction score on a 1–5 scale; target ≥ 4.5. We
 * also report the share of 4s and 5s ("% satisfied"), the other common way to
 * quote CSAT, which a mean can hide (all 4s and a mix of 5s and 1s can average
 * the same).
 *
 * NPS, playbook: % promoters − % detractors; target ≥ 40. On the 0–10 "would
 * you recommend" scale promoters answer 9–10, detractors 0–6, passives 7–8
 * (passives count in the total only). The value is in points, −100…100.
 *
 * Edge cases:
 * - Unanswered surveys (null) are not responses and are skipped.
 * - A score that is not an integer on the scale is bad data and skipped,
 *   rather than being allowed to skew the mean.
 * - No response → every value null.
 * - CSAT can be taken from tickets (`csat`), contacts (`rating`) or both; if a
 *   workspace surveys both per contact and per ticket, combining them counts a
 *   customer twice, so pick the source that matches how surveys are sent.
 *   Ticket window: on `resolvedAt` (the survey follows the resolution; a
 *   currently reopened ticket has none and is left out of windowed reports).
 *   Contact window: on `startedAt`.
 */
import type { Ticket } from '../tickets/model';
import type { ContactRecord } from './contact';
import type { TimeWindow } from './window';
import { inWindow } from './window';

export interface CsatResult {
  /** Mean score 1–5. */
  mean: number | null;
  /** Share (0–1) of responses scoring 4 or 5. */
  satisfiedShare: number | null;
  responses: number;
  satisfied: number;
  sum: number;
}

const isScore = (s: number | null, min: number, max: number): s is number =>
  s !== null && Number.isInteger(s) && s >= min && s <= max;

/** Running CSAT tally, mutated in place by the loops below. */
interface CsatTally {
  sum: number;
  responses: number;
  satisfied: number;
}

function addCsatScore(tally: CsatTally, score: number | null): void {
  if (!isScore(score, 1, 5)) return;
  tally.sum += score;
  tally.responses += 1;
  if (score >= 4) tally.satisfied += 1;
}

function csatResult({ sum, responses, satisfied }: CsatTally): CsatResult {
  return {
    mean: responses === 0 ? null : sum / responses,
    satisfiedShare: responses === 0 ? null : satisfied / responses,
    responses,
    satisfied,
    sum,
  };
}

/** CSAT over raw 1–5 scores. */
export function csat(scores: Iterable<number | null>): CsatResult {
  const tally: CsatTally = { sum: 0, responses: 0, satisfied: 0 };
  for (const s of scores) addCsatScore(tally, s);
  return csatResult(tally);
}

/** CSAT over ticket surveys; window on `resolvedAt`. */
export function ticketCsat(
  tickets: Iterable<Pick<Ticket, 'csat' | 'resolvedAt'>>,
  window?: TimeWindow,
): CsatResult {
  const tally: CsatTally = { sum: 0, responses: 0, satisfied: 0 };
  for (const t of tickets) {
    if (window === undefined || inWindow(t.resolvedAt, window)) addCsatScore(tally, t.csat);
  }
  return csatResult(tally);
}

/** CSAT over contact surveys; window on `startedAt`. */
export function contactCsat(
  contacts: Iterable<Pick<ContactRecord, 'rating' | 'startedAt'>>,
  window?: TimeWindow,
): CsatResult {
  const tally: CsatTally = { sum: 0, responses: 0, satisfied: 0 };
  for (const c of contacts) if (inWindow(c.startedAt, window)) addCsatScore(tally, c.rating);
  return csatResult(tally);
}

/** Adds CSAT results over disjoint sets (e.g. per day, or tickets + contacts). */
export function combineCsat(...parts: readonly CsatResult[]): CsatResult {
  const tally: CsatTally = { sum: 0, responses: 0, satisfied: 0 };
  for (const p of parts) {
    tally.sum += p.sum;
    tally.responses += p.responses;
    tally.satisfied += p.satisfied;
  }
  return csatResult(tally);
}

export interface NpsResult {
  /** % promoters − % detractors, in points (−100…100). */
  value: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

/** NPS over 0–10 scores. */
export function nps(scores: Iterable<number | null>): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const s of scores) {
    if (!isScore(s, 0, 10)) continue;
    if (s >= 9) promoters += 1;
    else if (s >= 7) passives += 1;
    else detractors += 1;
  }
  const responses = promoters + passives + detractors;
  const value = responses === 0 ? null : (100 * (promoters - detractors)) / responses;
  return { value, promoters, passives, detractors, responses };
}
