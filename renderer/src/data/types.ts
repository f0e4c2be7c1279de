/**
 * What the UI sees of the local store and the sync engine. The UI reads one
 * snapshot (server rows with pending mutations laid over them) and acts only
 * through `mutate` and the conflict/draft actions: every action lands in the
 * outbox first, so it survives reloads, crashes and lost connections.
 */
import type { FieldConflict, MutationArgs, MutationBase, MutationName } from '../../../core/sync';
import type { WorkspaceData } from './workspace-store';

export interface SyncStatus {
  /** The browser believes it has a network, and the server answered the last request. */
  online: boolean;
  syncing: boolean;
  /** Mutations in the outbox not yet confirmed by the server. */
  pending: number;
  conflicts: number;
  /** Rejected mutations kept as failed drafts. */
  failed: number;
  lastSyncedAt: number | null;
  /** The server refused the session (expired or revoked): sync is paused, the outbox kept. */
  needsSignIn: boolean;
  /** Last sync problem in words, for a tooltip; null when healthy. */
  error: string | null;
  /** Rows loaded so far during a bootstrap; null once the workspace is local. */
  bootstrapping: { loaded: number } | null;
  /** A start is still reading the messages of the tickets not closed (the queue is usable meanwhile). */
  loadingThreads: boolean;
  /** A start is still reading messages, closed tickets and contact records (the queue is usable meanwhile). */
  loadingHistory: boolean;
}

/** A pending or failed mutation as stored in the outbox. */
export interface OutboxEntry<N extends MutationName = MutationName> {
  seq: number;
  mid: string;
  name: N;
  args: MutationArgs<N>;
  base: MutationBase;
  at: number;
  /** pending → sent, not yet confirmed; confirmed → applied by the server, kept until the pull brings its row (no flicker); rejected → a failed draft. */
  status: 'pending' | 'confirmed' | 'rejected';
  /** For confirmed entries: the syncId of the server change to wait for. */
  syncId?: number;
  /** For rejected entries: why, in the server's words. */
  code?: string;
  reason?: string;
}

/** A mutation the server did not apply because someone else changed the same thing first. */
export interface Conflict {
  mid: string;
  ticketId: string;
  name: MutationName;
  args: unknown;
  base: MutationBase;
  conflicts: FieldConflict[];
  at: number;
}

export interface ConsoleSnapshot {
  data: WorkspaceData;
  status: SyncStatus;
  conflicts: Conflict[];
  failed: OutboxEntry[];
  /** The signed-in user's id. */
  me: string;
}

/** One change for `mutateMany`; names and args are checked against the protocol before anything is kept. */
export interface QueuedChange {
  name: MutationName;
  args: unknown;
  base: MutationBase;
}

export interface ConsoleStore {
  getSnapshot(): ConsoleSnapshot;
  subscribe(listener: () => void): () => void;
  /** Optimistic change: visible at once, queued in the outbox, pushed when online. */
  mutate<N extends MutationName>(name: N, args: MutationArgs<N>, base: MutationBase): Promise<void>;
  /** Several changes kept as one step (bulk actions): all are queued, or none. */
  mutateMany(changes: readonly QueuedChange[]): Promise<void>;
  /** Re-issue my change on top of the server's current value. */
  keepMine(conflict: Conflict): Promise<void>;
  /** Drop my change; the server's value stands. */
  acceptTheirs(conflict: Conflict): Promise<void>;
  /** Queue a rejected mutation again (after the agent fixed what was wrong, or as is). */
  retryFailed(entry: OutboxEntry, args?: unknown): Promise<void>;
  discardFailed(entry: OutboxEntry): Promise<void>;
  /** Ask for a sync now (e.g. after re-login). */
  syncNow(): void;
}
