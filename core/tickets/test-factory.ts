/** A complete ticket for tests; override what the test is about. */
import type { Ticket } from './model';

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
