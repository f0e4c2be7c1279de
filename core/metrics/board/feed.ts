/**
 * Feeds synced changes (the pull's `Change` rows, as the local store keeps
 * them) into the engine. The worker calls it for the bootstrap and for every
 * page after; the benchmark calls it too, so the figure is the worker's code.
 */
import type { Change } from '../../sync/protocol';
import type { Ticket } from '../../tickets/model';
import type { ContactRecord } from '../contact';
import type { WallboardEngine } from './engine';

export interface SquadName {
  id: string;
  name: string;
}

/** Applies changes in order; returns the squads seen in them (for the squad filter). */
export function feedChanges(engine: WallboardEngine, changes: Iterable<Change>): SquadName[] {
  const squads: SquadName[] = [];
  for (const change of changes) {
    switch (change.kind) {
      case 'ticket':
        if (change.deleted) engine.removeTicket(change.id);
        else engine.upsertTicket(change.data as Ticket);
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
  return squads;
}
