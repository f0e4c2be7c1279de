/**
 * Test support for the queue: a small hand-made workspace whose every SLA due
 * instant can be worked out by hand. The tests run it under 24×7 calendars
 * (TEST_POLICIES) so that Pro and SMB budgets are wall-clock arithmetic too.
 *
 * SLA at NOW (worst open target):
 *   t1  Enterprise email urgent, new, no reply        first response due NOW−2h (breached)
 *   t2  Pro chat high, in progress, replied            resolution due NOW+1h
 *   t3  SMB phone, waiting on customer since NOW−30m   resolution paused, due NOW+1.5h if resumed
 *   t4  Enterprise email normal, triaged, no reply     first response due NOW+1h (2 h cap)
 *   t5  Pro portal low, escalated, replied, tier 3     resolution due NOW+1d
 *   t6  resolved, t7 closed                            none
 *   t8  Enterprise portal high, new, no reply          first response due NOW+50m
 *   t9  Pro phone urgent, in progress, replied         resolution due NOW+20h
 */
import type { SlaPolicySet } from '../sla';
import { ALWAYS_OPEN, DEFAULT_SLA_POLICIES } from '../sla';
import type { Ticket } from '../tickets/model';
import { CHANNELS, PRIORITIES, TICKET_STATES } from '../tickets/model';
import { historyOf, makeTicket } from '../tickets/test-factory';
import type { QueueContext } from './types';

export const NOW = Date.UTC(2026, 0, 5, 10, 0, 0);
export const MIN = 60_000;
export const H = 60 * MIN;
export const D = 24 * H;

export const TEST_POLICIES: SlaPolicySet = {
  ...DEFAULT_SLA_POLICIES,
  calendars: { ...DEFAULT_SLA_POLICIES.calendars, business_hours: ALWAYS_OPEN },
};

export const CUSTOMERS: Record<string, string> = {
  'c-ada': 'Ada Lovelace',
  'c-bob': 'Bob Marley',
  'c-cy': 'Cyrus Vance',
  'c-dee': 'Dee Dee Ramone',
};

export const USERS: Record<string, string> = { 'u-me': 'Mia Agent', 'u-zed': 'Zed Other' };

export function testContext(overrides: Partial<QueueContext> = {}): QueueContext {
  return {
    me: 'u-me',
    now: NOW,
    customerName: (id) => CUSTOMERS[id] ?? '—',
    assigneeName: (id) => (id === null ? 'Unassigned' : (USERS[id] ?? id)),
    slaPolicies: TEST_POLICIES,
    ...overrides,
  };
}

function replied(createdAt: number, after: number): Partial<Ticket> {
  return {
    createdAt,
    firstResponseAt: createdAt + after,
    lastAgentReplyAt: createdAt + after,
    agentReplyCount: 1,
  };
}

export const TICKETS: readonly Ticket[] = [
  makeTicket({
    id: 't1',
    ref: 'SD-10001',
    subject: 'Refund not received',
    customerId: 'c-ada',
    customerTier: 'Enterprise',
    channel: 'email',
    priority: 'urgent',
    state: 'new',
    squadId: 'sq-pay',
    tags: ['refunds', 'vip'],
    createdAt: NOW - 3 * H,
    updatedAt: NOW - 3 * H,
  }),
  makeTicket({
    id: 't2',
    ref: 'SD-10002',
    subject: 'Double charge on card',
    customerId: 'c-bob',
    customerTier: 'Pro',
    channel: 'chat',
    priority: 'high',
    state: 'in_progress',
    assigneeId: 'u-me',
    squadId: 'sq-pay',
    tags: ['payments'],
    ...replied(NOW - 23 * H, MIN),
    updatedAt: NOW - H,
  }),
  makeTicket({
    id: 't3',
    ref: 'SD-10003',
    subject: 'App crashes on login',
    customerId: 'c-cy',
    customerTier: 'SMB',
    channel: 'phone',
    priority: 'normal',
    state: 'waiting_on_customer',
    assigneeId: 'u-me',
    squadId: 'sq-app',
    tags: ['app-crash'],
    ...replied(NOW - 23 * H, 10_000),
    history: historyOf([
      ['triaged', NOW - 23 * H + MIN],
      ['in_progress', NOW - 23 * H + 2 * MIN],
      ['waiting_on_customer', NOW - 30 * MIN],
    ]),
    stateChangedAt: NOW - 30 * MIN,
    updatedAt: NOW - 30 * MIN,
  }),
  makeTicket({
    id: 't4',
    ref: 'SD-10004',
    subject: 'Payout  missing for last week',
    customerId: 'c-dee',
    customerTier: 'Enterprise',
    channel: 'email',
    priority: 'normal',
    state: 'triaged',
    assigneeId: 'u-zed',
    squadId: 'sq-pay',
    tags: ['payments', 'payouts'],
    createdAt: NOW - H,
    updatedAt: NOW - 50 * MIN,
  }),
  makeTicket({
    id: 't5',
    ref: 'SD-10005',
    subject: 'Cannot update bank details',
    customerId: 'c-bob',
    customerTier: 'Pro',
    channel: 'portal',
    priority: 'low',
    issueTier: 3,
    state: 'escalated',
    squadId: 'sq-acct',
    tags: ['account'],
    ...replied(NOW - 2 * D, H),
    updatedAt: NOW - 2 * H,
  }),
  makeTicket({
    id: 't6',
    ref: 'SD-10006',
    subject: 'Refund for cancelled order',
    customerId: 'c-ada',
    customerTier: 'Enterprise',
    channel: 'chat',
    priority: 'normal',
    state: 'resolved',
    assigneeId: 'u-me',
    squadId: 'sq-pay',
    tags: ['refunds'],
    ...replied(NOW - 3 * D, MIN),
    resolvedAt: NOW - 2 * D,
    updatedAt: NOW - 2 * D,
  }),
  makeTicket({
    id: 't7',
    ref: 'SD-10007',
    subject: 'double charge refund',
    customerId: 'c-cy',
    customerTier: 'SMB',
    channel: 'email',
    priority: 'high',
    state: 'closed',
    assigneeId: 'u-zed',
    squadId: 'sq-pay',
    tags: ['Payments', 'refunds'],
    ...replied(NOW - 5 * D, H),
    resolvedAt: NOW - 4 * D - H,
    closedAt: NOW - 4 * D,
    updatedAt: NOW - 4 * D,
  }),
  makeTicket({
    id: 't8',
    ref: 'SD-9999',
    subject: 'Background check pending',
    customerId: 'c-dee',
    customerTier: 'Enterprise',
    channel: 'portal',
    priority: 'high',
    state: 'new',
    squadId: 'sq-onb',
    tags: ['background-check', 'vip'],
    createdAt: NOW - 10 * MIN,
    updatedAt: NOW - 10 * MIN,
  }),
  makeTicket({
    id: 't9',
    ref: 'SD-10008',
    subject: 'Where is my order',
    customerId: 'c-bob',
    customerTier: 'Pro',
    channel: 'phone',
    priority: 'urgent',
    state: 'in_progress',
    assigneeId: 'u-zed',
    squadId: 'sq-ord',
    tags: [],
    ...replied(NOW - 4 * H, 20_000),
    updatedAt: NOW - H,
  }),
];

export const ids = (tickets: readonly Ticket[]): string[] => tickets.map((t) => t.id);

/** A small deterministic generator, so a failure can be replayed. */
export function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

export function workspace(n: number, rnd: () => number): Ticket[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const createdAt = NOW - Math.floor(rnd() * 48) * H;
    return makeTicket({
      id: `t${i}`,
      // A few refs without a number, and prefixes that differ, as imported ones may.
      ref:
        i % 17 === 0 ? `OLD-${String.fromCharCode(65 + (i % 26))}` : `SD-${1000 + Math.floor(rnd() * 9000)}`,
      subject: pick(['Refund not received', 'App crash', 'refund', 'Login fails', 'Payout missing']),
      customerId: pick(['c-ada', 'c-bob', 'c-cyrus', 'c-dee']),
      customerTier: pick(['SMB', 'Pro', 'Enterprise'] as const),
      channel: pick(CHANNELS),
      priority: pick(PRIORITIES),
      state: pick(TICKET_STATES),
      assigneeId: pick([null, 'u-me', 'u-zed']),
      tags: rnd() < 0.3 ? ['vip'] : [],
      createdAt,
      // Many equal update times, so the tie-breaks are exercised.
      updatedAt: createdAt + Math.floor(rnd() * 4) * 30 * MIN,
      stateChangedAt: createdAt,
    });
  });
}

/** Some tickets changed in place and some appended, as the console's workspace evolves. */
export function evolve(prev: readonly Ticket[], rnd: () => number, changed: number, added: number): Ticket[] {
  const next = prev.slice();
  for (let k = 0; k < changed; k++) {
    const i = Math.floor(rnd() * next.length);
    const t = next[i] as Ticket;
    next[i] = {
      ...t,
      state: TICKET_STATES[Math.floor(rnd() * TICKET_STATES.length)] ?? t.state,
      assigneeId: rnd() < 0.5 ? 'u-me' : t.assigneeId,
      priority: PRIORITIES[Math.floor(rnd() * PRIORITIES.length)] ?? t.priority,
      updatedAt: rnd() < 0.3 ? t.updatedAt : NOW - Math.floor(rnd() * 10) * MIN,
    };
  }
  const more = workspace(added, rnd).map((t, j) => ({ ...t, id: `new${prev.length + j}` }));
  return [...next, ...more];
}
