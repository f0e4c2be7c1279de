/** Telemetry on the server: intake for customer apps, bundles for agents, keys for admins. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database';
import { registerTelemetryAgentRoutes } from './agent-routes';
import { DEFAULT_INTAKE_RATE_LIMIT, registerIntakeRoutes, type IntakeOptions } from './intake-routes';

export interface TelemetryOptions {
  rateLimit?: IntakeOptions['rateLimit'];
}

export async function registerTelemetry(
  app: FastifyInstance,
  db: Db,
  now: () => number,
  options: TelemetryOptions = {},
): Promise<void> {
  await registerIntakeRoutes(app, db, { rateLimit: options.rateLimit ?? DEFAULT_INTAKE_RATE_LIMIT, now });
  registerTelemetryAgentRoutes(app, db, now);
}
