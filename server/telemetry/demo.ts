/**
 * The demo workspace's telemetry: an ingestion key for the demo app with a
 * known value (documented in the README, like the demo password; demo
 * databases only), and bundles on a handful of open demo tickets so the
 * viewer has something to show. They go through the same redaction and
 * storage as a real intake.
 */
import { DEMO_AGENT_ID } from '../../core/demo';
import { DEMO_APP, demoBundle, telemetryBundleSchema } from '../../core/telemetry';
import type { Db } from '../db/database';
import { createIngestionKey, hashKey } from './ingestion-keys';
import { demoScreenshotPng } from './demo-screenshot';
import { prepareBundle, writeBundle } from './store-bundle';

export const DEMO_INGEST_KEY = 'spk_ing_demo-spark-driver-key';
const DEMO_BUNDLES = 6;

export async function seedDemoTelemetry(db: Db, now: number): Promise<number> {
  const workspace = (
    await db.query<{ id: string }>('select id from workspaces order by created_at limit 1')
  )[0];
  if (!workspace) return 0;
  const screenshot = demoScreenshotPng().toString('base64');
  return db.transaction(async (tx) => {
    // Several processes may start together on one new database: the lock and the check make it happen once.
    await tx.query('select pg_advisory_xact_lock(7313)');
    if (
      (await tx.query('select 1 from ingestion_keys where key_hash = $1', [hashKey(DEMO_INGEST_KEY)]))
        .length > 0
    )
      return 0;
    await createIngestionKey(
      tx,
      {
        workspaceId: workspace.id,
        appName: DEMO_APP.name,
        latestVersion: DEMO_APP.latestVersion,
        createdBy: null,
        now,
      },
      DEMO_INGEST_KEY,
    );
    // Open tickets first, the demo agent's own before others, so signing in as her shows telemetry
    // in her queue; then the most recent ones (a small demo has few open tickets).
    const tickets = await tx.query<{ id: string; created_at: string }>(
      `select id, data->>'createdAt' as created_at from entities
        where workspace_id = $1 and kind = 'ticket'
        order by (data->>'state' not in ('resolved', 'verified', 'closed')) desc,
                 (data->>'assigneeId' = $2) desc nulls last, (data->>'createdAt')::bigint desc
        limit $3`,
      [workspace.id, DEMO_AGENT_ID, DEMO_BUNDLES],
    );
    for (const [i, t] of tickets.entries()) {
      const input = demoBundle(
        i,
        Number(t.created_at),
        `${t.id}:telemetry`,
        i % 2 === 0 ? screenshot : undefined,
      );
      const prepared = prepareBundle(telemetryBundleSchema.parse(input), 'app');
      await writeBundle(tx, {
        workspaceId: workspace.id,
        ticketId: t.id,
        prepared,
        latestVersion: DEMO_APP.latestVersion,
        now: Math.min(now, Number(t.created_at) + 1_000),
      });
    }
    return tickets.length;
  });
}
