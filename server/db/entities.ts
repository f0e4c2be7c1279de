/**
 * Writes to the synced `entities` table. Every write takes syncIds from the
 * workspace's counter row inside the caller's transaction (see migrations.ts).
 */
import type { Queryable } from './database';

export interface EntityRow {
  kind: string;
  id: string;
  data: { id: string } & Record<string, unknown>;
  /** Write a tombstone: pull hands the row out with `deleted: true`. */
  deleted?: boolean;
}

/** Reserves `count` consecutive syncIds and returns the first one. */
export async function reserveSyncIds(tx: Queryable, workspaceId: string, count: number): Promise<number> {
  const rows = await tx.query<{ sync_id: number }>(
    'update workspaces set sync_id = sync_id + $2 where id = $1 returning sync_id',
    [workspaceId, count],
  );
  const last = rows[0];
  if (!last) throw new Error(`unknown workspace ${workspaceId}`);
  return Number(last.sync_id) - count + 1;
}

const CHUNK = 2_000;

/**
 * Inserts or replaces rows in bulk: one statement per chunk with the rows as one
 * JSON parameter, which is far cheaper than one statement per row. Returns the
 * last syncId used (0 when there was nothing to write).
 */
export async function upsertEntities(
  tx: Queryable,
  workspaceId: string,
  rows: readonly EntityRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  let syncId = await reserveSyncIds(tx, workspaceId, rows.length);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.query(
      `insert into entities (workspace_id, kind, id, sync_id, data, deleted)
       select $1, r->>'kind', r->>'id', $2::bigint + ord - 1, r->'data', coalesce((r->>'deleted')::boolean, false)
         from jsonb_array_elements($3::jsonb) with ordinality as t(r, ord)
       on conflict (workspace_id, kind, id)
       do update set data = excluded.data, sync_id = excluded.sync_id, deleted = excluded.deleted`,
      [workspaceId, syncId, JSON.stringify(chunk)],
    );
    syncId += chunk.length;
  }
  return syncId - 1;
}
