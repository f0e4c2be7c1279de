/**
 * Test support shared by the core's tests: a complete ticket (override what the
 * test is about; times derived from `createdAt`) and a lifecycle history.
 */
import type { StateChange, Ticket, TicketState } from './model';

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  const createdAt = overrides.createdAt ?? Date.UTC(2026, 0, 5, 10, 0, 0);
  return {
    id: 't1',
    ref: 'SD-10001',
    subject: 'Payout missing',
    channel: 'email',
    priority: 'normal',
    issueTier: 1,
    severity: 3,
    customerId: 'c1',
    customerTier: 'Pro',
    squadId: null,
    assigneeId: null,
    tags: [],
    productArea: null,
    intent: null,
    state: 'new',
    createdAt,
    updatedAt: createdAt,
    stateChangedAt: createdAt,
    history: [],
    firstResponseAt: null,
    lastCustomerMessageAt: createdAt,
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

/** A history from [to, at] steps, starting from `new`. */
export function historyOf(steps: readonly (readonly [TicketState, number])[], by = 'agent-1'): StateChange[] {
  const out: StateChange[] = [];
  let from: TicketState = 'new';
  for (const [to, at] of steps) {
    out.push({ from, to, at, by });
    from = to;
  }
  return out;
}
