/**
 * Loads the demo workspace into an empty database, so a fresh `npm start`
 * opens on real-looking data. Never touches a database that has a workspace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SOURCE_FILES, demoSourcesSchema, generateWorkspace, type DemoSources } from '../../core/demo';
import type { Db } from '../db/database';
import { upsertEntities, type EntityRow } from '../db/entities';
import { hashPassword } from '../auth/passwords';
import { findUp } from '../paths';
import { DEFAULT_ROUTING_RULES, ROUTING_RULES_ID } from '../../core/routing';

/** Every demo user signs in with this password (named in the README). */
export const DEMO_PASSWORD = 'spark-demo';
export const DEMO_SEED = 2026;

export function loadDemoSources(): DemoSources {
  const dir = findUp('resources/demo', process.env.SPARK_DEMO_DIR);
  if (!dir)
    throw new Error('resources/demo not found: the demo workspace sources are missing from this build.');
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return demoSourcesSchema.parse({
    bitext: read(DEMO_SOURCE_FILES.bitext),
    abcd: read(DEMO_SOURCE_FILES.abcd),
  });
}

export interface SeedOptions {
  tickets: number;
  now: number;
  seed?: number;
  /** Days of history; default from the size (see historyDays). */
  days?: number;
}

/**
 * About 100 tickets a day, within 7–90 days of history. Open tickets are roughly
 * the last day's arrivals, so this keeps a real working backlog in the queue
 * at any size, instead of a small demo spreading thin over 90 days.
 */
export function historyDays(tickets: number): number {
  return Math.min(90, Math.max(7, Math.round(tickets / 100)));
}

export async function seedDemoIfEmpty(db: Db, options: SeedOptions): Promise<boolean> {
  const existing = await db.query('select 1 from workspaces limit 1');
  if (existing.length > 0) return false;
  const demo = generateWorkspace({
    seed: options.seed ?? DEMO_SEED,
    tickets: options.tickets,
    now: options.now,
    days: options.days ?? historyDays(options.tickets),
    sources: loadDemoSources(),
  });
  const hashes = await Promise.all(demo.users.map(() => hashPassword(DEMO_PASSWORD)));

  await db.transaction(async (tx) => {
    // Another process may have seeded between the check and here: the advisory lock plus a re-check makes seeding happen once.
    await tx.query('select pg_advisory_xact_lock(7312)');
    if ((await tx.query('select 1 from workspaces limit 1')).length > 0) return;
    const ws = demo.workspace;
    await tx.query(
      'insert into workspaces (id, name, ref_prefix, next_ticket_number, created_at) values ($1, $2, $3, $4, $5)',
      [ws.id, ws.name, ws.refPrefix, 10001 + demo.tickets.length, options.now],
    );
    for (const [i, user] of demo.users.entries()) {
      await tx.query(
        'insert into users (id, workspace_id, email, name, role, password_hash, data) values ($1, $2, $3, $4, $5, $6, $7)',
        [user.id, ws.id, user.email.toLowerCase(), user.name, user.role, hashes[i], JSON.stringify(user)],
      );
    }
    const rows: EntityRow[] = [
      ...demo.users.map((data) => ({ kind: 'user', id: data.id, data: { ...data } })),
      ...demo.squads.map((data) => ({ kind: 'squad', id: data.id, data: { ...data } })),
      // The default routing rules, so the settings screen shows what routing uses.
      {
        kind: 'routing_rules',
        id: ROUTING_RULES_ID,
        data: { ...DEFAULT_ROUTING_RULES, id: ROUTING_RULES_ID, updatedBy: 'system', updatedAt: options.now },
      },
      ...demo.customers.map((data) => ({ kind: 'customer', id: data.id, data: { ...data } })),
      ...demo.kbArticles.map((data) => ({ kind: 'kb_article', id: data.id, data: { ...data } })),
      ...demo.macros.map((data) => ({ kind: 'macro', id: data.id, data: { ...data } })),
      ...demo.tickets.map((data) => ({ kind: 'ticket', id: data.id, data: { ...data } })),
      ...demo.messages.map((data) => ({ kind: 'message', id: data.id, data: { ...data } })),
      ...demo.contacts.map((data) => ({ kind: 'contact', id: data.id, data: { ...data } })),
    ];
    await upsertEntities(tx, ws.id, rows);
  });
  // Fresh statistics after a bulk load: without them the planner sorts every remaining
  // row for each pull page instead of walking the syncId index (quadratic bootstrap).
  await db.query('analyze entities');
  return true;
}
