/**
 * Telemetry for signed-in agents:
 *  GET  /api/telemetry/bundles/:id                       a bundle (redacted), fetched when a ticket's telemetry is opened
 *  GET  /api/telemetry/bundles/:id/attachments/:index    one attachment's bytes
 *  POST /api/telemetry/tickets/:ticketId/console-diagnostics   the console's own diagnostics, attached to a ticket
 * and for admins, ingestion keys for customer apps:
 *  POST   /api/admin/ingestion-keys        { appName, latestVersion? } → the key, shown this once
 *  GET    /api/admin/ingestion-keys        the keys (never the key itself)
 *  PATCH  /api/admin/ingestion-keys/:id    { latestVersion } when the app ships a release
 *  DELETE /api/admin/ingestion-keys/:id    revoke
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { telemetryBundleSchema } from '../../core/telemetry';
import type { Db } from '../db/database';
import { requireRole } from '../http/auth-routes';
import { notFound } from '../http/errors';
import { parseOr400 } from '../http/validate';
import { createIngestionKey, listIngestionKeys, updateIngestionKey } from './ingestion-keys';
import { prepareBundle, readAttachment, readBundle, writeBundle } from './store-bundle';

const newKeySchema = z.strictObject({
  appName: z.string().trim().min(1).max(200),
  latestVersion: z.string().trim().min(1).max(64).nullable().default(null),
});
const patchKeySchema = z.strictObject({ latestVersion: z.string().trim().min(1).max(64).nullable() });
const indexSchema = z.coerce.number().int().min(0).max(1000);

export function registerTelemetryAgentRoutes(app: FastifyInstance, db: Db, now: () => number): void {
  app.get<{ Params: { id: string } }>('/api/telemetry/bundles/:id', async (request) => {
    const claims = requireRole(request);
    const bundle = await readBundle(db, claims.ws, request.params.id);
    if (!bundle) throw notFound(`No telemetry bundle ${request.params.id.slice(0, 80)}.`);
    return { bundle };
  });

  app.get<{ Params: { id: string; index: string } }>(
    '/api/telemetry/bundles/:id/attachments/:index',
    async (request, reply) => {
      const claims = requireRole(request);
      const index = parseOr400(indexSchema, request.params.index, 'attachment index');
      const file = await readAttachment(db, claims.ws, request.params.id, index);
      if (!file) throw notFound('No such attachment.');
      return reply
        .header('content-type', file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`)
        .header('cache-control', 'private, max-age=3600')
        .send(file.data);
    },
  );

  app.post<{ Params: { ticketId: string } }>(
    '/api/telemetry/tickets/:ticketId/console-diagnostics',
    async (request, reply) => {
      const claims = requireRole(request);
      const bundle = parseOr400(telemetryBundleSchema, request.body, 'console diagnostics');
      const prepared = prepareBundle(bundle, 'console');
      const meta = await db.transaction(async (tx) => {
        const ticket = await tx.query(
          `select 1 from entities where workspace_id = $1 and kind = 'ticket' and id = $2 and not deleted`,
          [claims.ws, request.params.ticketId],
        );
        if (ticket.length === 0) throw notFound(`No ticket ${request.params.ticketId.slice(0, 80)}.`);
        return writeBundle(tx, {
          workspaceId: claims.ws,
          ticketId: request.params.ticketId,
          prepared,
          latestVersion: null,
          now: now(),
        });
      });
      return reply.status(201).send({ meta });
    },
  );

  app.post('/api/admin/ingestion-keys', async (request, reply) => {
    const claims = requireRole(request, 'admin');
    const body = parseOr400(newKeySchema, request.body, 'ingestion key');
    const { key, record } = await createIngestionKey(db, {
      workspaceId: claims.ws,
      appName: body.appName,
      latestVersion: body.latestVersion,
      createdBy: claims.sub,
      now: now(),
    });
    return reply.status(201).send({ key, ...record });
  });

  app.get('/api/admin/ingestion-keys', async (request) => {
    const claims = requireRole(request, 'admin');
    return { keys: await listIngestionKeys(db, claims.ws) };
  });

  app.patch<{ Params: { id: string } }>('/api/admin/ingestion-keys/:id', async (request) => {
    const claims = requireRole(request, 'admin');
    const body = parseOr400(patchKeySchema, request.body, 'ingestion key');
    const record = await updateIngestionKey(db, claims.ws, request.params.id, {
      latestVersion: body.latestVersion,
    });
    if (!record) throw notFound('No such ingestion key.');
    return record;
  });

  app.delete<{ Params: { id: string } }>('/api/admin/ingestion-keys/:id', async (request) => {
    const claims = requireRole(request, 'admin');
    const record = await updateIngestionKey(db, claims.ws, request.params.id, { revokedAt: now() });
    if (!record) throw notFound('No such ingestion key.');
    return record;
  });
}
