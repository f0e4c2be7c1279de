/**
 * Creates a ticket for an in-app report (channel `portal`), with the user's
 * words as its first customer message: finds or makes the customer, then
 * hands over to the one creation path (server/tickets/create-ticket.ts), which
 * triages, routes and numbers it.
 */
import { createHash } from 'node:crypto';
import type { Customer, Ticket } from '../../core/tickets/model';
import type { Queryable } from '../db/database';
import { upsertEntities, type EntityRow } from '../db/entities';
import { createTicket } from '../tickets/create-ticket';

export interface NewTicketRequest {
  workspaceId: string;
  subject: string;
  /** Plain text from the app; stored HTML-escaped, since customer message bodies may carry HTML. */
  message: string;
  customer: { name?: string | undefined; email?: string | undefined };
  /** The app's user id: identifies the customer when no email is given. */
  appUserId: string;
  appName: string;
  now: number;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

async function findOrCreateCustomer(
  tx: Queryable,
  req: NewTicketRequest,
  rows: EntityRow[],
): Promise<Customer> {
  const email = req.customer.email?.toLowerCase();
  if (email) {
    const found = await tx.query<{ data: Customer }>(
      `select data from entities where workspace_id = $1 and kind = 'customer' and lower(data->>'email') = $2 limit 1`,
      [req.workspaceId, email],
    );
    if (found[0]) return found[0].data;
  }
  // No email, or a new one: a customer record per app user, stable across reports.
  const id = `cus-app-${createHash('sha256')
    .update(`${req.appName}\n${email ?? req.appUserId}`)
    .digest('hex')
    .slice(0, 16)}`;
  const existing = await tx.query<{ data: Customer }>(
    `select data from entities where workspace_id = $1 and kind = 'customer' and id = $2`,
    [req.workspaceId, id],
  );
  if (existing[0]) return existing[0].data;
  const customer: Customer = {
    id,
    name: req.customer.name ?? `${req.appName} user`,
    email: email ?? '',
    company: '',
    tier: 'SMB',
    accountManagerId: null,
  };
  rows.push({ kind: 'customer', id, data: { ...customer } });
  return customer;
}

export async function createTicketFromIntake(tx: Queryable, req: NewTicketRequest): Promise<Ticket> {
  const rows: EntityRow[] = [];
  const customer = await findOrCreateCustomer(tx, req, rows);
  // A new customer is stored first: creation looks the customer up (tier, account team).
  if (rows.length > 0) await upsertEntities(tx, req.workspaceId, rows);
  // The one creation path: triaged, routed and numbered like any other new ticket, and marked
  // as an in-app report so agents can find these (tag:in-app).
  const { ticket } = await createTicket(
    tx,
    req.workspaceId,
    {
      subject: req.subject,
      body: escapeHtml(req.message),
      channel: 'portal',
      customerId: customer.id,
      tags: ['in-app', 'telemetry'],
    },
    req.now,
  );
  return ticket;
}
