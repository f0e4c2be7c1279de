/**
 * The HTTP server: JSON API under /api, and the renderer build served as a web
 * app (web mode: e2e tests, wall screens) with client-side routes such as
 * /wallboard falling back to index.html.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../db/database';
import { registerAuth } from './auth-routes';
import { registerContactImportRoutes } from './contact-import-routes';
import { HttpError } from './errors';
import type { BootstrapSnapshots } from '../sync/bootstrap-snapshots';
import { PokeHub } from '../sync/poke';
import { registerPresenceRoutes } from './presence-routes';
import { registerPushRoutes } from './push-routes';
import { registerSyncRoutes } from './sync-routes';
import { OnlineAgents } from '../sync/online-agents';
import { registerTicketRoutes } from './ticket-routes';
import { registerTelemetry, type TelemetryOptions } from '../telemetry';

export interface AppOptions {
  db: Db;
  tokenSecret: string;
  tokenTtlMs?: number;
  /** Built renderer to serve (out/renderer); omitted in API-only tests. */
  webRoot?: string | undefined;
  /** Largest accepted request body. */
  bodyLimit?: number;
  now?: () => number;
  logger?: boolean;
  /** Telemetry intake settings (rate limit); defaults suit production. */
  telemetry?: TelemetryOptions;
  /** Bootstrap snapshots to serve pulls from; null or omitted: every pull reads the database. */
  bootstrapSnapshots?: BootstrapSnapshots | null;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
  });
  const now = options.now ?? Date.now;

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) {
      return reply
        .status(413)
        .send({ error: { code: 'payload_too_large', message: 'The request body is too large.' } });
    }
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'bad_request', message: (error as Error).message } });
    }
    app.log.error(error);
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'The server failed to handle this request.' } });
  });

  app.get('/api/health', async () => ({ ok: true, db: options.db.kind, time: now() }));
  registerAuth(app, options.db, {
    secret: options.tokenSecret,
    tokenTtlMs: options.tokenTtlMs ?? 60 * 60 * 1000,
    now,
  });
  const snapshots = options.bootstrapSnapshots ?? null;
  registerSyncRoutes(app, options.db, snapshots);
  const pokes = new PokeHub();
  await pokes.start(options.db);
  // Every committed change pokes (from any process on the database): the snapshots count them.
  if (snapshots) pokes.subscribe((workspaceId) => snapshots.noteChange(workspaceId));
  app.addHook('onClose', async () => pokes.stop());
  const onlineAgents = new OnlineAgents(); // who holds an event stream: routing prefers online agents
  registerPushRoutes(app, options.db, pokes, now, onlineAgents);
  registerTicketRoutes(app, options.db, onlineAgents, now);
  registerPresenceRoutes(app, options.db, now);
  await registerTelemetry(app, options.db, now, options.telemetry);
  registerContactImportRoutes(app, options.db);

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, index: 'index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    if (
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      options.webRoot &&
      existsSync(options.webRoot)
    ) {
      return reply.sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url}` } });
  });
  return app;
}
