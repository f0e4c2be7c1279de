import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING_RULES } from '../routing/rules';
import type { Customer } from '../tickets/model';
import type { IntakeRequest, RoutingContext } from './intake';
import { intakeTicket, NEEDS_TRIAGE_TAG, TRIAGE_ACTOR } from './intake';
import { shippedModel } from './model.fixture';

const NOW = Date.UTC(2026, 3, 1, 8, 0);
const pro: Customer = {
  id: 'c-1',
  name: 'Kim Diaz',
  email: 'k@x.example',
  company: 'Kim',
  tier: 'Pro',
  accountManagerId: null,
};
const enterprise: Customer = { ...pro, id: 'c-2', tier: 'Enterprise', accountManagerId: 'u-am' };
const request = (over: Partial<IntakeRequest> = {}): IntakeRequest => ({
  ticketId: 't-new',
  ref: 'ZZ-500',
  subject: 'Refund not received',
  body: 'I requested a refund for my order two weeks ago and I still have not received the money back.',
  channel: 'email',
  customer: pro,
  ...over,
});
const agent = (id: string, squadIds: string[], skills: string[], openTickets = 0) => ({
  user: { id, name: id, role: 'agent' as const, squadIds, skills },
  openTickets,
  online: true,
});
const routing: RoutingContext = {
  rules: DEFAULT_ROUTING_RULES,
  squads: [
    { id: 'sq-money', name: 'Money', productAreas: ['refunds', 'payments', 'billing'] },
    { id: 'sq-safe', name: 'Safety', productAreas: ['security', 'data_loss'] },
  ],
  agents: [
    agent('u-1', ['sq-money'], ['refunds'], 4),
    agent('u-2', ['sq-money'], ['refunds'], 1),
    agent('u-sec', ['sq-safe'], ['security', 'data_loss']),
    agent('u-am', ['sq-money'], []),
  ],
};

describe('intakeTicket', () => {
  it('triages, routes and builds a ticket with its first customer message', () => {
    const { ticket, message, routing: decision } = intakeTicket(shippedModel, request(), routing, NOW);
    expect(ticket).toMatchObject({
      id: 't-new',
      ref: 'ZZ-500',
      productArea: 'refunds',
      state: 'triaged',
      squadId: 'sq-money',
      assigneeId: 'u-2',
      customerTier: 'Pro',
      createdAt: NOW,
      history: [{ from: 'new', to: 'triaged', by: TRIAGE_ACTOR, at: NOW }],
    });
    expect(ticket.tags).toEqual(['refunds']);
    expect(ticket.triage?.suggestion).toMatchObject({ category: 'REFUND', productArea: 'refunds' });
    expect(ticket.triage?.routing).toEqual(decision);
    expect(message).toMatchObject({ ticketId: 't-new', kind: 'customer', authorId: 'c-1', createdAt: NOW });
  });

  it('sends security to Tier 3 with the owning squad, and Enterprise Sev 1 is urgent for the account manager', () => {
    const hacked = intakeTicket(
      shippedModel,
      request({
        subject: 'Account hacked',
        body: 'Someone logged into my account and changed my payout details.',
      }),
      routing,
      NOW,
    ).ticket;
    expect(hacked).toMatchObject({
      productArea: 'security',
      issueTier: 3,
      priority: 'high',
      squadId: 'sq-safe',
      assigneeId: 'u-sec',
    });
    expect(hacked.tags).toEqual(['security']); // the area and the risk flag, once

    const sev1 = intakeTicket(
      shippedModel,
      request({ customer: enterprise, severity: 1 }),
      routing,
      NOW,
    ).ticket;
    expect(sev1).toMatchObject({
      priority: 'urgent',
      severity: 1,
      assigneeId: 'u-am',
      customerTier: 'Enterprise',
    });
  });

  it('keeps an unclear ticket New with the needs-triage tag, still routed by the best guess', () => {
    const { ticket } = intakeTicket(
      shippedModel,
      request({ subject: 'hello', body: 'zzz qqq' }),
      routing,
      NOW,
    );
    expect(ticket.state).toBe('new');
    expect(ticket.history).toEqual([]);
    expect(ticket.tags).toContain(NEEDS_TRIAGE_TAG);
    expect(ticket.triage?.suggestion?.needsHumanTriage).toBe(true);
  });

  it('triages without routing for an offline console; the server routes on sync', () => {
    const { ticket } = intakeTicket(shippedModel, request(), null, NOW);
    expect(ticket).toMatchObject({ productArea: 'refunds', squadId: null, assigneeId: null });
    expect(ticket.triage?.routing).toBeNull();
  });
});
