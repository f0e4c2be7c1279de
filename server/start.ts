/**
 * Starts a server: open the database, migrate, seed the demo workspace when the
 * database is empty, and listen. Used by the CLI (server/main.ts), by the
 * Electron main process (embedded server) and by integration tests.
 */
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Db } from './db/database';
import { migrate } from './db/migrations';
import { tokenSecret } from './db/settings';
import { seedDemoIfEmpty } from './demo/seed';
import { seedDemoTelemetry } from './telemetry/demo';
import { buildApp } from './http/app';
import { BootstrapSnapshots, type BootstrapSnapshotOptions } from './sync/bootstrap-snapshots';
import type { TelemetryOptions } from './telemetry';

export interface ServerOptions {
  port?: number;
  host?: string;
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Size of the demo workspace to create in an empty database; 0 = none. */
  demoTickets?: number;
  webRoot?: string | undefined;
  tokenTtlMs?: number;
  now?: () => number;
  logger?: boolean;
  telemetry?: TelemetryOptions;
  /**
   * Serve a fresh console's bootstrap from an in-memory snapshot (see
   * server/sync/bootstrap-snapshot.ts); on by default, false turns it off
   * (tests of the database path).
   */
  bootstrapSnapshots?: false | BootstrapSnapshotOptions;
}

export interface RunningServer {
  url: string;
  db: Db;
  app: FastifyInstance;
  /** null when turned off; `ready(workspaceId)` / `allReady()` wait for the builds. */
  bootstrapSnapshots: BootstrapSnapshots | null;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    await migrate(db);
    const seeded =
      options.demoTickets !== undefined &&
      options.demoTickets > 0 &&
      (await seedDemoIfEmpty(db, { tickets: options.demoTickets, now: (options.now ?? Date.now)() }));
    // PGlite has no autovacuum to keep planner statistics current: refresh them once at
    // start for an existing database (it samples, so it stays cheap); a fresh seed already did.
    if (!seeded) await db.query('analyze entities');
    // The demo's telemetry (an ingestion key and a few bundles) comes with the demo workspace.
    if (seeded) await seedDemoTelemetry(db, (options.now ?? Date.now)());
    const snapshots =
      options.bootstrapSnapshots === false ? null : new BootstrapSnapshots(db, options.bootstrapSnapshots);
    const app = await buildApp({
      db,
      tokenSecret: await tokenSecret(db),
      tokenTtlMs: options.tokenTtlMs,
      webRoot: options.webRoot,
      now: options.now,
      logger: options.logger,
      telemetry: options.telemetry,
      bootstrapSnapshots: snapshots,
    });
    const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    // In the background: until a snapshot is ready, pulls read the database as before.
    snapshots?.start();
    return {
      url: address,
      db,
      app,
      bootstrapSnapshots: snapshots,
      async close() {
        await app.close();
        await snapshots?.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
