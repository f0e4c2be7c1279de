/**
 * The workspace as the console sees it, folded from the server's change feed.
 * (In-memory for now; the sync issue moves this into Dexie with an outbox.)
 */
import type { KbFindabilityRecord } from '../../../core/kb/findability';
import type { KbArticle } from '../../../core/kb/model';
import type { Macro } from '../../../core/macros/model';
import type { SavedView } from '../../../core/queue/saved-views';
import type { EntityWrite } from '../../../core/sync';
import { TICKET_DETAIL, withDetail } from '../../../core/sync/ticket-detail';
import type { TelemetryMeta } from '../../../core/telemetry/meta';
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
  /** Saved queue views: the user's own and colleagues' shared ones. */
  views: Map<string, SavedView>;
  macros: Map<string, Macro>;
  kbArticles: Map<string, KbArticle>;
  /** KB searches and the articles they led to, one row per agent and day. */
  kbFindability: Map<string, KbFindabilityRecord>;
  /** Squads and the product areas they own; the routing rules (null until an admin saved some). */
  squads: Map<string, Squad>;
  routingRules: RoutingRulesRow | null;
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
    views: new Map(),
    macros: new Map(),
    kbArticles: new Map(),
    kbFindability: new Map(),
    squads: new Map(),
    routingRules: null,
    telemetryByTicket: new Map(),
    cursor: 0,
  };
}

export type MapField = {
  [K in keyof WorkspaceData]: WorkspaceData[K] extends Map<string, unknown> ? K : never;
}[keyof WorkspaceData];

/** Kinds kept one row per id, and the map each lives in: applied, read and written the same way. */
const ROW_MAPS = {
  customer: 'customers',
  user: 'users',
  squad: 'squads',
  view: 'views',
  macro: 'macros',
  kb_article: 'kbArticles',
  kb_findability: 'kbFindability',
} as const satisfies Record<string, MapField>;
type RowKind = keyof typeof ROW_MAPS;
const isRowKind = (kind: string): kind is RowKind => Object.hasOwn(ROW_MAPS, kind);

/**
 * What of a workspace was copied since anything else (the screen, a snapshot)
 * last took it: those maps and that ticket array are this workspace's own, and
 * can be edited in place.
 */
export interface Owned {
  maps: Set<MapField>;
  tickets: boolean;
}

export const nothingOwned = (): Owned => ({ maps: new Set(), tickets: false });

/**
 * A thread with one more message, oldest first. Mostly it is the newest (appended);
 * a start reads the threads after the rows, so a message that came since the
 * bootstrap can be there before the older ones it follows.
 */
function withMessage(list: readonly Message[], message: Message): Message[] {
  let at = list.length;
  while (at > 0 && (list[at - 1]?.createdAt ?? 0) > message.createdAt) at--;
  if (at === list.length) return [...list, message];
  return [...list.slice(0, at), message, ...list.slice(at)];
}

/**
 * Applies a page of changes to `ws`, copy-on-write: a map or the ticket array is
 * copied on its first write unless `owned` says it was copied already. Snapshots
 * share them, and React memos keyed on a map must see a new one when its contents
 * change. By default nothing is owned, and each call copies what it writes. A
 * caller applying several pages between redraws passes one `Owned` to all of them
 * and starts a new one when it shows the result: each is copied once, not once a
 * page, and what no page wrote yet stays shared, untouched.
 */
export function applyChanges(
  ws: WorkspaceData,
  changes: readonly Change[],
  owned: Owned = nothingOwned(),
): void {
  const own = <K extends MapField>(field: K): WorkspaceData[K] => {
    if (!owned.maps.has(field)) {
      owned.maps.add(field);
      (ws[field] as Map<string, unknown>) = new Map(ws[field] as Map<string, unknown>);
    }
    return ws[field];
  };
  const tickets = (): Ticket[] => {
    if (!owned.tickets) {
      owned.tickets = true;
      ws.tickets = ws.tickets.slice();
    }
    return ws.tickets;
  };
  const details: Change[] = [];
  for (const change of changes) {
    if (isRowKind(change.kind)) {
      const map = own(ROW_MAPS[change.kind]) as Map<string, unknown>;
      if (change.deleted) map.delete(change.id);
      else map.set(change.id, change.data);
    } else
      switch (change.kind) {
        case 'ticket': {
          const ticket = change.data as Ticket;
          const at = ws.ticketIndex.get(ticket.id);
          if (at === undefined) {
            own('ticketIndex').set(ticket.id, ws.tickets.length);
            tickets().push(ticket);
          } else tickets()[at] = ticket;
          break;
        }
        case TICKET_DETAIL:
          details.push(change);
          break;
        case 'routing_rules':
          ws.routingRules = change.deleted ? null : (change.data as RoutingRulesRow);
          break;
        case 'message': {
          const message = change.data as Message;
          // Lists are shared with the last snapshot too: a new list, never a push.
          const list = ws.messagesByTicket.get(message.ticketId) ?? [];
          if (!list.some((m) => m.id === message.id))
            own('messagesByTicket').set(message.ticketId, withMessage(list, message));
          break;
        }
        case 'telemetry': {
          // Copy-on-write per ticket, as for messages: a changed list is a new array.
          const meta = change.data as TelemetryMeta;
          const list = ws.telemetryByTicket.get(meta.ticketId) ?? [];
          own('telemetryByTicket').set(meta.ticketId, [...list.filter((m) => m.id !== meta.id), meta]);
          break;
        }
        // Contact records (calls, chats: a fifth of a 100k bootstrap, 137k of them) are read by
        // the wallboard's worker from IndexedDB; nothing on this thread shows them, so they
        // are stored (page-writer, storePage) but not kept here (bench: full bootstrap, heap).
        default:
          break; // kinds the console does not keep
      }
    ws.cursor = Math.max(ws.cursor, change.syncId);
  }
  // A done ticket's history and resolution, for the slim copy they were cut from (the
  // snapshot sends them apart, core/sync/ticket-detail.ts). After the batch's tickets,
  // so that a detail finds its ticket whatever their order in it.
  for (const detail of details) {
    const at = ws.ticketIndex.get(detail.id);
    const held = at === undefined ? undefined : ws.tickets[at];
    const full = held && withDetail(held, detail);
    if (full && at !== undefined) tickets()[at] = full;
  }
}

/**
 * The rows entity mutations read and write, for the optimistic overlay.
 * `read` answers undefined for a row not held locally.
 */
export function readEntity(ws: WorkspaceData, kind: string, id: string): unknown {
  if (isRowKind(kind)) return (ws[ROW_MAPS[kind]] as Map<string, unknown>).get(id);
  return kind === 'routing_rules' ? (ws.routingRules ?? undefined) : undefined;
}

/** Applies one write copy-on-write: the maps of `ws` are replaced, never edited, since snapshots share them. */
export function writeEntity(ws: WorkspaceData, write: EntityWrite): WorkspaceData {
  if (isRowKind(write.kind)) {
    const field = ROW_MAPS[write.kind];
    const next = new Map(ws[field] as Map<string, unknown>);
    if (write.deleted) next.delete(write.id);
    else next.set(write.id, write.data);
    return { ...ws, [field]: next };
  }
  if (write.kind === 'routing_rules')
    return { ...ws, routingRules: write.deleted ? null : (write.data as RoutingRulesRow) };
  return ws;
}
