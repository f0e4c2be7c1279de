import { describe, expect, it } from 'vitest';
import type { Squad } from '../workspace/model';
import type { RoutableTicket, RoutingAgent, RoutingInput } from './route';
import { routeTicket, squadForArea } from './route';
import { DEFAULT_ROUTING_RULES, type RoutingRules } from './rules';

// A workspace unlike the demo on purpose: other squad ids, areas and people.
const squads: Squad[] = [
  { id: 'sq-money', name: 'Money', productAreas: ['payments', 'refunds'] },
  { id: 'sq-help', name: 'Helpdesk', productAreas: ['general'] },
  { id: 'sq-empty', name: 'Empty', productAreas: ['integrations'] },
];

function agent(
  id: string,
  over: Partial<RoutingAgent['user']> = {},
  openTickets = 0,
  online = true,
): RoutingAgent {
  return {
    user: {
      id,
      name: id.toUpperCase(),
      role: 'agent',
      squadIds: ['sq-money'],
      skills: ['payments', 'email'],
      ...over,
    },
    openTickets,
    online,
  };
}

const ticket = (over: Partial<RoutableTicket> = {}): RoutableTicket => ({
  productArea: 'payments',
  channel: 'email',
  customerTier: 'Pro',
  ...over,
});

function route(over: Partial<Omit<RoutingInput, 'rules'>> & { rules?: Partial<RoutingRules> } = {}) {
  return routeTicket({
    ticket: ticket(),
    accountManagerId: null,
    squads,
    agents: [],
    ...over,
    rules: { ...DEFAULT_ROUTING_RULES, ...over.rules },
  });
}

describe('routeTicket', () => {
  it('sends a ticket to the squad owning its area and the least loaded online agent', () => {
    const d = route({ agents: [agent('a', {}, 5), agent('b', {}, 2), agent('c', {}, 1, false)] });
    expect(d).toMatchObject({ squadId: 'sq-money', assigneeId: 'b' });
    expect(d.reason).toContain('Money owns payments');
    expect(d.reason).toContain('least loaded with 2 open');
  });

  it('breaks load ties by agent id, so every server picks the same agent', () => {
    expect(route({ agents: [agent('z', {}, 1), agent('m', {}, 1)] }).assigneeId).toBe('m');
  });

  it('falls back to every skilled agent of the squad when none is online', () => {
    const d = route({ agents: [agent('a', {}, 3, false), agent('b', {}, 1, false)] });
    expect(d.assigneeId).toBe('b');
    expect(d.reason).toContain('nobody online');
  });

  it('skips agents of other squads, supervisors, and agents without the area skill', () => {
    const agents = [
      agent('other', { squadIds: ['sq-help'] }),
      agent('boss', { role: 'supervisor' }),
      agent('noskill', { skills: ['refunds'] }),
      agent('right', {}, 9),
    ];
    expect(route({ agents }).assigneeId).toBe('right');
    // Without the skill requirement the unskilled but idle agent is picked.
    expect(route({ agents, rules: { requireAreaSkill: false } }).assigneeId).toBe('noskill');
  });

  it('requires the channel skill only when the rules say so', () => {
    const agents = [agent('mail', {}, 0), agent('phone', { skills: ['payments', 'phone'] }, 4)];
    const phone = ticket({ channel: 'phone' });
    expect(route({ ticket: phone, agents }).assigneeId).toBe('mail');
    expect(route({ ticket: phone, agents, rules: { requireChannelSkill: true } }).assigneeId).toBe('phone');
  });

  it('takes turns in round robin, after the agent picked last, wrapping around', () => {
    const agents = [agent('a'), agent('b'), agent('c')];
    const rules = { strategy: 'round_robin' as const };
    expect(route({ agents, rules }).assigneeId).toBe('a');
    expect(route({ agents, rules, lastPicked: new Map([['sq-money', 'a']]) }).assigneeId).toBe('b');
    expect(route({ agents, rules, lastPicked: new Map([['sq-money', 'c']]) }).assigneeId).toBe('a');
    // The last one left the pool: the next id after them still takes the turn.
    expect(route({ agents, rules, lastPicked: new Map([['sq-money', 'bb']]) }).assigneeId).toBe('c');
  });

  it('passes over agents at capacity, and leaves the ticket with the squad when all are', () => {
    const agents = [agent('a', {}, 3), agent('b', {}, 5)];
    expect(route({ agents, rules: { maxOpenPerAgent: 5 } }).assigneeId).toBe('a');
    const full = route({ agents, rules: { maxOpenPerAgent: 3 } });
    expect(full).toMatchObject({ squadId: 'sq-money', assigneeId: null });
    expect(full.reason).toContain('capacity');
  });

  it('routes an Enterprise ticket to the named account manager, online or not', () => {
    const manager = agent('mgr', { squadIds: ['sq-help'], skills: [] }, 40, false);
    const input = {
      ticket: ticket({ customerTier: 'Enterprise' as const }),
      accountManagerId: 'mgr',
      agents: [agent('a'), manager],
    };
    const d = route(input);
    expect(d).toMatchObject({ squadId: 'sq-money', assigneeId: 'mgr' });
    expect(d.reason).toContain('account manager MGR');
    expect(route({ ...input, rules: { enterpriseToAccountManager: false } }).assigneeId).toBe('a');
    // A Pro customer never goes to a manager, even if one is named.
    expect(route({ ...input, ticket: ticket() }).assigneeId).toBe('a');
  });

  it('uses the fallback squad for an area nobody owns, or leaves the ticket unrouted', () => {
    const orphan = ticket({ productArea: 'security' });
    const agents = [agent('h', { squadIds: ['sq-help'], skills: ['general'] })];
    expect(route({ ticket: orphan, agents })).toMatchObject({ squadId: null, assigneeId: null });
    // The skill rule looks for the ticket's area, which the fallback squad's agents may not list.
    const d = route({
      ticket: orphan,
      agents,
      rules: { fallbackSquadId: 'sq-help', requireAreaSkill: false },
    });
    expect(d).toMatchObject({ squadId: 'sq-help', assigneeId: 'h' });
    expect(d.reason).toContain('fallback Helpdesk');
  });

  it('keeps a squad without agents as the owner, unassigned', () => {
    const d = route({ ticket: ticket({ productArea: 'integrations' }), agents: [agent('a')] });
    expect(d).toMatchObject({ squadId: 'sq-empty', assigneeId: null });
    expect(d.reason).toContain('no agent with the skills');
  });
});

describe('squadForArea', () => {
  it('picks the first squad by id when two claim an area', () => {
    const both = [...squads, { id: 'sq-aaa', name: 'A', productAreas: ['payments'] }];
    expect(squadForArea(both, 'payments')?.id).toBe('sq-aaa');
    expect(squadForArea(both, null)).toBeUndefined();
  });
});
