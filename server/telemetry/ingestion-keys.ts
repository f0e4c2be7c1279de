/**
 * Per-app ingestion keys: what a customer's app (not an agent) presents to
 * post telemetry. Only a SHA-256 of the key is stored (the key is 256 random
 * bits, so a fast hash is enough; nothing to brute-force); the key itself is
 * shown once, when it is made. A key names its app and, optionally, the app's
 * latest released version, against which incoming bundles are flagged outdated.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';

/** Every key starts with this, so it is recognisable in a config file and never mistaken for a session token. */
export const INGEST_KEY_PREFIX = 'spk_ing_';

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export interface IngestionKey {
  id: string;
  workspaceId: string;
  appName: string;
  latestVersion: string | null;
  createdAt: number;
  revokedAt: number | null;
}

interface KeyRow {
  id: string;
  workspace_id: string;
  app_name: string;
  latest_version: string | null;
  created_at: number;
  revoked_at: number | null;
}
const toKey = (r: KeyRow): IngestionKey => ({
  id: r.id,
  workspaceId: r.workspace_id,
  appName: r.app_name,
  latestVersion: r.latest_version,
  createdAt: Number(r.created_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
});

export async function createIngestionKey(
  db: Queryable,
  input: {
    workspaceId: string;
    appName: string;
    latestVersion: string | null;
    createdBy: string | null;
    now: number;
  },
  key = `${INGEST_KEY_PREFIX}${randomBytes(32).toString('base64url')}`,
): Promise<{ key: string; record: IngestionKey }> {
  const id = `ik-${randomUUID()}`;
  const rows = await db.query<KeyRow>(
    `insert into ingestion_keys (id, workspace_id, app_name, key_hash, latest_version, created_at, created_by)
     values ($1, $2, $3, $4, $5, $6, $7)
     returning id, workspace_id, app_name, latest_version, created_at, revoked_at`,
    [id, input.workspaceId, input.appName, hashKey(key), input.latestVersion, input.now, input.createdBy],
  );
  const row = rows[0];
  if (!row) throw new Error('ingestion key insert returned nothing');
  return { key, record: toKey(row) };
}

/** The live (not revoked) key with this value, or null. */
export async function findIngestionKey(db: Queryable, key: string): Promise<IngestionKey | null> {
  if (!key.startsWith(INGEST_KEY_PREFIX) || key.length > 200) return null;
  const rows = await db.query<KeyRow>(
    `select id, workspace_id, app_name, latest_version, created_at, revoked_at
       from ingestion_keys where key_hash = $1 and revoked_at is null`,
    [hashKey(key)],
  );
  return rows[0] ? toKey(rows[0]) : null;
}

export async function listIngestionKeys(db: Queryable, workspaceId: string): Promise<IngestionKey[]> {
  const rows = await db.query<KeyRow>(
    `select id, workspace_id, app_name, latest_version, created_at, revoked_at
       from ingestion_keys where workspace_id = $1 order by created_at`,
    [workspaceId],
  );
  return rows.map(toKey);
}

export async function updateIngestionKey(
  db: Queryable,
  workspaceId: string,
  id: string,
  change: { latestVersion?: string | null; revokedAt?: number },
): Promise<IngestionKey | null> {
  const rows = await db.query<KeyRow>(
    `update ingestion_keys
        set latest_version = case when $3::boolean then $4 else latest_version end,
            revoked_at = coalesce(revoked_at, $5)
      where workspace_id = $1 and id = $2
      returning id, workspace_id, app_name, latest_version, created_at, revoked_at`,
    [
      workspaceId,
      id,
      change.latestVersion !== undefined,
      change.latestVersion ?? null,
      change.revokedAt ?? null,
    ],
  );
  return rows[0] ? toKey(rows[0]) : null;
}
