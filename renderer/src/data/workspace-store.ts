/**
 * The workspace as the console sees it, folded from the server's change feed.
 * (In-memory for now; the sync issue moves this into Dexie with an outbox.)
 */
import type { ContactRecord } from '../../../core/metrics/contact';
import type { SavedView } from '../../../core/queue/saved-views';
import type { EntityWrite } from '../../../core/sync';
import type { Customer, Message, Ticket } from '../../../core/tickets/model';
import type { RoutingRulesRow } from '../../../core/sync/entity-routing';
import type { Squad } from '../../../core/workspace/model';
import type { Change } from './api-client';

export interface UserProfile {
  id: string;
  name: string;
  email: string;
  role: 'agent' | 'supervisor' | 'admin';
}

export interface WorkspaceData {
  tickets: Ticket[];
  /** Ticket id → position in `tickets`. */
  ticketIndex: Map<string, number>;
  customers: Map<string, Customer>;
  users: Map<string, UserProfile>;
  messagesByTicket: Map<string, Message[]>;
  /** Handled and abandoned contacts (calls, chats), for the wallboard's KPIs. */
  contacts: Map<string, ContactRecord>;
  /** Saved queue views: the user's own and colleagues' shared ones. */
  views: Map<string, SavedView>;
  /** Squads and the product areas they own; the routing rules (null until an admin saved some). */
  squads: Map<string, Squad>;
  routingRules: RoutingRulesRow | null;
  cursor: number;
}

export function emptyWorkspace(): WorkspaceData {
  return {
    tickets: [],
    ticketIndex: new Map(),
    customers: new Map(),
    users: new Map(),
    messagesByTicket: new Map(),
    contacts: new Map(),
    views: new Map(),
    squads: new Map(),
    routingRules: null,
    cursor: 0,
  };
}

/** Applies a page of changes in place; later changes to the same row replace earlier ones. */
export function applyChanges(ws: WorkspaceData, changes: readonly Change[]): void {
  const ticketIndex = ws.ticketIndex;
  for (const change of changes) {
    switch (change.kind) {
      case 'ticket': {
        const ticket = change.data as Ticket;
        const at = ticketIndex.get(ticket.id);
        if (at === undefined) {
          ticketIndex.set(ticket.id, ws.tickets.length);
          ws.tickets.push(ticket);
        } else ws.tickets[at] = ticket;
        break;
      }
      case 'customer':
        ws.customers.set(change.id, change.data as Customer);
        break;
      case 'contact':
        ws.contacts.set(change.id, change.data as ContactRecord);
        break;
      case 'view':
        if (change.deleted) ws.views.delete(change.id);
        else ws.views.set(change.id, change.data as SavedView);
        break;
      case 'user':
        ws.users.set(change.id, change.data as UserProfile);
        break;
      case 'squad':
        if (change.deleted) ws.squads.delete(change.id);
        else ws.squads.set(change.id, change.data as Squad);
        break;
      case 'routing_rules':
        ws.routingRules = change.deleted ? null : (change.data as RoutingRulesRow);
        break;
      case 'message': {
        const message = change.data as Message;
        // Copy-on-write: the view shares message lists with the last snapshot.
        const list = ws.messagesByTicket.get(message.ticketId) ?? [];
        if (!list.some((m) => m.id === message.id))
          ws.messagesByTicket.set(message.ticketId, [...list, message]);
        break;
      }
      default:
        break; // kinds the console does not use yet (macros, KB articles)
    }
    ws.cursor = Math.max(ws.cursor, change.syncId);
  }
}

/**
 * The rows entity mutations read and write, for the optimistic overlay: only the
 * maps such mutations touch. `read` answers undefined for a row not held locally.
 */
export function readEntity(ws: WorkspaceData, kind: string, id: string): unknown {
  switch (kind) {
    case 'view':
      return ws.views.get(id);
    case 'contact':
      return ws.contacts.get(id);
    case 'squad':
      return ws.squads.get(id);
    case 'routing_rules':
      return ws.routingRules ?? undefined;
    default:
      return undefined;
  }
}

/** Applies one write copy-on-write: the maps of `ws` are replaced, never edited, since snapshots share them. */
export function writeEntity(ws: WorkspaceData, write: EntityWrite): WorkspaceData {
  const put = <T>(map: Map<string, T>): Map<string, T> => {
    const next = new Map(map);
    if (write.deleted) next.delete(write.id);
    else next.set(write.id, write.data as T);
    return next;
  };
  switch (write.kind) {
    case 'view':
      return { ...ws, views: put(ws.views) };
    case 'contact':
      return { ...ws, contacts: put(ws.contacts) };
    case 'squad':
      return { ...ws, squads: put(ws.squads) };
    case 'routing_rules':
      return { ...ws, routingRules: write.deleted ? null : (write.data as RoutingRulesRow) };
    default:
      return ws;
  }
}
