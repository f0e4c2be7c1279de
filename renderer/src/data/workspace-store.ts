/**
 * The workspace as the console sees it, folded from the server's change feed.
 * (In-memory for now; the sync issue moves this into Dexie with an outbox.)
 */
import type { ContactRecord } from '../../../core/metrics/contact';
import type { TelemetryMeta } from '../../../core/telemetry/meta';
import type { Customer, Message, Ticket } from '../../../core/tickets/model';
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
  /** Telemetry bundles' metadata by ticket id (the bundles themselves are fetched on demand). */
  telemetryByTicket: Map<string, TelemetryMeta[]>;
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
    telemetryByTicket: new Map(),
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
      case 'user':
        ws.users.set(change.id, change.data as UserProfile);
        break;
      case 'message': {
        const message = change.data as Message;
        // Copy-on-write: the view shares message lists with the last snapshot.
        const list = ws.messagesByTicket.get(message.ticketId) ?? [];
        if (!list.some((m) => m.id === message.id))
          ws.messagesByTicket.set(message.ticketId, [...list, message]);
        break;
      }
      case 'telemetry': {
        // Copy-on-write per ticket, as for messages: a changed list is a new array.
        const meta = change.data as TelemetryMeta;
        const list = ws.telemetryByTicket.get(meta.ticketId) ?? [];
        ws.telemetryByTicket.set(meta.ticketId, [...list.filter((m) => m.id !== meta.id), meta]);
        break;
      }
      default:
        break; // kinds the console does not use yet (macros, KB articles)
    }
    ws.cursor = Math.max(ws.cursor, change.syncId);
  }
}
