/**
 * The read side of sync: `pull` pages through every change after a cursor in
 * server order (syncId). A fresh client bootstraps by pulling from cursor 0;
 * those first pages come from the bootstrap snapshot when there is one
 * (server/sync/bootstrap-snapshot.ts), everything else from the database.
 */
import type { FastifyInstance } from 'fastify';
import type { Change } from '../../core/sync';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { BootstrapSnapshots } from '../sync/bootstrap-snapshots';
import { acceptsGzip } from './accept-encoding';
import { requireRole } from './auth-routes';
import { lastSeqOf } from '../sync/push';
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
 * A page of changes after `cursor` in server order, as the JSON text of the
 * response (`hasMore`; `reset` when the cursor is beyond this workspace). The rows'
 * data leave the database as text and go into the answer as they are: parsing
 * every jsonb value into objects only for Fastify to stringify them again was
 * most of the server's time in a bootstrap (bench: pull all rows, 560k at 100k
 * tickets).
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
  const rows = await db.query<Omit<Row, 'data'> & { data: string | null }>(
    `select kind, id, sync_id, deleted, data::text as data from entities
      where workspace_id = $1 and sync_id > $2 order by sync_id limit $3`,
    [workspaceId, cursor, limit + 1],
  );
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const changes = page.map(
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

export function registerSyncRoutes(
  app: FastifyInstance,
  db: Db,
  snapshots: BootstrapSnapshots | null = null,
): void {
  app.get('/api/sync/bootstrap/mine', async (request) => {
    const claims = requireRole(request);
    return myQueue(db, claims.ws, claims.sub);
  });

  app.get('/api/sync/pull', async (request, reply) => {
    const claims = requireRole(request);
    const { cursor, limit, clientId } = parseOr400(pullQuery, request.query, 'pull query');
    // The same URL is answered gzip-encoded or not depending on this header.
    reply.header('vary', 'accept-encoding');
    // A snapshot page is stored compressed only: a client that cannot take gzip pulls from the database.
    if (snapshots && acceptsGzip(request.headers['accept-encoding'])) {
      const page = await snapshots.page(claims.ws, cursor, limit);
      if (page)
        return reply
          .type('application/json; charset=utf-8')
          .header('content-encoding', 'gzip')
          .send(page.gzip);
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
