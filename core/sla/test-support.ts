/** Test support for the SLA tests: instants, a ticket builder and target lookups. */
import type { Ticket, TicketState } from '../tickets/model';
import { historyOf, makeTicket } from '../tickets/test-factory';
import type { SlaTargetKind, SlaTargetStatus } from './index';
import { slaStatus } from './index';

export const at = (iso: string): number => Date.parse(iso);
export const S = 1000;
export const MIN = 60 * S;
export const H = 60 * MIN;

export const MON = '2024-01-08'; // a winter Monday: Europe/London = UTC

/** A ticket with every field filled: an Enterprise email, Tier 1, Sev 3, just created. */
export function ticket(over: Partial<Ticket> = {}): Ticket {
  return makeTicket({
    id: 't-1',
    ref: 'SD-1',
    customerId: 'c-1',
    customerTier: 'Enterprise',
    createdAt: at(`${MON}T10:00:00Z`),
    ...over,
  });
}

/** History from 'new' through the given [state, ISO time] steps, and the matching current state. */
export function moves(
  ...steps: [TicketState, string][]
): Pick<Ticket, 'history' | 'state' | 'stateChangedAt'> {
  const history = historyOf(steps.map(([to, iso]) => [to, at(iso)] as const));
  const last = history.at(-1);
  return { history, state: last ? last.to : 'new', stateChangedAt: last ? last.at : at(`${MON}T10:00:00Z`) };
}

export function target(t: Ticket, now: number, kind: SlaTargetKind): SlaTargetStatus {
  const found = slaStatus(t, now).targets.find((x) => x.kind === kind);
  if (!found) throw new Error(`no ${kind} target`);
  return found;
}

export const kinds = (t: Ticket, now: number): SlaTargetKind[] =>
  slaStatus(t, now).targets.map((x) => x.kind);
