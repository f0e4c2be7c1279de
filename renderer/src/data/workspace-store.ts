/**
 * The workspace as the console sees it, folded from the server's change feed.
 * (In-memory for now; the sync issue moves this into Dexie with an outbox.)
 */
import type { KbFindabilityRecord } from '../../../core/kb/findability';
import type { KbArticle } from '../../../core/kb/model';
import type { Macro } from '../../../core/macros/model';
import type { ContactRecord } from '../../../core/metrics/contact';
import type { SavedView } from '../../../core/queue/saved-views';
import type { EntityWrite } from '../../../core/sync';
import type { Customer, Message, Ticket } from '../../../core/tickets/model';
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
  macros: Map<string, Macro>;
  kbArticles: Map<string, KbArticle>;
  /** KB searches and the articles they led to, one row per agent and day. */
  kbFindability: Map<string, KbFindabilityRecord>;
  squads: Map<string, Squad>;
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
    macros: new Map(),
    kbArticles: new Map(),
    kbFindability: new Map(),
    squads: new Map(),
    cursor: 0,
  };
}

/** Applies a page of changes in place; later changes to the same row replace earlier ones. */
export function applyChanges(ws: WorkspaceData, changes: readonly Change[]): void {
  const ticketIndex = ws.ticketIndex;
  const copied = new Set<CopiedMaps>();
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
      case 'macro':
        putOrDelete(ws, 'macros', change, copied);
        break;
      case 'kb_article':
        putOrDelete(ws, 'kbArticles', change, copied);
        break;
      case 'kb_findability':
        putOrDelete(ws, 'kbFindability', change, copied);
        break;
      case 'squad':
        putOrDelete(ws, 'squads', change, copied);
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
        break; // kinds the console does not use
    }
    ws.cursor = Math.max(ws.cursor, change.syncId);
  }
}

type CopiedMaps = 'macros' | 'kbArticles' | 'kbFindability' | 'squads';

/**
 * Copy-on-write per page: a changed map gets a new identity, so what is derived from
 * it (the KB search index, macro suggestions) is rebuilt only when it really changed.
 */
function putOrDelete(ws: WorkspaceData, key: CopiedMaps, change: Change, copied: Set<CopiedMaps>): void {
  if (!copied.has(key)) {
    (ws[key] as Map<string, unknown>) = new Map(ws[key] as Map<string, unknown>);
    copied.add(key);
  }
  const map = ws[key] as Map<string, unknown>;
  if (change.deleted) map.delete(change.id);
  else map.set(change.id, change.data);
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
    case 'kb_findability':
      return ws.kbFindability.get(id);
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
    case 'kb_findability':
      return { ...ws, kbFindability: put(ws.kbFindability) };
    default:
      return ws;
  }
}
