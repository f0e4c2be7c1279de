/**
 * Test support only (not exported from index.ts): builders that fill every
 * field of a Ticket / ContactRecord, so each test states just the fields its
 * KPI reads and the rest stay valid, without `as Ticket` casts.
 */
import type { StateChange, Ticket, TicketState } from '../tickets/model';
import type { ContactRecord } from './contact';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Monday 6 January 2025, 09:00 UTC. */
export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

let seq = 0;

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  seq += 1;
  return {
    id: `t${seq}`,
    ref: `SD-${10_000 + seq}`,
    subject: 'Payout did not arrive',
    channel: 'email',
    priority: 'normal',
    issueTier: 1,
    severity: 3,
    customerId: 'cust-1',
    customerTier: 'Pro',
    squadId: 'squad-payments',
    assigneeId: 'agent-1',
    tags: [],
    productArea: 'payments',
    intent: 'payment_missing',
    state: 'new',
    createdAt: T0,
    updatedAt: T0,
    stateChangedAt: T0,
    history: [],
    firstResponseAt: null,
    lastCustomerMessageAt: T0,
    lastAgentReplyAt: null,
    agentReplyCount: 0,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    csat: null,
    linkedTicketIds: [],
    ...overrides,
  };
}

/** A history from a list of [to, at] steps, starting from `new`. */
export function historyOf(steps: readonly (readonly [TicketState, number])[]): StateChange[] {
  const out: StateChange[] = [];
  let from: TicketState = 'new';
  for (const [to, at] of steps) {
    out.push({ from, to, at, by: 'agent-1' });
    from = to;
  }
  return out;
}

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
