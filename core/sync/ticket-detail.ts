/**
 * A done ticket as a bootstrap snapshot sends it: slim, with its state history and
 * resolution apart, in a `ticketDetail` change.
 *
 * Why: a mature workspace is mostly done tickets (93% of the 100k demo), and their
 * history and resolution are most of their bytes. The queue, search and counts never
 * read them (no open view shows a done ticket's history; `slaKey` stops at the done
 * state); only the ticket view of that one ticket and the wallboard's worker do. So
 * the snapshot sends each done ticket twice over, in two places of its page:
 *  - the ticket without them (`history: []`, `resolution: null`) and marked with
 *    `detailSyncId`, among the page's archived changes, which the console parses;
 *  - `{ kind: 'ticketDetail', id, syncId, data: { history, resolution } }` in the
 *    page's unparsed run, beside the contact records: stored as the bytes it came
 *    in (read-page.ts), read by the wallboard's worker and by the ticket view when
 *    it opens a slim ticket. Not parsing them on the UI thread was 1.5 s of a 100k
 *    bootstrap's 8 s (bench: full bootstrap).
 *
 * A detail completes only the version of the ticket it was cut from: it carries that
 * version's syncId, and the ticket's `detailSyncId` names it. A later version of the
 * ticket (from the database, never slim) replaces the slim copy whole, and a detail
 * left over for the old version then matches nothing and changes nothing.
 */
import type { Resolution, StateChange, Ticket } from '../tickets/model';
import type { Change } from './protocol';

export const TICKET_DETAIL = 'ticketDetail';

export interface TicketDetail {
  history: StateChange[];
  resolution: Resolution | null;
}

/** A ticket sent without its detail: the syncId of the `ticketDetail` change that completes it. */
export type SlimTicket = Ticket & { detailSyncId: number };

export const isTicketDetailChange = (c: { kind: string }): boolean => c.kind === TICKET_DETAIL;

/** Whether this copy of the ticket waits on its detail (history and resolution) to be complete. */
export const isSlim = (t: Ticket): t is SlimTicket =>
  typeof (t as Partial<SlimTicket>).detailSyncId === 'number';

/**
 * A ticket's change as the slim ticket and its detail. A change that is not a live
 * ticket is answered as it is, alone.
 */
export function splitTicketChange(change: Change): [Change] | [Change, Change] {
  if (change.kind !== 'ticket' || change.deleted || !change.data || typeof change.data !== 'object')
    return [change];
  const { history, resolution, ...rest } = change.data as Ticket;
  if (!Array.isArray(history)) return [change];
  const slim: SlimTicket = { ...rest, history: [], resolution: null, detailSyncId: change.syncId };
  const detail: TicketDetail = { history, resolution: resolution ?? null };
  return [
    { ...change, data: slim },
    { kind: TICKET_DETAIL, id: change.id, syncId: change.syncId, deleted: false, data: detail },
  ];
}

/**
 * The ticket completed by `detail` (a `ticketDetail` change), or null when the detail
 * is not this copy's: the copy is not slim, or is a version the detail was not cut from.
 */
export function withDetail(ticket: Ticket, detail: Change): Ticket | null {
  if (!isSlim(ticket) || ticket.detailSyncId !== detail.syncId || detail.id !== ticket.id) return null;
  const data = detail.data as Partial<TicketDetail> | null;
  if (!data || !Array.isArray(data.history)) return null;
  const { detailSyncId: _apart, ...full } = ticket;
  return { ...full, history: data.history, resolution: data.resolution ?? null };
}

/**
 * The text that starts a ticket's detail in an unparsed run as the server writes it
 * (`JSON.stringify` of a change, keys in `splitTicketChange`'s order), so that one
 * detail can be found in a run without parsing all of it (`detailIn`).
 */
export const detailPrefix = (ticketId: string, syncId: number): string =>
  `{"kind":"${TICKET_DETAIL}","id":${JSON.stringify(ticketId)},"syncId":${syncId},`;

/**
 * The detail for this ticket and version in the text of an unparsed run (`{…},{…}`),
 * or null when the run does not hold it. A `{"kind":"` can only stand where an object
 * starts (inside a JSON string its quotes would be escaped), so the detail ends where
 * the next change starts, or where the run does.
 */
export function detailIn(run: string, ticketId: string, syncId: number): Change | null {
  const from = run.indexOf(detailPrefix(ticketId, syncId));
  if (from < 0) return null;
  const next = run.indexOf(',{"kind":"', from + 1);
  try {
    const change = JSON.parse(run.slice(from, next < 0 ? run.length : next)) as Change;
    return isTicketDetailChange(change) ? change : null;
  } catch {
    return null;
  }
}
