/**
 * Reading and writing the server copy in Dexie. See db.ts for the layout
 * (bootstrap pages as chunks, later changes as rows, the newest syncId wins).
 */
import type { Change, PullPage } from './api-client';
import type { SparkDb } from './db';
import { applyChanges, emptyWorkspace, type WorkspaceData } from './workspace-store';

/** Pages this large are bootstrap-like: one chunk row instead of one row per entity. */
const CHUNK_THRESHOLD = 200;

const keyOf = (c: Change) => `${c.kind}:${c.id}`;

function keepNewest(latest: Map<string, Change>, change: Change): void {
  const key = keyOf(change);
  const seen = latest.get(key);
  if (!seen || seen.syncId < change.syncId) latest.set(key, change);
}

export interface LoadedState {
  data: WorkspaceData;
  /** Highest syncId held locally, and the last chunk id read: where a follower window continues from. */
  seenSyncId: number;
  lastChunkId: number;
}

export async function loadServerState(db: SparkDb): Promise<LoadedState> {
  const [chunks, rows, cursorRow] = await db.transaction('r', db.chunks, db.rows, db.meta, () =>
    Promise.all([db.chunks.toArray(), db.rows.toArray(), db.meta.get('cursor')]),
  );
  const latest = new Map<string, Change>();
  let lastChunkId = 0;
  for (const chunk of chunks) {
    lastChunkId = Math.max(lastChunkId, chunk.id ?? 0);
    for (const change of chunk.changes) keepNewest(latest, change);
  }
  for (const row of rows) keepNewest(latest, row.change);
  const data = emptyWorkspace();
  applyChanges(
    data,
    [...latest.values()].sort((a, b) => a.syncId - b.syncId),
  );
  data.cursor = Number(cursorRow?.value ?? data.cursor);
  return { data, seenSyncId: data.cursor, lastChunkId };
}

/** Changes written since a follower window last looked (the sync-owning window writes them). */
export async function readNewer(
  db: SparkDb,
  seenSyncId: number,
  lastChunkId: number,
): Promise<{ changes: Change[]; lastChunkId: number }> {
  const [chunks, rows] = await db.transaction('r', db.chunks, db.rows, () =>
    Promise.all([
      db.chunks.where(':id').above(lastChunkId).toArray(),
      db.rows.where('syncId').above(seenSyncId).toArray(),
    ]),
  );
  const latest = new Map<string, Change>();
  for (const chunk of chunks) for (const c of chunk.changes) if (c.syncId > seenSyncId) keepNewest(latest, c);
  for (const row of rows) keepNewest(latest, row.change);
  return {
    changes: [...latest.values()].sort((a, b) => a.syncId - b.syncId),
    lastChunkId: chunks.reduce((max, c) => Math.max(max, c.id ?? 0), lastChunkId),
  };
}

/** Persists one pulled page and the new cursor in one transaction. */
export async function storePage(db: SparkDb, page: PullPage): Promise<void> {
  await db.transaction('rw', db.chunks, db.rows, db.meta, async () => {
    if (page.changes.length >= CHUNK_THRESHOLD) await db.chunks.add({ changes: page.changes });
    else if (page.changes.length > 0) {
      await db.rows.bulkPut(
        page.changes.map((change) => ({ key: keyOf(change), syncId: change.syncId, change })),
      );
    }
    await db.meta.put({ key: 'cursor', value: page.cursor });
  });
}
