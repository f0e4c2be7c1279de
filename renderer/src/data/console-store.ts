/**
 * The console's local store: the server copy and the outbox in Dexie, the
 * optimistic view in memory, and — in the one window that holds the sync lock
 * (Web Locks) — the sync engine. Other windows follow the database.
 */
import Dexie, { liveQuery } from 'dexie';
import { checkMutation, isSlim, isUnparsedChange } from '../../../core/sync';
import type { MutationArgs, MutationBase, MutationName, MutationResult } from '../../../core/sync';
import {
  beatPresence,
  myQueue,
  feedRows,
  type PresenceOther,
  type PullPage,
  type Session,
} from './api-client';
import { ArchivedThreads } from './archived-threads';
import { clearServerState, databaseName, readMeta, SparkDb } from './db';
import {
  keyOf,
  loadDeferred,
  loadServerState,
  NOTHING_SEEN,
  readNewer,
  readTicketDetail,
  type Seen,
} from './local-store';
import { overlay, type Role } from './overlay';
import { warmInflater } from './inflate-off-thread';
import { BootstrapPacer } from './bootstrap-pacer';
import { PageWriter } from './page-writer';
import { SyncEngine } from './sync-engine';
import type { TriageModel } from '../../../core/triage';
import { loadLocalTriageModel } from '../features/triage/local-triage';
import type { Conflict, ConsoleSnapshot, ConsoleStore, OutboxEntry, QueuedChange, SyncStatus } from './types';
import { applyChanges, emptyWorkspace, nothingOwned, type WorkspaceData } from './workspace-store';

/** Whether two server copies differ in their cursor at most (each field the same object). */
function sameButCursor(a: WorkspaceData, b: WorkspaceData): boolean {
  for (const key of Object.keys(a) as (keyof WorkspaceData)[])
    if (key !== 'cursor' && a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

export class LocalConsoleStore implements ConsoleStore {
  private listeners = new Set<() => void>();
  private outbox: OutboxEntry[] = [];
  private conflicts: Conflict[] = [];
  private status: SyncStatus = {
    online: navigator.onLine,
    syncing: false,
    pending: 0,
    conflicts: 0,
    failed: 0,
    lastSyncedAt: null,
    needsSignIn: false,
    error: null,
    bootstrapping: null,
    loadingThreads: false,
    loadingHistory: false,
  };
  private snapshot!: ConsoleSnapshot;
  private engine: SyncEngine | null = null;
  private readonly abort = new AbortController();
  private owner = false;
  /** Closed tickets' threads, read when opened (the feed leaves them out). */
  readonly threads: ArchivedThreads;
  /** The next outbox seq as this window last saw it (checked in the transaction that uses it); null: read it. */
  private nextSeqHint: number | null = null;
  /** Changes shown while their outbox transaction runs (enqueueAll); kept ones are in `outbox`. */
  private readonly unsaved = new Set<readonly OutboxEntry[]>();
  /** The cursor followed for a window that does not own sync (`follow`); dropped once this one owns it. */
  private followedCursor: { unsubscribe(): void } | null = null;
  /**
   * A fresh console's own queue (showMyQueueFirst), asked for as the store opens: before
   * the first render and the sync lock, which came 0.2–0.3 s later (bench: full bootstrap,
   * TRACE_TASKS=1). A window that does not get the lock leaves it unused.
   */
  private myQueueAsked: ReturnType<typeof myQueue> | null = null;
  /** For tickets logged here before the server has them (loaded lazily, kept for offline use). */
  private triageModel: TriageModel | null = null;

  private constructor(
    private readonly db: SparkDb,
    private session: Session,
    private readonly clientId: string,
    private server: WorkspaceData,
    private seen: Seen,
    /** syncIds of what is applied, kept while the archive is still loading (see local-store.ts). */
    private applied: Map<string, number> | null,
  ) {
    this.threads = new ArchivedThreads(db, () => this.session.token);
    this.writer = new PageWriter(db);
  }

  static async open(session: Session): Promise<LocalConsoleStore> {
    const db = new SparkDb(databaseName(session.user.workspaceId, session.user.id));
    await db.open();
    let clientId = await readMeta<string>(db, 'clientId', '');
    if (!clientId) {
      clientId = crypto.randomUUID();
      await db.meta.put({ key: 'clientId', value: clientId });
    }
    const loaded = await loadServerState(db);
    const mine = loaded.data.cursor === 0 ? myQueue(session.token) : null;
    mine?.catch(() => undefined); // awaited by showMyQueueFirst, which reports nothing of it
    const threads = loaded.seen.threadsId > 0;
    const history = loaded.seen.archiveId > 0;
    const store = new LocalConsoleStore(
      db,
      session,
      clientId,
      loaded.data,
      loaded.seen,
      threads || history ? loaded.applied : null,
    );
    store.outbox = await db.outbox.orderBy('seq').toArray();
    // So that even the first change shows at once (enqueueAll); checked when it is kept.
    store.nextSeqHint = await readMeta<number>(db, 'nextSeq', 1);
    store.conflicts = await db.conflicts.toArray();
    store.myQueueAsked = mine;
    if (loaded.data.cursor === 0) {
      store.status.bootstrapping = { loaded: 0 };
      // A bootstrap is coming: its first page is not kept waiting for the workers to load.
      store.writer.warm();
      warmInflater();
    }
    store.status.loadingThreads = threads;
    store.status.loadingHistory = threads || history;
    store.recompute();
    if (threads || history) void store.loadHistory(loaded.seen);
    void loadLocalTriageModel().then((model) => {
      store.triageModel = model;
      store.view = null; // provisional tickets logged here can now be triaged: lay the outbox over again
      store.recompute();
    });
    store.follow();
    store.startSync();
    return store;
  }

  getSnapshot = (): ConsoleSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async mutate<N extends MutationName>(name: N, args: MutationArgs<N>, base: MutationBase): Promise<void> {
    await this.enqueue(name, args, base);
  }

  /** Several changes as one step (bulk actions): one outbox transaction, one new snapshot. */
  async mutateMany(changes: readonly QueuedChange[]): Promise<void> {
    if (changes.length > 0) await this.enqueueAll(changes);
  }

  async keepMine(conflict: Conflict): Promise<void> {
    // Re-issue my change based on what the server has now: it then applies over theirs.
    const base: Record<string, unknown> = { ...conflict.base };
    for (const c of conflict.conflicts) base[c.field] = c.theirs;
    await this.db.transaction('rw', this.db.conflicts, this.db.outbox, this.db.meta, async () => {
      await this.db.conflicts.delete(conflict.mid);
      await this.enqueue(conflict.name, conflict.args, base as MutationBase);
    });
    await this.refreshQueues();
  }

  async acceptTheirs(conflict: Conflict): Promise<void> {
    await this.db.conflicts.delete(conflict.mid);
    await this.refreshQueues();
  }

  async retryFailed(entry: OutboxEntry, args?: unknown): Promise<void> {
    await this.db.transaction('rw', this.db.outbox, this.db.meta, async () => {
      await this.db.outbox.delete(entry.seq);
      await this.enqueue(entry.name, args ?? entry.args, entry.base);
    });
    await this.refreshQueues();
  }

  async discardFailed(entry: OutboxEntry): Promise<void> {
    await this.db.outbox.delete(entry.seq);
    await this.refreshQueues();
  }

  syncNow(): void {
    this.engine?.trigger();
  }

  /** Presence heartbeat for the open ticket (null: none open); who else is there. Empty when offline. */
  async presence(ticketId: string | null, activity: 'viewing' | 'replying'): Promise<PresenceOther[]> {
    if (!this.status.online || this.status.needsSignIn) return [];
    try {
      return (await beatPresence(this.session.token, ticketId, activity)).others;
    } catch {
      return []; // presence is a nicety: never an error in the agent's face
    }
  }

  /** After the agent signed in again: new token, same outbox, sync resumes. */
  signedInAgain(session: Session): void {
    this.session = session;
    this.engine?.resume();
  }

  close(): void {
    this.abort.abort();
    this.writer.dispose();
    this.db.close();
  }

  // --- internals -------------------------------------------------------------------------------------

  /** Writes the entry and the next seq in one transaction (seq is unique across windows), then shows it. */
  private async enqueue(name: MutationName, args: unknown, base: MutationBase): Promise<void> {
    await this.enqueueAll([{ name, args, base }]);
  }

  /** All or nothing: every change is checked first, then all are kept in one transaction. */
  private async enqueueAll(items: readonly QueuedChange[]): Promise<void> {
    // Never queue what the server would refuse as malformed: it would block the outbox behind it.
    for (const { name, args } of items) {
      const problem = checkMutation(name, args);
      if (problem) {
        this.setStatus({ error: `This change could not be made: ${problem.reason}` });
        throw new Error(problem.reason);
      }
    }
    const at = Date.now();
    const entriesFrom = (first: number) =>
      items.map(
        ({ name, args, base }, i) =>
          ({
            seq: first + i,
            mid: `${this.clientId}:${first + i}`,
            name,
            args,
            base,
            at,
            status: 'pending',
          }) as OutboxEntry,
      );
    /**
     * The entries and the next seq in one transaction. With `hint` (the next seq as this
     * window last knew it) they are written at once, in the same round trip to the
     * database as the read that checks the hint. A hint another window has taken since
     * fails the transaction, which is then undone and made again at the seq it reads.
     */
    const keep = (hint: number | null) =>
      this.db.transaction('rw', this.db.outbox, this.db.meta, async () => {
        const read = readMeta<number>(this.db, 'nextSeq', 1);
        const list = entriesFrom(hint ?? (await read));
        const [stored] = await Promise.all([
          read,
          this.db.outbox.bulkAdd(list),
          this.db.meta.put({ key: 'nextSeq', value: (list.at(-1)?.seq ?? 0) + 1 }),
        ]);
        if (hint !== null && stored !== hint) throw new Error('the next outbox seq was taken');
        return list;
      });
    // Not inside another transaction (keep mine, retry a draft): undoing would undo that too.
    const hint = Dexie.currentTransaction ? null : this.nextSeqHint;
    /**
     * Optimistic: with a hint the change shows at once, at the seqs it will most likely
     * be kept at, while the transaction runs (a round trip to the database is several
     * milliseconds, more when the disk is busy; bench: optimistic change ≤ 16 ms p99).
     * The caller's promise still settles only once the change is kept, so a composer
     * clears its draft only then; if it cannot be kept, the change leaves the screen
     * again and the agent is told (nothing is lost: the draft is still there).
     */
    const shown = hint === null ? null : entriesFrom(hint);
    if (shown) {
      this.nextSeqHint = (shown.at(-1)?.seq ?? 0) + 1; // a second change before this one is kept goes after it
      this.unsaved.add(shown);
      this.recompute();
    }
    let entries: OutboxEntry[];
    try {
      try {
        entries = await keep(hint);
      } catch (error) {
        if (hint === null) throw error;
        entries = await keep(null); // at the seq read this time
      }
    } catch (error) {
      // Disk full, quota, a closed database: the change was NOT kept, and the agent must know.
      if (shown) this.unsaved.delete(shown);
      this.nextSeqHint = null;
      const message = `Could not save your change on this computer: ${(error as Error).message}`;
      this.setStatus({ error: message });
      throw new Error(message, { cause: error }); // what the form that made the change shows
    }
    if (shown) this.unsaved.delete(shown);
    if (!shown || entries[0]?.seq !== shown[0]?.seq) this.nextSeqHint = (entries.at(-1)?.seq ?? 0) + 1;
    const added = new Set(entries.map((e) => e.seq));
    this.outbox = [...this.outbox.filter((e) => !added.has(e.seq)), ...entries].sort((a, b) => a.seq - b.seq);
    this.recompute();
    this.engine?.trigger();
  }

  private startSync(): void {
    const deps = {
      clientId: this.clientId,
      token: () => this.session.token,
      cursor: () => this.server.cursor,
      pendingEntries: async () =>
        (await this.db.outbox.where('status').equals('pending').sortBy('seq')) as OutboxEntry[],
      onPushResults: (results: MutationResult[]) => this.onPushResults(results),
      onPage: (page: PullPage) => this.onPage(page),
      onReset: () => this.onReset(),
      onState: (s: Partial<SyncStatus>) => this.setStatus(s),
    };
    const run = async () => {
      this.owner = true;
      // The cursor is this window's to write from now on: following it would only read it back after each page.
      this.followedCursor?.unsubscribe();
      this.engine = new SyncEngine(deps);
      if (this.server.cursor === 0) await this.showMyQueueFirst();
      await this.engine.run(this.abort.signal);
    };
    // Exactly one window owns sync; the others wait for the lock and follow the database meanwhile.
    if (navigator.locks)
      void navigator.locks
        .request(`${this.db.name}:sync`, { signal: this.abort.signal }, run)
        .catch(() => undefined);
    else void run();
  }

  /**
   * A fresh console: show the agent's own queue before the full bootstrap has
   * streamed the workspace. Kept in memory only and the cursor is not moved, so
   * the full pull still brings everything (newer versions replace these rows).
   */
  private async showMyQueueFirst(): Promise<void> {
    try {
      const asked = this.myQueueAsked ?? myQueue(this.session.token);
      this.myQueueAsked = null;
      const { changes } = await asked;
      if (this.server.cursor !== 0) return; // the full pull got here first
      this.applyServerChanges(changes, 0, false);
      // The bootstrap's pages (a snapshot, perhaps minutes old) must not show older copies of these.
      this.aheadOfFeed = new Map();
      for (const c of changes) {
        const byId = this.aheadOfFeed.get(c.kind) ?? new Map<string, number>();
        this.aheadOfFeed.set(c.kind, byId.set(c.id, c.syncId));
      }
      this.recompute();
    } catch {
      // Offline or refused: the engine reports it; the full bootstrap covers this.
    }
  }

  private async onPushResults(results: MutationResult[]): Promise<void> {
    const now = Date.now();
    await this.db.transaction('rw', this.db.outbox, this.db.conflicts, async () => {
      for (const r of results) {
        const entry = await this.db.outbox.get(r.seq);
        if (!entry) continue;
        if (r.status === 'rejected') {
          await this.db.outbox.update(r.seq, { status: 'rejected', code: r.code, reason: r.reason });
          continue;
        }
        if (r.status === 'conflict') {
          const ticketId = (entry.args as { ticketId?: string }).ticketId ?? '';
          await this.db.conflicts.put({
            mid: entry.mid,
            ticketId,
            name: entry.name,
            args: entry.args,
            base: entry.base,
            conflicts: r.conflicts ?? [],
            at: now,
          });
        }
        // Keep an applied change visible until the pull brings the server's row, so nothing flickers back.
        if (r.status !== 'conflict' && r.syncId !== undefined && r.syncId > this.server.cursor) {
          await this.db.outbox.update(r.seq, { status: 'confirmed', syncId: r.syncId });
        } else await this.db.outbox.delete(r.seq);
      }
    });
    await this.refreshQueues();
  }

  /**
   * The agent's own queue shown ahead of a bootstrap (showMyQueueFirst): syncIds by kind
   * and id, until the bootstrap ends. Not by `keyOf`: a key string made for each change
   * of every page was ~0.1 s of a 100k bootstrap's UI thread (bench: full bootstrap, TRACE_JS=1).
   */
  private aheadOfFeed: Map<string, Map<string, number>> | null = null;
  /**
   * What of the server copy was copied since the screen last took it, so no snapshot
   * on screen shares it (see applyServerChanges): the maps, and the ticket array.
   */
  private owned = nothingOwned();
  /** Stores pulled pages, a bootstrap's in a worker (page-writer.ts). */
  private readonly writer: PageWriter;
  /** When a pulled page reaches the screen: its tickets, or only how far a bootstrap got. */
  private readonly pacer = new BootstrapPacer();

  private async onPage(page: PullPage): Promise<void> {
    await this.writer.store(page, (c) => this.holds(c));
    this.applyServerChanges(page.changes, page.cursor);
    if (this.status.bootstrapping) {
      this.status.bootstrapping = page.hasMore
        ? { loaded: this.status.bootstrapping.loaded + feedRows(page) }
        : null;
      if (!page.hasMore) this.aheadOfFeed = null;
    }
    // Not once a page: a bootstrap's tickets less and less often, its progress every second.
    const shown = this.pacer.page(performance.now(), this.status.bootstrapping !== null);
    if (shown === 'progress') this.showProgress();
    if (shown !== 'redraw') return;
    const settled = await this.db.outbox
      .where('status')
      .equals('confirmed')
      .filter((e) => (e.syncId ?? 0) <= page.cursor)
      .primaryKeys();
    if (settled.length > 0) await this.db.outbox.bulkDelete(settled);
    await this.refreshQueues();
  }

  /**
   * A bootstrap's progress on the screen, the tickets on it as they were: the new
   * snapshot shares the last one's data, so nothing that follows the tickets recomputes,
   * and the server copy stays the screen's to copy on write (`owned` is kept).
   */
  private showProgress(): void {
    this.status = { ...this.status }; // its count was moved in place (onPage): a new object for the screen to see
    this.snapshot = { ...this.snapshot, status: this.status };
    for (const listener of this.listeners) listener();
  }

  private async onReset(): Promise<void> {
    this.pacer.restart(performance.now());
    await clearServerState(this.db);
    this.server = emptyWorkspace();
    this.seen = { ...NOTHING_SEEN };
    this.applied = null;
    this.aheadOfFeed = null;
    this.status.bootstrapping = { loaded: 0 };
    this.status.loadingThreads = false;
    this.status.loadingHistory = false;
    this.recompute();
  }

  /**
   * Completes a done ticket that a bootstrap snapshot sent slim, with its history and
   * resolution (core/sync/ticket-detail.ts) read from this computer's copy: the ticket
   * view asks when it opens one. True when the ticket is complete (it was, or now is,
   * or a newer version came meanwhile), false when the copy does not hold its detail.
   */
  async loadTicketDetail(ticketId: string): Promise<boolean> {
    const slimNow = () => {
      const ticket = this.server.tickets[this.server.ticketIndex.get(ticketId) ?? -1];
      return ticket && isSlim(ticket) ? ticket : null;
    };
    const slim = slimNow();
    if (!slim) return true;
    const detail = await readTicketDetail(this.db, ticketId, slim.detailSyncId);
    if (slimNow()?.detailSyncId !== slim.detailSyncId) return true;
    if (!detail) return false;
    this.applyServerChanges([detail], 0, false);
    this.recompute();
    return true;
  }

  /** Applies server rows to a new view; `advance` is false for rows outside the cursor's order (my queue first). */
  private applyServerChanges(
    pulled: Parameters<typeof applyChanges>[1],
    cursor: number,
    advance = true,
  ): void {
    const ahead = this.aheadOfFeed;
    const changes = ahead ? pulled.filter((c) => (ahead.get(c.kind)?.get(c.id) ?? 0) <= c.syncId) : pulled;
    if (changes.length === 0) {
      // Every sync round ends with a pull, mostly empty: the workspace stays the same
      // objects, so nothing that follows the tickets recomputes (at 100k tickets each
      // new ticket array costs the queue, the alerts and the customer panel a full pass).
      if (advance && cursor > this.server.cursor) this.server = { ...this.server, cursor };
      this.seen.syncId = Math.max(this.seen.syncId, this.server.cursor);
      return;
    }
    // Copy on write only what the screen may still hold: a bootstrap redraws once a second,
    // and its pages in between edit what the first page after a redraw copied (no 100k-entry
    // copies per page). Tracked per map: a map the first page did not touch is still shown.
    const next = { ...this.server };
    const before = next.cursor;
    applyChanges(next, changes, this.owned);
    next.cursor = advance ? Math.max(next.cursor, cursor) : before;
    this.server = next;
    this.seen.syncId = Math.max(this.seen.syncId, next.cursor);
    if (this.applied) for (const c of changes) this.applied.set(keyOf(c), c.syncId);
  }

  /**
   * Whether the console holds this entity already (storePage keeps its change out of the
   * archive, so the working set read first at a start is never older than it). Never a
   * contact record: one is always archived, so never in that first read, and readers keep
   * the newest copy of each (loadDeferred, readNewer). The console does not keep them.
   * Nor a done ticket's detail: it completes a slim copy read from the archive, or none
   * (core/sync/ticket-detail.ts).
   */
  private holds(change: Parameters<typeof keyOf>[0]): boolean {
    if (change.kind === 'ticket') return this.server.ticketIndex.has(change.id);
    return !isUnparsedChange(change);
  }

  /**
   * The second and third steps of a start, while the queue is already on screen:
   * the threads of the tickets not closed, then closed tickets and contact records,
   * each read and applied in one step (one queue recompute each).
   */
  private async loadHistory(upTo: Seen): Promise<void> {
    const applied = this.applied ?? new Map<string, number>();
    const step = async (part: 'threadParts' | 'archiveParts', upToId: number): Promise<boolean> => {
      const changes = upToId > 0 ? await loadDeferred(this.db, part, upToId, applied) : [];
      if (this.applied !== applied) return false; // reset meanwhile
      // Anything the sync applied while this was read is newer than these rows.
      this.applyServerChanges(
        changes.filter((c) => (applied.get(keyOf(c)) ?? 0) < c.syncId),
        0,
        false,
      );
      return true;
    };
    try {
      if (!(await step('threadParts', upTo.threadsId))) return;
      this.setStatus({ loadingThreads: false });
      if (!(await step('archiveParts', upTo.archiveId))) return;
      this.applied = null;
    } finally {
      this.setStatus({ loadingThreads: false, loadingHistory: false });
    }
  }

  /** Follower windows: pick up what the owner writes. Every window: keep outbox and conflicts current. */
  private follow(): void {
    const sub = liveQuery(() => this.db.meta.get('cursor')).subscribe({
      next: (row) => {
        if (this.owner || !row || Number(row.value) <= this.seen.syncId) return;
        void readNewer(this.db, this.seen).then(({ changes, seen }) => {
          this.seen = { ...seen, syncId: this.seen.syncId };
          this.applyServerChanges(changes, Number(row.value));
          this.recompute();
        });
      },
    });
    const queues = liveQuery(() =>
      Promise.all([this.db.outbox.orderBy('seq').toArray(), this.db.conflicts.toArray()]),
    ).subscribe({
      next: ([outbox, conflicts]) => {
        // This window's own writes come back here too, already shown: a second recompute
        // would only redraw the console once more, just after each change (bench: optimistic change).
        if (sameQueues(this.outbox, outbox) && sameConflicts(this.conflicts, conflicts)) return;
        this.outbox = outbox;
        this.conflicts = conflicts;
        this.recompute();
        // A change queued in another window reaches the server through this one, if it owns sync.
        if (outbox.some((e) => e.status === 'pending')) this.engine?.trigger();
      },
    });
    // The badge says Offline the moment the OS does; Online again once a sync round succeeds.
    const onOffline = () => this.setStatus({ online: false });
    window.addEventListener('offline', onOffline);
    this.followedCursor = sub;
    this.abort.signal.addEventListener('abort', () => {
      sub.unsubscribe();
      queues.unsubscribe();
      window.removeEventListener('offline', onOffline);
    });
  }

  private async refreshQueues(): Promise<void> {
    [this.outbox, this.conflicts] = await Promise.all([
      this.db.outbox.orderBy('seq').toArray(),
      this.db.conflicts.toArray(),
    ]);
    this.recompute();
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.recompute();
  }

  /** The last optimistic view and what it was made from: status-only changes reuse it. */
  private view: { server: WorkspaceData; outbox: string; data: WorkspaceData } | null = null;

  /**
   * The optimistic view, rebuilt only when the server copy or the outbox changed:
   * a new view means new ticket arrays, and the queue then re-filters every ticket
   * (sync status flips twice per round; at 100k tickets that was a full recompute each).
   */
  private optimisticView(shown: readonly OutboxEntry[]): WorkspaceData {
    // Pending and confirmed entries are laid over alike (overlay.ts): a push confirming
    // one changes nothing on screen, so it must not make a new view either. Nor does a
    // change shown while being kept (enqueueAll) once it is kept at that seq; `at` tells
    // it from another window's change that took the seq meanwhile.
    const outbox = shown
      .filter((e) => e.status !== 'rejected')
      .map((e) => `${e.seq}@${e.at}`)
      .join(',');
    const last = this.view;
    if (last && last.outbox === outbox) {
      if (last.server === this.server) return last.data;
      if (sameButCursor(last.server, this.server)) {
        // An empty pull that moved the cursor: same tickets and maps, nothing to lay over again.
        const data = { ...last.data, cursor: this.server.cursor };
        this.view = { server: this.server, outbox, data };
        return data;
      }
    }
    const data = overlay(
      this.server,
      shown,
      this.session.user.id,
      this.session.user.role as Role,
      this.triageModel,
    );
    this.view = { server: this.server, outbox, data };
    return data;
  }

  /**
   * The outbox as the screen shows it: the kept entries, and those still being kept
   * (unless a read of the database has brought them in already).
   */
  private shownOutbox(): readonly OutboxEntry[] {
    if (this.unsaved.size === 0) return this.outbox;
    const kept = new Set(this.outbox.map((e) => e.seq));
    const unsaved = [...this.unsaved].flat().filter((e) => !kept.has(e.seq));
    return [...this.outbox, ...unsaved].sort((a, b) => a.seq - b.seq);
  }

  private recompute(): void {
    const failed = this.outbox.filter((e) => e.status === 'rejected');
    const shown = this.shownOutbox();
    this.status = {
      ...this.status,
      pending: shown.filter((e) => e.status === 'pending').length,
      conflicts: this.conflicts.length,
      failed: failed.length,
    };
    this.owned = nothingOwned(); // the snapshot below shares all of it
    this.snapshot = {
      data: this.optimisticView(shown),
      status: this.status,
      conflicts: this.conflicts,
      failed,
      me: this.session.user.id,
    };
    for (const listener of this.listeners) listener();
  }
}

/** Outbox entries change only by being added, removed or given a new status (confirmed, rejected). */
function sameQueues(a: readonly OutboxEntry[], b: readonly OutboxEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((e, i) => {
      const o = b[i];
      return o !== undefined && e.mid === o.mid && e.status === o.status && e.syncId === o.syncId;
    })
  );
}

/** Conflicts are only added and removed. */
function sameConflicts(a: readonly Conflict[], b: readonly Conflict[]): boolean {
  return a.length === b.length && a.every((c, i) => c.mid === b[i]?.mid);
}
