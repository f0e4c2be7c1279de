import { describe, expect, it } from 'vitest';
import { combineCsat, contactCsat, csat, nps, ticketCsat } from './satisfaction';
import { DAY, T0, makeContact, makeTicket } from './test-factories';

describe('csat', () => {
  it('averages valid 1–5 scores and counts 4–5 as satisfied', () => {
    // Valid: 5, 4, 3, 5, 1 → mean 18 / 5 = 3.6; satisfied 5, 4, 5 = 3 / 5 = 0.6.
    // Skipped: unanswered (null), off-scale 0 and 6, non-integer 4.5.
    const r = csat([5, 4, 3, 5, 1, null, 0, 6, 4.5]);
    expect(r).toEqual({ mean: 3.6, satisfiedShare: 0.6, responses: 5, satisfied: 3, sum: 18 });
  });

  it('is null, not 0, with no response', () => {
    expect(csat([null, null])).toEqual({
      mean: null,
      satisfiedShare: null,
      responses: 0,
      satisfied: 0,
      sum: 0,
    });
  });
});

describe('ticketCsat and contactCsat', () => {
  const window = { from: T0, to: T0 + 7 * DAY };
  const tickets = [
    makeTicket({ csat: 5, resolvedAt: T0 + DAY }),
    makeTicket({ csat: 2, resolvedAt: T0 + 2 * DAY }),
    makeTicket({ csat: 5, resolvedAt: T0 + 7 * DAY }), // at `to`: out of the window
    makeTicket({ csat: null, resolvedAt: T0 + DAY }), // no survey answer
    makeTicket({ csat: 3, state: 'in_progress', resolvedAt: null }), // reopened since the survey
  ];

  it('windows ticket surveys on resolvedAt', () => {
    // 5 and 2 → mean 3.5, satisfied 1/2.
    expect(ticketCsat(tickets, window)).toMatchObject({ mean: 3.5, satisfiedShare: 0.5, responses: 2 });
    // No window: 5, 2, 5, 3 → 15 / 4 = 3.75, satisfied 2/4.
    expect(ticketCsat(tickets)).toMatchObject({ mean: 3.75, satisfiedShare: 0.5, responses: 4 });
  });

  it('windows contact surveys on startedAt, and combines exactly', () => {
    const contacts = [
      makeContact({ rating: 4, startedAt: T0 }),
      makeContact({ rating: 5, startedAt: T0 + DAY }),
      makeContact({ rating: 1, startedAt: T0 - 1 }),
    ];
    const byContact = contactCsat(contacts, window);
    expect(byContact).toMatchObject({ mean: 4.5, satisfiedShare: 1, responses: 2 });
    // Tickets (sum 7, 2 responses, 1 satisfied) + contacts (sum 9, 2, 2) → 16 / 4 = 4, satisfied 3/4.
    expect(combineCsat(ticketCsat(tickets, window), byContact)).toEqual({
      mean: 4,
      satisfiedShare: 0.75,
      responses: 4,
      satisfied: 3,
      sum: 16,
    });
  });
});

describe('nps', () => {
  it('is % promoters (9–10) − % detractors (0–6)', () => {
    // Promoters 10, 9, 9, 10, 10, 9 = 6; passives 8, 7 = 2; detractors 6, 0 = 2 → (6 − 2) / 10 = 40 points.
    expect(nps([10, 9, 9, 8, 7, 6, 0, 10, 10, 9])).toEqual({
      value: 40,
      promoters: 6,
      passives: 2,
      detractors: 2,
      responses: 10,
    });
  });

  it('puts the boundaries 9 / 8 / 7 / 6 in the right groups', () => {
    expect(nps([9])).toMatchObject({ value: 100, promoters: 1 });
    expect(nps([8, 7])).toMatchObject({ value: 0, passives: 2 });
    expect(nps([6])).toMatchObject({ value: -100, detractors: 1 });
  });

  it('counts passives in the total only', () => {
    // 2 promoters, 1 detractor, 3 passives: (2 − 1) / 6 × 100 = 16.67.
    expect(nps([10, 10, 0, 7, 7, 8]).value).toBeCloseTo(100 / 6, 10);
  });

  it('skips unanswered and off-scale scores, and is null with none left', () => {
    expect(nps([null, 11, -1, 9.5, 10]).responses).toBe(1);
    expect(nps([]).value).toBeNull();
    expect(nps([null]).value).toBeNull();
  });
});
