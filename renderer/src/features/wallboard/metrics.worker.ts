/**
 * The wallboard's metrics engine in a Web Worker, so a recompute over 100k
 * tickets and a million contacts never holds up the wall screen's UI thread.
 *
 * It reads the local IndexedDB store itself rather than being fed rows by the
 * main thread: posting the whole workspace across (structured clone of 1M
 * records) would freeze the UI exactly when the board opens, and finding the
 * changed rows in the main thread's snapshot is O(n) per change. Here the main
 * thread only says "the cursor moved" and the worker reads what is newer, the
 * way a follower window does (local-store.ts `readNewer`). It shows the
 * server-confirmed figures: a supervisor's own unsent edits are not in them
 * until they sync (the wallboard does not edit tickets).
 */
import * as Comlink from 'comlink';
import {
  feedChanges,
  WallboardEngine,
  type BoardModel,
  type BoardQuery,
} from '../../../../core/metrics/board';
import type { SquadName } from '../../../../core/metrics/board';
import { readMeta, SparkDb } from '../../data/db';
import { NOTHING_SEEN, readNewer, type Seen } from '../../data/local-store';

export interface WorkerBoard extends BoardModel {
  squads: SquadName[];
  /** The local store's cursor the figures include. */
  cursor: number;
  /** How long the recompute took in the worker, ms. */
  computeMs: number;
}

let db: SparkDb | null = null;
let engine = new WallboardEngine();
const squads = new Map<string, string>();
let seen: Seen = { ...NOTHING_SEEN };
let queue: Promise<unknown> = Promise.resolve();

/** Runs one step at a time: a refresh and a compute never interleave. */
function serial<T>(step: () => Promise<T> | T): Promise<T> {
  const next = queue.then(step, step);
  queue = next.catch(() => undefined);
  return next;
}

async function catchUp(): Promise<void> {
  if (!db) throw new Error('the wallboard worker has no database open');
  const cursor = Number(await readMeta<number>(db, 'cursor', 0));
  if (cursor < seen.syncId) {
    // The store was reset (re-bootstrap): start over rather than mix two versions of the workspace.
    engine = new WallboardEngine();
    squads.clear();
    seen = { ...NOTHING_SEEN };
  }
  const { changes, seen: read } = await readNewer(db, seen);
  for (const s of feedChanges(engine, changes)) squads.set(s.id, s.name);
  const last = changes.at(-1);
  seen = { ...read, syncId: Math.max(read.syncId, cursor, last?.syncId ?? 0) };
}

const api = {
  open(dbName: string): Promise<void> {
    return serial(async () => {
      db?.close();
      db = new SparkDb(dbName);
      await db.open();
      engine = new WallboardEngine();
      squads.clear();
      seen = { ...NOTHING_SEEN };
      await catchUp();
    });
  },
  /** The store moved on (a pulled page, a follower's refresh): read what is newer. */
  refresh(): Promise<void> {
    return serial(catchUp);
  },
  compute(query: BoardQuery): Promise<WorkerBoard> {
    return serial(() => {
      const start = performance.now();
      const model = engine.compute(query);
      const list = [...squads]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name));
      return { ...model, squads: list, cursor: seen.syncId, computeMs: performance.now() - start };
    });
  },
};

export type MetricsWorkerApi = typeof api;
Comlink.expose(api);
