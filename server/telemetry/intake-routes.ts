/**
 * The intake API, for customer apps (authenticated with an ingestion key, not
 * an agent session):
 *  POST /api/intake/tickets                  a new ticket with its telemetry bundle
 *  POST /api/intake/tickets/:ref/telemetry   a bundle for an existing ticket, by reference (SD-10234)
 * The key goes in `X-Spark-Ingest-Key: spk_ing_…` or `Authorization: Bearer spk_ing_…`.
 *
 * Order of refusal, cheapest first, nothing stored from a refused request:
 * key (401, before the body is read) → rate limit per key and address (429) → body size (413) →
 * JSON (400) → schema (422) → attachments (413 / 422) → ticket (404) → one
 * transaction for everything written.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseRef } from '../../core/tickets/ref';
import {
  intakeTicketSchema,
  noRedactions,
  redactText,
  TELEMETRY_LIMITS,
  telemetryBundleSchema,
  type IntakeResponse,
  type TelemetryMeta,
} from '../../core/telemetry';
import type { Db } from '../db/database';
import { HttpError, notFound } from '../http/errors';
import { parseOr400 } from '../http/validate';
import { createTicketFromIntake } from './create-ticket';
import { findIngestionKey, INGEST_KEY_PREFIX, type IngestionKey } from './ingestion-keys';
import { prepareBundle, writeBundle } from './store-bundle';

export interface IntakeOptions {
  /** Bundles per key and sending address per window. */
  rateLimit: { max: number; timeWindowMs: number };
  now: () => number;
}

export const DEFAULT_INTAKE_RATE_LIMIT = { max: 30, timeWindowMs: 60_000 };

function presentedKey(request: FastifyRequest): string | null {
  const header = request.headers['x-spark-ingest-key'];
  if (typeof header === 'string' && header !== '') return header.trim();
  const auth = request.headers.authorization;
  if (auth?.startsWith(`Bearer ${INGEST_KEY_PREFIX}`)) return auth.slice(7).trim();
  return null;
}

const response = (ticket: { id: string; ref: string }, meta: TelemetryMeta): IntakeResponse => ({
  ticketId: ticket.id,
  ticketRef: ticket.ref,
  bundleId: meta.id,
  redactions: meta.redactions,
  outdated: meta.outdated,
  latestVersion: meta.latestVersion,
});

export async function registerIntakeRoutes(
  app: FastifyInstance,
  db: Db,
  options: IntakeOptions,
): Promise<void> {
  const keys = new WeakMap<FastifyRequest, IngestionKey>();

  // Its own encapsulated scope: the limiter applies to these routes only, and cannot
  // clash with a limiter registered elsewhere in the app.
  await app.register(async (scope) => {
    // Global within this scope (only the intake routes are in it), so both routes draw on one
    // budget per key: a per-route limit would give each route a store of its own.
    await scope.register(rateLimit, {
      global: true,
      max: options.rateLimit.max,
      timeWindow: options.rateLimit.timeWindowMs,
      // Per key and address: one misbehaving device (or a loop in one app build) cannot
      // use up the budget of every other user of the same app.
      keyGenerator: (request) => `${keys.get(request)?.id ?? 'none'}|${request.ip}`,
      errorResponseBuilder: (_request, context) =>
        new HttpError(
          429,
          'rate_limited',
          `Too many telemetry bundles: at most ${context.max} per ${context.after}. Retry later.`,
        ),
    });

    const route = {
      bodyLimit: TELEMETRY_LIMITS.bodyBytes,
      // First of all (the limiter's hook runs after this one, keyed on the key it finds), and
      // before the body is read: an unauthenticated sender never gets 8 MB parsed.
      onRequest: async (request: FastifyRequest) => {
        const presented = presentedKey(request);
        if (!presented)
          throw new HttpError(
            401,
            'ingest_key_required',
            'Send an ingestion key in the X-Spark-Ingest-Key header (agent sessions cannot post telemetry).',
          );
        const key = await findIngestionKey(db, presented);
        if (!key) throw new HttpError(401, 'invalid_ingest_key', 'This ingestion key is unknown or revoked.');
        keys.set(request, key);
      },
    };
    const keyOf = (request: FastifyRequest): IngestionKey => {
      const key = keys.get(request);
      if (!key) throw new HttpError(401, 'ingest_key_required', 'No ingestion key.');
      return key;
    };

    scope.post('/api/intake/tickets', route, async (request, reply) => {
      const key = keyOf(request);
      const body = parseOr400(intakeTicketSchema, request.body, 'intake ticket');
      const extra = noRedactions();
      const subject = redactText(body.subject, extra);
      const message = redactText(body.message, extra);
      const prepared = prepareBundle(body.telemetry, 'app', extra);
      const now = options.now();
      const { ticket, meta } = await db.transaction(async (tx) => {
        const created = await createTicketFromIntake(tx, {
          workspaceId: key.workspaceId,
          subject,
          message,
          customer: body.customer,
          appUserId: body.telemetry.userId,
          appName: key.appName,
          now,
        });
        const written = await writeBundle(tx, {
          workspaceId: key.workspaceId,
          ticketId: created.id,
          prepared,
          latestVersion: key.latestVersion,
          now,
        });
        return { ticket: created, meta: written };
      });
      return reply.status(201).send(response(ticket, meta));
    });

    scope.post<{ Params: { ref: string } }>(
      '/api/intake/tickets/:ref/telemetry',
      route,
      async (request, reply) => {
        const key = keyOf(request);
        const parsed = parseRef(request.params.ref);
        if (!parsed)
          throw notFound(`"${request.params.ref.slice(0, 40)}" is not a ticket reference (e.g. SD-10234).`);
        const ref = `${parsed.prefix}-${parsed.number}`;
        const bundle = parseOr400(telemetryBundleSchema, request.body, 'bundle');
        const prepared = prepareBundle(bundle, 'app');
        const now = options.now();
        const result = await db.transaction(async (tx) => {
          const rows = await tx.query<{ id: string }>(
            `select id from entities where workspace_id = $1 and kind = 'ticket' and data->>'ref' = $2 and not deleted`,
            [key.workspaceId, ref],
          );
          const ticketId = rows[0]?.id;
          if (!ticketId) throw notFound(`No ticket ${ref} in this workspace.`);
          const meta = await writeBundle(tx, {
            workspaceId: key.workspaceId,
            ticketId,
            prepared,
            latestVersion: key.latestVersion,
            now,
          });
          return response({ id: ticketId, ref }, meta);
        });
        return reply.status(201).send(result);
      },
    );
  });
}
