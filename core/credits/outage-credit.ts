/**
 * Outage credits (SLA refunds).
 *
 * Playbook: for service outages covered by the SLA, a credit on the monthly
 * fee of 10 % for 1–4 h of downtime, 25 % for 4–12 h, 50 % for more than
 * 12 h, when claimed within 30 days.
 *
 * Decisions:
 * - Downtime is the month's outage windows merged (overlaps counted once) and
 *   summed; the tier is chosen on that total, not per outage.
 * - Boundaries, as tiers read "from X h" except where the playbook says "more
 *   than": < 1 h → 0 %; exactly 1 h → 10 %; exactly 4 h → 25 % (the higher tier
 *   starts at its stated bound); exactly 12 h → 25 % ("more than 12 h" is strict);
 *   anything over 12 h → 50 %.
 * - Claim deadline: 30 × 24 h after the end of the last outage window in the
 *   claim; a claim exactly at the deadline is in time. The claim covers the
 *   month's downtime as a whole, so one deadline applies to all of it.
 * - `percent` is what the downtime earns even when the claim is late, so the
 *   agent can tell the customer what they missed; `creditAmount` is what is
 *   actually owed (0 unless eligible), rounded to cents (2 decimals).
 * - Invalid input (a window ending before it starts, a negative or non-finite
 *   fee or time) is answered with `reason: 'invalid_input'`, not a guess:
 *   this is money.
 */
import type { OutageWindow } from './downtime';
import { totalDowntimeMs } from './downtime';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const OUTAGE_CLAIM_WINDOW_MS = 30 * DAY_MS;

export interface OutageCreditTier {
  /** Downtime threshold in ms. */
  fromMs: number;
  /** Whether downtime exactly at the threshold reaches this tier. */
  inclusive: boolean;
  percent: number;
}

/** Ascending; the highest tier whose threshold is reached applies. */
export const OUTAGE_CREDIT_TIERS: readonly OutageCreditTier[] = [
  { fromMs: 1 * HOUR_MS, inclusive: true, percent: 10 },
  { fromMs: 4 * HOUR_MS, inclusive: true, percent: 25 },
  { fromMs: 12 * HOUR_MS, inclusive: false, percent: 50 },
];

export interface OutageCreditInput {
  outages: readonly OutageWindow[];
  monthlyFee: number;
  claimedAt: number;
  /** The billing month; when given, outage time outside it is not counted. */
  billingPeriod?: { from: number; to: number };
}

export type OutageCreditReason =
  'credited' | 'no_downtime' | 'below_minimum' | 'claim_expired' | 'invalid_input';

export interface OutageCredit {
  downtimeMs: number;
  /** Percent of the monthly fee the downtime earns (0, 10, 25 or 50). */
  percent: number;
  /** Amount owed: monthlyFee × percent, 0 unless eligible. */
  creditAmount: number;
  eligible: boolean;
  reason: OutageCreditReason;
}

/** The percent a given total downtime earns. */
export function creditPercentFor(
  downtimeMs: number,
  tiers: readonly OutageCreditTier[] = OUTAGE_CREDIT_TIERS,
): number {
  let percent = 0;
  for (const tier of tiers) {
    const reached = tier.inclusive ? downtimeMs >= tier.fromMs : downtimeMs > tier.fromMs;
    if (reached) percent = tier.percent;
  }
  return percent;
}

function isValid(input: OutageCreditInput): boolean {
  const finite = Number.isFinite;
  if (!finite(input.monthlyFee) || input.monthlyFee < 0 || !finite(input.claimedAt)) return false;
  const p = input.billingPeriod;
  if (p !== undefined && (!finite(p.from) || !finite(p.to) || p.to < p.from)) return false;
  return input.outages.every((w) => finite(w.start) && finite(w.end) && w.end >= w.start);
}

export function calculateOutageCredit(input: OutageCreditInput): OutageCredit {
  const none = (reason: OutageCreditReason, downtimeMs = 0, percent = 0): OutageCredit => ({
    downtimeMs,
    percent,
    creditAmount: 0,
    eligible: false,
    reason,
  });
  if (!isValid(input)) return none('invalid_input');

  const downtimeMs = totalDowntimeMs(input.outages, input.billingPeriod);
  if (downtimeMs === 0) return none('no_downtime');
  const percent = creditPercentFor(downtimeMs);
  if (percent === 0) return none('below_minimum', downtimeMs);

  // The deadline runs from the real end of the last outage that counted, even
  // when that end lies past the billing period (an outage over the month's end).
  const period = input.billingPeriod;
  let lastEnd = -Infinity;
  for (const w of input.outages) {
    const counted = w.end > w.start && (period === undefined || (w.end > period.from && w.start < period.to));
    if (counted && w.end > lastEnd) lastEnd = w.end;
  }
  if (input.claimedAt - lastEnd > OUTAGE_CLAIM_WINDOW_MS) return none('claim_expired', downtimeMs, percent);

  return {
    downtimeMs,
    percent,
    creditAmount: percentOf(input.monthlyFee, percent),
    eligible: true,
    reason: 'credited',
  };
}

/**
 * fee × percent / 100, rounded half up to cents. The product is first cut to
 * 12 significant digits to drop binary noise, so 1.14 × 25 % = 0.285 gives 0.29
 * as on paper, not 0.28 from 28.499999999999996.
 */
export function percentOf(fee: number, percent: number): number {
  const cents = Number((fee * percent).toPrecision(12));
  return Math.round(cents) / 100;
}
