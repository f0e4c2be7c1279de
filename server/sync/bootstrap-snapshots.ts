/**
 * The life of the bootstrap snapshots (see bootstrap-snapshot.ts for what one
 * is and why serving it is correct), one per workspace in this process:
 *  - built in the background once the server listens, so start-up and
 *    requests never wait for it (until it is ready, pulls use the database);
 *  - rebuilt in the background when the changes since S exceed
 *    max(5,000, 10 % of its rows): every console bootstrapping after that
 *    would otherwise pull a growing delta from the database. Changes are
 *    noticed through the pokes (every writer notifies, in every process on
 *    the same PostgreSQL), checked at most once per `checkDelayMs`. The old
 *    snapshot keeps serving until the new one replaces it;
 *  - dropped when the workspace's head syncId is below S (the database was
 *    reset or reseeded under this process): checked before every snapshot
 *    page is served, and on each change check.
 */
import type { Db } from '../db/database';
import {
  buildSnapshot,
  CLIENT_PAGE_SIZE,
  rebuildThreshold,
  statusOf,
  workspaceHead,
  type BootstrapSnapshot,
  type SnapshotPage,
  type SnapshotStatus,
} from './bootstrap-snapshot';

export interface BootstrapSnapshotOptions {
  /** Must equal the console's pull page size, or no request will match a page. */
  pageSize?: number;
  /** How big a run of small pages served as one may grow (MERGED_PAGE_BYTES unless said). */
  mergedPageBytes?: number;
  /** Rebuild once more than max(rebuildMinChanges, rebuildFraction × rows) rows changed since S. */
  rebuildMinChanges?: number;
  rebuildFraction?: number;
  /** Changes are checked at most this often per workspace (pokes come once per write transaction). */
  checkDelayMs?: number;
  /** Called when a build is done, before it replaces the snapshot served (tests hold it here). */
  beforeSwap?: (workspaceId: string) => Promise<void>;
  now?: () => number;
}

export interface WorkspaceSnapshotStatus {
  /** The snapshot being served, if any. */
  snapshot: SnapshotStatus | null;
  building: boolean;
}

interface WorkspaceState {
  current: BootstrapSnapshot | null;
  building: Promise<void> | null;
  /** Changes arrived during a build: check again when it ends. */
  recheck: boolean;
  timer: NodeJS.Timeout | null;
}

export class BootstrapSnapshots {
  readonly pageSize: number;
  private readonly minChanges: number;
  private readonly fraction: number;
  private readonly checkDelayMs: number;
  private readonly states = new Map<string, WorkspaceState>();
  private started: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly options: BootstrapSnapshotOptions = {},
  ) {
    this.pageSize = options.pageSize ?? CLIENT_PAGE_SIZE;
    this.minChanges = options.rebuildMinChanges ?? 5_000;
    this.fraction = options.rebuildFraction ?? 0.1;
    this.checkDelayMs = options.checkDelayMs ?? 1_000;
  }

  /** Starts building a snapshot of every workspace, in the background. */
  start(): void {
    this.started = (async () => {
      const workspaces = await this.db.query<{ id: string }>('select id from workspaces order by id');
      for (const { id } of workspaces) this.build(id);
    })().catch((error: unknown) => this.warn('could not list the workspaces', error));
  }

  /**
   * Resolves when the workspace's snapshot build under way (if any) has ended:
   * the status of the snapshot served then, or null (none, or the build failed).
   */
  async ready(workspaceId: string): Promise<SnapshotStatus | null> {
    await this.started;
    const state = this.states.get(workspaceId);
    while (state?.building) await state.building;
    return state?.current ? statusOf(state.current) : null;
  }

  /** Resolves when every build under way has ended (for benchmarks: the snapshots exist). */
  async allReady(): Promise<void> {
    await this.started;
    await Promise.all([...this.states.keys()].map((id) => this.ready(id)));
  }

  status(workspaceId: string): WorkspaceSnapshotStatus {
    const state = this.states.get(workspaceId);
    return {
      snapshot: state?.current ? statusOf(state.current) : null,
      building: state?.building != null,
    };
  }

  /**
   * The snapshot page that answers a pull from `cursor` with `limit`, or
   * undefined (use the database). A page is served only while the database's
   * head is not below S: one primary-key read per page, which is what keeps a
   * reset or reseed database from being answered with rows it no longer has.
   */
  async page(workspaceId: string, cursor: number, limit: number): Promise<SnapshotPage | undefined> {
    const snapshot = this.states.get(workspaceId)?.current;
    if (!snapshot || limit !== snapshot.pageSize) return undefined;
    const page = snapshot.pages.get(cursor);
    if (!page) return undefined;
    const head = await workspaceHead(this.db, workspaceId);
    if (head === null || head < snapshot.syncId) {
      this.drop(workspaceId, snapshot);
      return undefined;
    }
    return page;
  }

  /** A change was committed in the workspace (a poke): check it soon, at most once per delay. */
  noteChange(workspaceId: string): void {
    if (this.closed) return;
    const state = this.stateOf(workspaceId);
    if (state.timer) return; // a check is due already; it will see this change too
    state.timer = setTimeout(() => {
      state.timer = null;
      this.check(workspaceId).catch((error: unknown) => this.warn('could not check for changes', error));
    }, this.checkDelayMs);
    state.timer.unref();
  }

  /** Stops timers and the build under way (it stops at its next page), and waits for it. */
  async close(): Promise<void> {
    this.closed = true;
    await this.started;
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    await Promise.all([...this.states.values()].map((s) => s.building));
  }

  /** Drop a snapshot the database no longer matches, and build one of what it holds now. */
  private drop(workspaceId: string, stale: BootstrapSnapshot): void {
    const state = this.stateOf(workspaceId);
    if (state.current !== stale) return;
    state.current = null;
    this.noteChange(workspaceId);
  }

  private async check(workspaceId: string): Promise<void> {
    const state = this.stateOf(workspaceId);
    if (this.closed) return;
    if (state.building) {
      state.recheck = true;
      return;
    }
    const head = await workspaceHead(this.db, workspaceId);
    if (head === null) return;
    const current = state.current;
    if (current && head < current.syncId) {
      this.drop(workspaceId, current);
      return;
    }
    const since = current?.syncId ?? 0;
    const threshold = rebuildThreshold(current?.rows ?? 0, this.minChanges, this.fraction);
    // head − S counts the syncIds taken since S: an upper bound on the rows changed, free to read.
    if (head - since <= threshold) return;
    // The rows changed, counted (a row written several times is one row in the delta); bounded.
    const counted = await this.db.query<{ n: number }>(
      `select count(*)::int as n from (select 1 from entities
        where workspace_id = $1 and sync_id > $2 limit $3) as changed`,
      [workspaceId, since, threshold + 1],
    );
    if (Number(counted[0]?.n ?? 0) > threshold) this.build(workspaceId);
  }

  private build(workspaceId: string): void {
    const state = this.stateOf(workspaceId);
    if (this.closed) return;
    if (state.building) {
      state.recheck = true;
      return;
    }
    state.building = this.buildAndSwap(workspaceId, state).finally(() => {
      state.building = null;
      if (state.recheck && !this.closed) {
        state.recheck = false;
        this.noteChange(workspaceId);
      }
    });
  }

  private async buildAndSwap(workspaceId: string, state: WorkspaceState): Promise<void> {
    try {
      const next = await buildSnapshot(this.db, workspaceId, {
        pageSize: this.pageSize,
        mergedPageBytes: this.options.mergedPageBytes,
        cancelled: () => this.closed,
        now: this.options.now,
      });
      if (!next || this.closed) return;
      await this.options.beforeSwap?.(workspaceId);
      // A reset during the build (or the wait above) would leave it ahead of the database.
      const head = await workspaceHead(this.db, workspaceId);
      if (head === null || head < next.syncId) return;
      state.current = next;
    } catch (error) {
      // Without a snapshot, pulls use the database: slower, never wrong.
      this.warn('build failed', error);
    }
  }

  private stateOf(workspaceId: string): WorkspaceState {
    let state = this.states.get(workspaceId);
    if (!state) {
      state = { current: null, building: null, recheck: false, timer: null };
      this.states.set(workspaceId, state);
    }
    return state;
  }

  private warn(what: string, error: unknown): void {
    if (this.closed) return; // the database closing under a check or a build is no news
    console.warn(`Bootstrap snapshot: ${what} (${error instanceof Error ? error.message : String(error)}).`);
  }
}
