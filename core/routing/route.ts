/**
 * Routes one ticket: to the squad owning its product area (or the rules'
 * fallback), then to an agent of that squad — the Enterprise customer's named
 * account manager when the rules say so, else the least loaded (or next in
 * round robin) among the squad's online agents with the required skills. When
 * none of them is online, every skilled agent of the squad is a candidate, so
 * a ticket arriving at night still lands in someone's queue for the morning.
 * Pure: the caller passes loads, presence and the round-robin cursor.
 */
import type { Squad, User } from '../workspace/model';
import type { RoutingRules } from './rules';

export interface RoutableTicket {
  productArea: string | null;
  channel: string;
  customerTier: 'SMB' | 'Pro' | 'Enterprise';
}

export interface RoutingAgent {
  user: Pick<User, 'id' | 'name' | 'role' | 'squadIds' | 'skills'>;
  /** Open tickets assigned to the agent now. */
  openTickets: number;
  online: boolean;
}

export interface RoutingInput {
  ticket: RoutableTicket;
  /** The customer's named account manager (Enterprise), when there is one. */
  accountManagerId: string | null;
  rules: RoutingRules;
  squads: readonly Squad[];
  agents: readonly RoutingAgent[];
  /** Round robin: the agent last picked in each squad. */
  lastPicked?: ReadonlyMap<string, string>;
}

export interface RoutingDecision {
  squadId: string | null;
  assigneeId: string | null;
  /** In words, for the ticket's routing record and the agent who wonders why. */
  reason: string;
}

/** The squad owning `area`; with overlapping ownership the first by id wins, so every process agrees. */
export function squadForArea(squads: readonly Squad[], area: string | null): Squad | undefined {
  if (area === null) return undefined;
  return [...squads].sort((a, b) => a.id.localeCompare(b.id)).find((s) => s.productAreas.includes(area));
}

export function routeTicket(input: RoutingInput): RoutingDecision {
  const { ticket, rules, squads } = input;
  const owner = squadForArea(squads, ticket.productArea);
  const fallback = rules.fallbackSquadId ? squads.find((s) => s.id === rules.fallbackSquadId) : undefined;
  const squad = owner ?? fallback;
  const area = ticket.productArea ?? 'no product area';
  if (!squad)
    return { squadId: null, assigneeId: null, reason: `No squad owns ${area} and no fallback is set.` };
  const why = owner ? `${squad.name} owns ${area}` : `no squad owns ${area}; fallback ${squad.name}`;

  const manager = accountManager(input);
  if (manager) return { squadId: squad.id, assigneeId: manager.user.id, reason: `${why}; ${manager.reason}` };

  const skilled = input.agents.filter(
    (a) =>
      a.user.role === 'agent' &&
      a.user.squadIds.includes(squad.id) &&
      (!rules.requireAreaSkill ||
        ticket.productArea === null ||
        a.user.skills.includes(ticket.productArea)) &&
      (!rules.requireChannelSkill || a.user.skills.includes(ticket.channel)),
  );
  const withRoom = skilled.filter(
    (a) => rules.maxOpenPerAgent === null || a.openTickets < rules.maxOpenPerAgent,
  );
  if (withRoom.length === 0) {
    const what = skilled.length === 0 ? 'no agent with the skills' : 'every skilled agent is at capacity';
    return { squadId: squad.id, assigneeId: null, reason: `${why}; ${what}, left for the squad.` };
  }
  const online = withRoom.filter((a) => a.online);
  const pool = online.length > 0 ? online : withRoom;
  const presence = online.length > 0 ? 'online' : 'nobody online, all skilled agents';
  const picked =
    rules.strategy === 'round_robin' ? nextInTurn(pool, input.lastPicked?.get(squad.id)) : leastLoaded(pool);
  const how =
    rules.strategy === 'round_robin'
      ? `next in turn (${presence})`
      : `least loaded with ${picked.openTickets} open (${presence})`;
  return { squadId: squad.id, assigneeId: picked.user.id, reason: `${why}; ${picked.user.name}, ${how}.` };
}

function accountManager(input: RoutingInput): { user: RoutingAgent['user']; reason: string } | null {
  if (!input.rules.enterpriseToAccountManager || input.ticket.customerTier !== 'Enterprise') return null;
  const manager = input.agents.find((a) => a.user.id === input.accountManagerId);
  if (!manager) return null;
  return { user: manager.user, reason: `Enterprise customer: named account manager ${manager.user.name}.` };
}

/** Fewest open tickets; ties go to the lowest id so the choice is stable. */
function leastLoaded(pool: readonly RoutingAgent[]): RoutingAgent {
  return [...pool].sort((a, b) => a.openTickets - b.openTickets || a.user.id.localeCompare(b.user.id))[0]!;
}

/** The first agent (by id) after the one picked last; from the start when there is none or they left. */
function nextInTurn(pool: readonly RoutingAgent[], last: string | undefined): RoutingAgent {
  const ordered = [...pool].sort((a, b) => a.user.id.localeCompare(b.user.id));
  return ordered.find((a) => last !== undefined && a.user.id > last) ?? ordered[0]!;
}
