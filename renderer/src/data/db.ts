/**
 * The one local database (Dexie over IndexedDB), one per workspace and user so
 * that two agents sharing a workstation never share an outbox.
 *
 * Layout for speed: IndexedDB cost grows with the number of rows written, so a
 * bootstrap stores each pulled page as ONE `workingParts` row (100k tickets ≈ a
 * hundred writes), its messages as one `threadParts` row (read right after the
 * queue is on screen: the queue shows none), and its archive part (done tickets,
 * contact records: most of a mature workspace, and not what an agent starts on)
 * as one `archiveParts` row, read after that. Later changes go to `rows`, one per
 * entity, and win over the pages' copies by syncId. The three page tables have
 * outbound keys: with a key path, Chromium clones every value it stores (it reads
 * the key from the clone), which was 2.8 s of a 100k bootstrap (bench: full bootstrap). The outbox and conflicts are separate tables that a
 * re-bootstrap never touches. Closed tickets' threads are not in the feed: the
 * ones an agent opened are kept in `threads`, read only when opened again.
 */
import Dexie, { type Table } from 'dexie';
import type { Change } from './api-client';
import type { Conflict, OutboxEntry } from './types';

export interface MetaRow {
  key: 'cursor' | 'clientId' | 'nextSeq';
  value: string | number;
}
/**
 * One part of a pulled page (its key is outbound: see above): its changes, or,
 * for an archive part stored from a snapshot page's archived run, their JSON as
 * the server sent it (`{…},{…}`, UTF-8; core/sync/archive-span.ts), parsed
 * when read (`partChanges` in local-store.ts).
 */
export type PartRow =
  | { changes: Change[] }
  /**
   * The run's JSON, or its compressed segment as the server sent it (`deflated`,
   * core/sync/deflated-runs.ts). `contacts`: a page's unparsed run (contact records,
   * done tickets' details: core/sync/ticket-detail.ts), which the console's own start
   * skips (`loadDeferred`); where each is, `unparsedRuns` says.
   */
  | (RunBytes & { contacts?: true });
/** A run's bytes: its JSON, or its compressed segment as the server sent it (core/sync/deflated-runs.ts). */
export type RunBytes = { json: Uint8Array } | { deflated: Uint8Array };
/** A page part as stored before v5 (key inbound). */
interface OldChunkRow {
  id: number;
  changes: Change[];
}
/**
 * Where a page's unparsed run is stored: the page's cursor and the `archiveParts` row, so
 * that the run holding a done ticket's detail (that of the first page ending at or after
 * its syncId) is read alone. Found by reading every archive row instead, a 100k workspace's
 * last page took 240–290 ms to reach (52 rows, 19.5 MB), at each opening of a done ticket.
 */
export interface UnparsedRunRow {
  upTo: number;
  partId: number;
}
export interface EntityRow {
  /** `${kind}:${id}` */
  key: string;
  syncId: number;
  change: Change;
}

/** A closed ticket's thread, fetched when an agent opened it (the feed leaves these out). */
export interface ThreadRow {
  ticketId: string;
  changes: Change[];
  fetchedAt: number;
}

/** Versions 1–4 of the layout, in order: installed databases were built from them, so they never change (db.test.ts builds one as they left it). */
export const LAYOUT_BEFORE_V5: readonly Record<string, string>[] = [
  { meta: 'key', chunks: '++id', rows: 'key, syncId', outbox: 'seq, status', conflicts: 'mid' },
  // v2: archived threads kept for offline reading once opened (nothing to migrate).
  { threads: 'ticketId, fetchedAt' },
  // v3: bootstrap pages' archive part (closed tickets, contact records), read after the first render.
  { archive: '++id' },
  // v4: bootstrap pages' messages (threads of tickets not closed), read right after the first
  // render (nothing to migrate: pages stored before keep their messages in `chunks`).
  { threadChunks: '++id' },
];

export class SparkDb extends Dexie {
  meta!: Table<MetaRow, string>;
  rows!: Table<EntityRow, string>;
  outbox!: Table<OutboxEntry, number>;
  conflicts!: Table<Conflict, string>;
  threads!: Table<ThreadRow, string>;
  workingParts!: Table<PartRow, number>;
  threadParts!: Table<PartRow, number>;
  archiveParts!: Table<PartRow, number>;
  unparsedRuns!: Table<UnparsedRunRow, number>;

  constructor(name: string) {
    super(name);
    LAYOUT_BEFORE_V5.forEach((stores, i) => this.version(i + 1).stores(stores));
    // v5: the page tables again with outbound keys (see above); an existing copy is moved
    // over in its order, so an agent who updates offline keeps everything. v6 drops the old ones.
    this.version(5)
      .stores({ workingParts: '++', threadParts: '++', archiveParts: '++' })
      .upgrade(async (tx) => {
        for (const [from, to] of [
          ['chunks', 'workingParts'],
          ['threadChunks', 'threadParts'],
          ['archive', 'archiveParts'],
        ] as const) {
          const old = tx.table<OldChunkRow, number>(from);
          for (const id of await old.toCollection().primaryKeys()) {
            const row = await old.get(id);
            if (row) await tx.table<PartRow, number>(to).add({ changes: row.changes });
          }
        }
      });
    this.version(6).stores({ chunks: null, threadChunks: null, archive: null });
    // v7: where each page's unparsed run is (nothing to migrate: runs stored before hold no details).
    this.version(7).stores({ unparsedRuns: 'upTo' });
  }
}

export const databaseName = (workspaceId: string, userId: string) => `spark-console:${workspaceId}:${userId}`;

export async function readMeta<T extends string | number>(
  db: SparkDb,
  key: MetaRow['key'],
  fallback: T,
): Promise<T> {
  const row = await db.meta.get(key);
  return (row?.value as T | undefined) ?? fallback;
}

/** Drops the server copy (for a reset); the outbox and conflicts stay. */
export async function clearServerState(db: SparkDb): Promise<void> {
  await db.transaction(
    'rw',
    [db.workingParts, db.threadParts, db.archiveParts, db.unparsedRuns, db.rows, db.meta, db.threads],
    async () => {
      await db.workingParts.clear();
      await db.threadParts.clear();
      await db.archiveParts.clear();
      await db.unparsedRuns.clear();
      await db.rows.clear();
      await db.threads.clear();
      await db.meta.put({ key: 'cursor', value: 0 });
    },
  );
}
