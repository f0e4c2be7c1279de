/**
 * The read side of sync: `pull` pages through every change after a cursor in
 * server order (syncId). A fresh client bootstraps by pulling from cursor 0;
 * those first pages come from the bootstrap snapshot when there is one
 * (server/sync/bootstrap-snapshot.ts), everything else from the database.
 */
import type { FastifyInstance } from 'fastify';
import {
  ARCHIVE_SPAN_HEADER,
  CONTACT_SPAN_HEADER,
  DEFLATE_RUNS_HEADER,
  NEXT_CURSOR_HEADER,
  PULL_PAGE_GZIP,
  type Change,
} from '../../core/sync';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { BootstrapSnapshots } from '../sync/bootstrap-snapshots';
import { acceptsType } from './accept';
import { requireRole } from './auth-routes';
import { lastSeqOf } from '../sync/push';
import { HttpError } from './errors';
import { parseOr400 } from './validate';

const pullQuery = z.strictObject({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(2_000),
  /** When given, the answer carries this client's last processed seq (to prune its outbox). */
  clientId: z.string().min(1).max(128).optional(),
});

/** An `entities` row as read for sync. */
interface Row {
  kind: string;
  id: string;
  sync_id: number;
  deleted: boolean;
  data: unknown;
}
const toChange = (r: Row): Change => ({
  kind: r.kind,
  id: r.id,
  syncId: Number(r.sync_id),
  deleted: r.deleted,
  data: r.data,
});

/**
 * A closed ticket's thread, up to its closing, is archived: the feed leaves those
 * messages out (they are most of a mature workspace's rows, 270k of 560k in the
 * 100k demo, and no queue, count or KPI reads them), and a console fetches such a
 * thread when the agent opens the ticket (`GET /api/sync/thread/:id`). A note
 * written on a closed ticket later is news and goes out as usual. Reopening a
 * ticket re-sends its messages with new syncIds (push.ts), so every open ticket's
 * thread reaches every console.
 */
const ARCHIVED = `(e.kind = 'message' and exists (
  select 1 from entities t
   where t.workspace_id = e.workspace_id and t.kind = 'ticket'
     and t.id = e.data->>'ticketId' and t.data->>'state' = 'closed'
     and (e.data->>'createdAt')::bigint <= coalesce((t.data->>'closedAt')::bigint, 9007199254740991)))`;

/**
 * A page of changes after `cursor` in server order, as the JSON text of the
 * response (`hasMore`; `reset` when the cursor is beyond this workspace). The rows'
 * data leave the database as text and go into the answer as they are: parsing
 * every jsonb value into objects only for Fastify to stringify them again was
 * most of the server's time in a bootstrap (bench: pull all rows, 560k at 100k
 * tickets). `limit` counts rows read, archived ones included, so a page can
 * hold fewer changes than that and still have more after it.
 */
export async function pullPageJson(
  db: Db,
  workspaceId: string,
  cursor: number,
  limit: number,
  lastSeq: () => Promise<number | undefined>,
): Promise<string> {
  const head = await db.query<{ sync_id: number }>('select sync_id from workspaces where id = $1', [
    workspaceId,
  ]);
  if (cursor > Number(head[0]?.sync_id ?? 0))
    return JSON.stringify({ changes: [], cursor: 0, hasMore: true, reset: true, lastSeq: await lastSeq() });
  const rows = await db.query<Omit<Row, 'data'> & { data: string | null; archived: boolean }>(
    `select kind, id, sync_id, deleted, archived, case when archived then null else data::text end as data
       from (select e.kind, e.id, e.sync_id, e.deleted, e.data, ${ARCHIVED} as archived
               from entities e
              where e.workspace_id = $1 and e.sync_id > $2 order by e.sync_id limit $3) as p
      order by sync_id`,
    [workspaceId, cursor, limit + 1],
  );
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  // Archived rows are skipped but still move the cursor: a client must never scan them again.
  const changes = page
    .filter((r) => !r.archived)
    .map(
      (r) =>
        `{"kind":${JSON.stringify(r.kind)},"id":${JSON.stringify(r.id)},"syncId":${Number(r.sync_id)},` +
        `"deleted":${r.deleted === true},"data":${r.data ?? 'null'}}`,
    );
  const last = page.at(-1);
  const seq = await lastSeq();
  return (
    `{"changes":[${changes.join(',')}],"cursor":${last ? Number(last.sync_id) : cursor},` +
    `"hasMore":${hasMore},"reset":false${seq === undefined ? '' : `,"lastSeq":${seq}`}}`
  );
}

const MY_QUEUE_LIMIT = 2_000;

/**
 * The agent's own open queue, with its customers and messages, plus the people
 * and squads: what a fresh console needs to be usable at once, while the full
 * bootstrap (pull from cursor 0) streams the rest of the workspace behind it.
 * Rows come with their syncIds; the client does not advance its cursor on them.
 */
export async function myQueue(db: Db, workspaceId: string, userId: string) {
  const select =
    'select kind, id, sync_id, deleted, data from entities where workspace_id = $1 and not deleted';
  const tickets = await db.query<Row>(
    `${select} and kind = 'ticket' and data->>'assigneeId' = $2
       and data->>'state' not in ('resolved', 'verified', 'closed') limit ${MY_QUEUE_LIMIT}`,
    [workspaceId, userId],
  );
  const ticketIds = tickets.map((t) => t.id);
  const customerIds = [...new Set(tickets.map((t) => (t.data as { customerId: string }).customerId))];
  const [people, customers, messages] = await Promise.all([
    db.query<Row>(`${select} and kind in ('user', 'squad')`, [workspaceId]),
    db.query<Row>(`${select} and kind = 'customer' and id = any($2::text[])`, [workspaceId, customerIds]),
    db.query<Row>(`${select} and kind = 'message' and data->>'ticketId' = any($2::text[])`, [
      workspaceId,
      ticketIds,
    ]),
  ]);
  return { changes: [...people, ...customers, ...tickets, ...messages].map(toChange) };
}

const threadParams = z.strictObject({ ticketId: z.string().min(1).max(128) });

/**
 * One ticket's whole thread, for a console opening a closed ticket whose messages the
 * feed left out. Rows come with their syncIds (the console keeps them apart from its
 * cursor); 404 for a ticket this workspace does not have.
 */
export async function threadOf(db: Db, workspaceId: string, ticketId: string) {
  const [ticket, messages] = await Promise.all([
    db.query<{ id: string }>(
      `select id from entities where workspace_id = $1 and kind = 'ticket' and id = $2 and not deleted`,
      [workspaceId, ticketId],
    ),
    db.query<Row>(
      `select kind, id, sync_id, deleted, data from entities
        where workspace_id = $1 and kind = 'message' and not deleted and data->>'ticketId' = $2`,
      [workspaceId, ticketId],
    ),
  ]);
  if (ticket.length === 0) throw new HttpError(404, 'not_found', `Ticket ${ticketId} does not exist.`);
  return { changes: messages.map(toChange).sort((a, b) => a.syncId - b.syncId) };
}

export function registerSyncRoutes(
  app: FastifyInstance,
  db: Db,
  snapshots: BootstrapSnapshots | null = null,
): void {
  app.get('/api/sync/thread/:ticketId', async (request) => {
    const claims = requireRole(request);
    const { ticketId } = parseOr400(threadParams, request.params, 'thread');
    return threadOf(db, claims.ws, ticketId);
  });

  app.get('/api/sync/bootstrap/mine', async (request) => {
    const claims = requireRole(request);
    return myQueue(db, claims.ws, claims.sub);
  });

  app.get('/api/sync/pull', async (request, reply) => {
    const claims = requireRole(request);
    const { cursor, limit, clientId } = parseOr400(pullQuery, request.query, 'pull query');
    // The same URL is answered in two ways, depending on this header.
    reply.header('vary', 'accept');
    // A snapshot page is stored compressed only, and sends done tickets slim with their
    // details apart (core/sync/ticket-detail.ts): it goes, as its gzip bytes, only to a client
    // that names its type (the console; see PULL_PAGE_GZIP), which inflates it itself and
    // joins the details. Any other client, an older console too, pulls whole rows from the
    // database: slower, never misread.
    if (snapshots && acceptsType(request.headers.accept, PULL_PAGE_GZIP)) {
      const page = await snapshots.page(claims.ws, cursor, limit);
      if (page) {
        if (page.archiveSpan) reply.header(ARCHIVE_SPAN_HEADER, page.archiveSpan);
        if (page.contactSpan) reply.header(CONTACT_SPAN_HEADER, page.contactSpan);
        if (page.deflatedRuns) reply.header(DEFLATE_RUNS_HEADER, page.deflatedRuns);
        // Every snapshot page has more after it: the last one's next is the database's delta.
        reply.header(NEXT_CURSOR_HEADER, String(page.end));
        return reply.type(PULL_PAGE_GZIP).send(page.gzip);
      }
    }
    const json = await pullPageJson(db, claims.ws, cursor, limit, async () =>
      clientId ? lastSeqOf(db, claims.ws, clientId) : undefined,
    );
    return reply.type('application/json; charset=utf-8').send(json);
  });

  /** Supervisors and admins: the bootstrap snapshot of their workspace (health endpoint is public). */
  app.get('/api/sync/bootstrap/snapshot', async (request) => {
    const claims = requireRole(request, 'supervisor', 'admin');
    if (!snapshots) return { enabled: false, snapshot: null, building: false };
    return { enabled: true, pageSize: snapshots.pageSize, ...snapshots.status(claims.ws) };
  });
}
