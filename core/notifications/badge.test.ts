import { describe, expect, it } from 'vitest';
import { makeTicket } from '../tickets/test-factory';
import { badgeCounts } from './badge';

const T = Date.UTC(2026, 0, 5, 10, 0, 0);

describe('badge counts', () => {
  it('count my open tickets and those past an SLA due time', () => {
    const tickets = [
      // Enterprise chat: first response due 120 s after creation.
      makeTicket({ id: 'a', channel: 'chat', customerTier: 'Enterprise', createdAt: T, assigneeId: 'me' }),
      makeTicket({ id: 'b', channel: 'email', customerTier: 'Enterprise', createdAt: T, assigneeId: 'me' }),
      makeTicket({ id: 'c', channel: 'chat', customerTier: 'Enterprise', createdAt: T, assigneeId: 'other' }),
      makeTicket({ id: 'd', createdAt: T, assigneeId: 'me', state: 'closed' }),
    ];
    expect(badgeCounts(tickets, 'me', T + 60_000)).toEqual({ backlog: 2, breaching: 0 });
    expect(badgeCounts(tickets, 'me', T + 180_000)).toEqual({ backlog: 2, breaching: 1 });
    expect(badgeCounts(tickets, 'nobody', T)).toEqual({ backlog: 0, breaching: 0 });
  });
});
