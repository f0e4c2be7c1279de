/**
 * Feeds synced changes (the pull's `Change` rows, as the local store keeps
 * them) into the engine. The worker calls it for the bootstrap and for every
 * page after; the benchmark calls it too, so the figure is the worker's code.
 */
import type { Change } from '../../sync/protocol';
import { isSlim, TICKET_DETAIL, withDetail } from '../../sync/ticket-detail';
import type { Ticket } from '../../tickets/model';
import type { ContactRecord } from '../contact';
import type { WallboardEngine } from './engine';

export interface SquadName {
  id: string;
  name: string;
}

/**
 * Applies changes in order; returns the squads seen in them (for the squad filter).
 * Done tickets from a bootstrap snapshot come slim, their history and resolution apart
 * (core/sync/ticket-detail.ts), and FCR, SLA compliance and root causes need them: a
 * slim ticket is joined with its detail from the same batch before the engine sees it,
 * so its facts are worked out once; a detail whose ticket came in an earlier batch
 * completes the engine's copy.
 */
export function feedChanges(engine: WallboardEngine, changes: Iterable<Change>): SquadName[] {
  const squads: SquadName[] = [];
  const batch = [...changes];
  const details = new Map<string, Change>();
  for (const change of batch) if (change.kind === TICKET_DETAIL) details.set(change.id, change);
  const complete = (ticket: Ticket): Ticket => {
    const detail = isSlim(ticket) ? details.get(ticket.id) : undefined;
    const full = detail && withDetail(ticket, detail);
    if (full) details.delete(ticket.id);
    return full || ticket;
  };
  for (const change of batch) {
    switch (change.kind) {
      case 'ticket':
        if (change.deleted) engine.removeTicket(change.id);
        else engine.upsertTicket(complete(change.data as Ticket));
        break;
      case 'contact':
        if (change.deleted) engine.removeContact(change.id);
        else engine.upsertContact(change.data as ContactRecord);
        break;
      case 'user': {
        const user = change.data as { id: string; squadIds?: string[] };
        engine.setAgent({ id: change.id, squadIds: change.deleted ? [] : (user.squadIds ?? []) });
        break;
      }
      case 'squad': {
        const squad = change.data as { id: string; name?: string };
        if (!change.deleted) squads.push({ id: change.id, name: squad.name ?? change.id });
        break;
      }
      default:
        break;
    }
  }
  for (const detail of details.values()) {
    const held = engine.ticket(detail.id);
    const full = held && withDetail(held, detail);
    if (full) engine.upsertTicket(full);
  }
  return squads;
}
