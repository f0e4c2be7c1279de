/**
 * Test support only (not exported from index.ts): builders that fill every
 * field of a Ticket / ContactRecord, so each test states just the fields its
 * KPI reads and the rest stay valid, without `as Ticket` casts.
 */
import type { Ticket } from '../tickets/model';
import { historyOf, makeTicket as baseTicket } from '../tickets/test-factory';
import type { ContactRecord } from './contact';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Monday 6 January 2025, 09:00 UTC. */
export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

let seq = 0;

/** A Pro email ticket on the payments squad, created at T0, with a fresh id. */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  seq += 1;
  return baseTicket({
    id: `t${seq}`,
    ref: `SD-${10_000 + seq}`,
    subject: 'Payout did not arrive',
    customerId: 'cust-1',
    squadId: 'squad-payments',
    assigneeId: 'agent-1',
    productArea: 'payments',
    intent: 'payment_missing',
    createdAt: T0,
    ...overrides,
  });
}

export { historyOf };

export function makeContact(overrides: Partial<ContactRecord> = {}): ContactRecord {
  seq += 1;
  return {
    id: `c${seq}`,
    ticketId: null,
    agentId: 'agent-1',
    channel: 'phone',
    startedAt: T0,
    answered: true,
    speedOfAnswerMs: 10_000,
    talkMs: 0,
    holdMs: 0,
    afterContactWorkMs: 0,
    activeMs: 0,
    resolved: true,
    rating: null,
    topic: null,
    ...overrides,
  };
}
