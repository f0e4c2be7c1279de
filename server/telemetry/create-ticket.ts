/**
 * Creates a ticket for an in-app report (channel `portal`), with the user's
 * words as its first customer message. Deliberately one function: server-side
 * ticket creation with triage and routing is being built elsewhere, and this
 * is the single place to point at it when it lands.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Customer, Message, Ticket } from '../../core/tickets/model';
import { formatRef } from '../../core/tickets/ref';
import type { Queryable } from '../db/database';
import { upsertEntities, type EntityRow } from '../db/entities';

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
  const numbered = await tx.query<{ n: number; prefix: string }>(
    `update workspaces set next_ticket_number = next_ticket_number + 1 where id = $1
     returning next_ticket_number - 1 as n, ref_prefix as prefix`,
    [req.workspaceId],
  );
  const row = numbered[0];
  if (!row) throw new Error(`unknown workspace ${req.workspaceId}`);
  const rows: EntityRow[] = [];
  const customer = await findOrCreateCustomer(tx, req, rows);
  const n = Number(row.n);
  // Ids follow the numbering (as in the demo workspace); never overwrite a row the counter did not know of.
  const taken = await tx.query(
    `select 1 from entities where workspace_id = $1 and kind = 'ticket' and id = $2`,
    [req.workspaceId, `tkt-${n}`],
  );
  if (taken.length > 0)
    throw new Error(`ticket id tkt-${n} is taken: the workspace's ticket counter is behind`);
  const ticket: Ticket = {
    id: `tkt-${n}`,
    ref: formatRef(row.prefix, n),
    subject: req.subject,
    channel: 'portal',
    priority: 'normal',
    issueTier: 2,
    severity: 3,
    customerId: customer.id,
    customerTier: customer.tier,
    squadId: null,
    assigneeId: null,
    tags: ['in-app', 'telemetry'],
    productArea: null,
    intent: null,
    state: 'new',
    createdAt: req.now,
    updatedAt: req.now,
    stateChangedAt: req.now,
    history: [],
    firstResponseAt: null,
    lastCustomerMessageAt: req.now,
    lastAgentReplyAt: null,
    agentReplyCount: 0,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    csat: null,
    linkedTicketIds: [],
  };
  const message: Message = {
    id: `msg-${randomUUID()}`,
    ticketId: ticket.id,
    kind: 'customer',
    authorId: customer.id,
    body: escapeHtml(req.message),
    createdAt: req.now,
  };
  rows.push({ kind: 'message', id: message.id, data: { ...message } });
  rows.push({ kind: 'ticket', id: ticket.id, data: { ...ticket } });
  await upsertEntities(tx, req.workspaceId, rows);
  return ticket;
}
