import { describe, expect, it } from 'vitest';
import type { OutageCreditInput } from './outage-credit';
import { OUTAGE_CLAIM_WINDOW_MS, calculateOutageCredit, creditPercentFor, percentOf } from './outage-credit';

const H = 3_600_000;
const DAY = 24 * H;
const START = Date.UTC(2025, 2, 10, 12, 0, 0);

/** One outage of `ms` starting at START, claimed a day after it ended, on a $2,000/month plan. */
const claim = (ms: number, overrides: Partial<OutageCreditInput> = {}): OutageCreditInput => ({
  outages: [{ start: START, end: START + ms }],
  monthlyFee: 2000,
  claimedAt: START + ms + DAY,
  ...overrides,
});

describe('creditPercentFor', () => {
  it('applies the tiers with the documented boundaries', () => {
    expect(creditPercentFor(0)).toBe(0);
    expect(creditPercentFor(H - 1)).toBe(0);
    expect(creditPercentFor(H)).toBe(10); // exactly 1 h
    expect(creditPercentFor(4 * H - 1)).toBe(10);
    expect(creditPercentFor(4 * H)).toBe(25); // exactly 4 h: the higher tier
    expect(creditPercentFor(12 * H)).toBe(25); // exactly 12 h: not "more than 12 h"
    expect(creditPercentFor(12 * H + 1)).toBe(50);
    expect(creditPercentFor(30 * DAY)).toBe(50);
  });
});

describe('calculateOutageCredit', () => {
  it('credits each tier as a share of the monthly fee', () => {
    expect(calculateOutageCredit(claim(H))).toEqual({
      downtimeMs: H,
      percent: 10,
      creditAmount: 200,
      eligible: true,
      reason: 'credited',
    });
    expect(calculateOutageCredit(claim(4 * H)).creditAmount).toBe(500);
    expect(calculateOutageCredit(claim(12 * H)).creditAmount).toBe(500);
    expect(calculateOutageCredit(claim(13 * H)).creditAmount).toBe(1000);
  });

  it('gives nothing under 1 h, and says why', () => {
    expect(calculateOutageCredit(claim(H - 1))).toEqual({
      downtimeMs: H - 1,
      percent: 0,
      creditAmount: 0,
      eligible: false,
      reason: 'below_minimum',
    });
    expect(calculateOutageCredit(claim(0, { outages: [] })).reason).toBe('no_downtime');
  });

  it('sums separate outages and merges overlapping ones before picking the tier', () => {
    // Two 30 min outages → 1 h → 10 %.
    const twoShort = claim(0, {
      outages: [
        { start: START, end: START + 0.5 * H },
        { start: START + 5 * H, end: START + 5.5 * H },
      ],
      claimedAt: START + DAY,
    });
    expect(calculateOutageCredit(twoShort)).toMatchObject({ downtimeMs: H, percent: 10, creditAmount: 200 });
    // [0, 3 h) and [2 h, 5 h) overlap → 5 h (not 6 h) → 25 %.
    const overlapping = claim(0, {
      outages: [
        { start: START, end: START + 3 * H },
        { start: START + 2 * H, end: START + 5 * H },
      ],
      claimedAt: START + DAY,
    });
    expect(calculateOutageCredit(overlapping)).toMatchObject({ downtimeMs: 5 * H, percent: 25 });
  });

  it('accepts a claim exactly 30 days after the outage ended, not 1 ms later', () => {
    const end = START + 5 * H;
    expect(calculateOutageCredit(claim(5 * H, { claimedAt: end + OUTAGE_CLAIM_WINDOW_MS })).eligible).toBe(
      true,
    );
    expect(calculateOutageCredit(claim(5 * H, { claimedAt: end + OUTAGE_CLAIM_WINDOW_MS + 1 }))).toEqual({
      downtimeMs: 5 * H,
      percent: 25, // what the downtime would have earned
      creditAmount: 0,
      eligible: false,
      reason: 'claim_expired',
    });
    expect(OUTAGE_CLAIM_WINDOW_MS).toBe(30 * DAY);
  });

  it('runs the deadline from the end of the last outage in the claim', () => {
    const input = claim(0, {
      outages: [
        { start: START, end: START + 3 * H }, // ended 40 days before the claim
        { start: START + 30 * DAY, end: START + 30 * DAY + 2 * H }, // ended ~10 days before
      ],
      claimedAt: START + 40 * DAY + 3 * H,
    });
    expect(calculateOutageCredit(input)).toMatchObject({ downtimeMs: 5 * H, percent: 25, eligible: true });
  });

  it('counts only the billing month, but the deadline from the real end', () => {
    const monthEnd = START + 5 * DAY;
    const input = claim(0, {
      billingPeriod: { from: START - 20 * DAY, to: monthEnd },
      outages: [{ start: monthEnd - 2 * H, end: monthEnd + 3 * H }], // 2 h in this month
      claimedAt: monthEnd + 3 * H + OUTAGE_CLAIM_WINDOW_MS,
    });
    expect(calculateOutageCredit(input)).toMatchObject({ downtimeMs: 2 * H, percent: 10, eligible: true });
  });

  it('refuses invalid input instead of guessing', () => {
    const backwards = claim(0, { outages: [{ start: START + H, end: START }] });
    expect(calculateOutageCredit(backwards)).toMatchObject({ eligible: false, reason: 'invalid_input' });
    expect(calculateOutageCredit(claim(5 * H, { monthlyFee: -1 })).reason).toBe('invalid_input');
    expect(calculateOutageCredit(claim(5 * H, { monthlyFee: Number.NaN })).reason).toBe('invalid_input');
    expect(calculateOutageCredit(claim(5 * H, { claimedAt: Number.NaN })).reason).toBe('invalid_input');
  });

  it('rounds the amount half up to cents', () => {
    // $49.99 × 10 % = 4.999 → 5.00; $1.14 × 25 % = 0.285 → 0.29 (binary float alone gives 0.28).
    expect(calculateOutageCredit(claim(2 * H, { monthlyFee: 49.99 })).creditAmount).toBe(5);
    expect(percentOf(1.14, 25)).toBe(0.29);
    expect(percentOf(0, 50)).toBe(0);
  });
});
