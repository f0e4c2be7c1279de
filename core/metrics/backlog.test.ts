import { describe, expect, it } from 'vitest';
import { BACKLOG_AGE_BUCKETS, NO_PRODUCT_AREA, backlog } from './backlog';
import { DAY, HOUR, T0, makeTicket } from './test-factories';

const NOW = T0 + 10 * DAY;
const aged = (ageMs: number) => NOW - ageMs;

const tickets = [
  makeTicket({ state: 'new', priority: 'urgent', createdAt: aged(DAY / 2), productArea: 'payments' }),
  makeTicket({ state: 'in_progress', priority: 'high', createdAt: aged(DAY), productArea: 'payments' }),
  makeTicket({
    state: 'waiting_on_customer',
    priority: 'normal',
    createdAt: aged(2.9 * DAY),
    productArea: null,
  }),
  makeTicket({ state: 'escalated', priority: 'normal', createdAt: aged(7 * DAY), productArea: 'app_crash' }),
  makeTicket({ state: 'triaged', priority: 'low', createdAt: aged(5 * DAY), productArea: 'orders' }),
  // Clock skew: created "in the future" → age 0. Its area name must not hit Object.prototype.
  makeTicket({ state: 'new', priority: 'normal', createdAt: NOW + HOUR, productArea: 'constructor' }),
  // Done: not backlog, however old.
  makeTicket({ state: 'resolved', priority: 'urgent', createdAt: aged(30 * DAY) }),
  makeTicket({ state: 'verified', priority: 'urgent', createdAt: aged(30 * DAY) }),
  makeTicket({ state: 'closed', priority: 'urgent', createdAt: aged(30 * DAY) }),
];

describe('backlog', () => {
  it('counts open tickets by priority, age bucket and product area', () => {
    const r = backlog(tickets, NOW);
    expect(r.total).toBe(6);
    expect(r.byPriority).toEqual({ low: 1, normal: 3, high: 1, urgent: 1 });
    // Exactly 1 d → "1–3 d"; exactly 7 d → "> 7 d" (upper bounds are exclusive); future → "< 1 d".
    expect(r.byAge).toEqual({ lt_1d: 2, '1_3d': 2, '3_7d': 1, gt_7d: 1 });
    expect({ ...r.byProductArea }).toEqual({
      payments: 2,
      [NO_PRODUCT_AREA]: 1,
      app_crash: 1,
      orders: 1,
      constructor: 1,
    });
    expect(r.oldestAgeMs).toBe(7 * DAY);
  });

  it('takes its age buckets as data', () => {
    const buckets = [
      { id: 'fresh', label: '< 2 d', maxAgeMs: 2 * DAY },
      { id: 'stale', label: '≥ 2 d', maxAgeMs: Infinity },
    ];
    // Ages 0.5 d, 1 d, 0 (future) are fresh; 2.9 d, 7 d, 5 d are stale.
    expect(backlog(tickets, NOW, buckets).byAge).toEqual({ fresh: 3, stale: 3 });
  });

  it('refuses buckets that would leave old tickets uncounted', () => {
    expect(() => backlog(tickets, NOW, BACKLOG_AGE_BUCKETS.slice(0, 3))).toThrow(RangeError);
    expect(() => backlog(tickets, NOW, [])).toThrow(RangeError);
  });

  it('is all zeros with no open ticket, and no oldest age', () => {
    const r = backlog([makeTicket({ state: 'closed' })], NOW);
    expect(r.total).toBe(0);
    expect(r.byAge).toEqual({ lt_1d: 0, '1_3d': 0, '3_7d': 0, gt_7d: 0 });
    expect(r.byPriority).toEqual({ low: 0, normal: 0, high: 0, urgent: 0 });
    expect({ ...r.byProductArea }).toEqual({});
    expect(r.oldestAgeMs).toBeNull();
  });
});
