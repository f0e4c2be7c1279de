/**
 * Closed tickets' threads. The pull feed leaves them out (they are most of a
 * mature workspace's rows and nothing but the ticket view reads them), so a
 * console holds only the ones an agent opened: fetched once, kept in Dexie for
 * offline reading, and the last few held in memory. Never part of the workspace
 * snapshot, so they cost no heap until opened.
 */
import type { Message } from '../../../core/tickets/model';
import { ApiError, fetchThread } from './api-client';
import type { SparkDb } from './db';

/** Threads held in memory (most recently used last); the rest are one IndexedDB read away. */
const IN_MEMORY = 50;

export type ThreadOutcome =
  | { status: 'ready'; messages: Message[] }
  /** Not kept on this computer and the server cannot be reached now. */
  | { status: 'unavailable'; reason: string };

export class ArchivedThreads {
  private readonly recent = new Map<string, Message[]>();
  private readonly loading = new Map<string, Promise<ThreadOutcome>>();

  constructor(
    private readonly db: SparkDb,
    private readonly token: () => string,
  ) {}

  /** Held in memory already: answers at once (the ticket view renders it without a loading state). */
  cached(ticketId: string): Message[] | undefined {
    return this.recent.get(ticketId);
  }

  load(ticketId: string): Promise<ThreadOutcome> {
    const held = this.recent.get(ticketId);
    if (held) return Promise.resolve({ status: 'ready', messages: this.remember(ticketId, held) });
    let pending = this.loading.get(ticketId);
    if (!pending) {
      pending = this.read(ticketId).finally(() => this.loading.delete(ticketId));
      this.loading.set(ticketId, pending);
    }
    return pending;
  }

  private async read(ticketId: string): Promise<ThreadOutcome> {
    const kept = await this.db.threads.get(ticketId);
    if (kept) return { status: 'ready', messages: this.remember(ticketId, messagesOf(kept.changes)) };
    try {
      const { changes } = await fetchThread(this.token(), ticketId);
      // Kept for offline reading; a full disk only costs the offline copy, never the view.
      await this.db.threads.put({ ticketId, changes, fetchedAt: Date.now() }).catch(() => undefined);
      return { status: 'ready', messages: this.remember(ticketId, messagesOf(changes)) };
    } catch (error) {
      const offline = error instanceof ApiError && error.status === 0;
      return {
        status: 'unavailable',
        reason: offline
          ? 'This closed ticket’s conversation is not kept on this computer. It loads when you are back online.'
          : `The conversation could not be loaded: ${(error as Error).message}`,
      };
    }
  }

  private remember(ticketId: string, messages: Message[]): Message[] {
    this.recent.delete(ticketId);
    this.recent.set(ticketId, messages);
    for (const oldest of this.recent.keys()) {
      if (this.recent.size <= IN_MEMORY) break;
      this.recent.delete(oldest);
    }
    return messages;
  }
}

const messagesOf = (changes: readonly { deleted: boolean; data: unknown }[]): Message[] =>
  changes.filter((c) => !c.deleted).map((c) => c.data as Message);
