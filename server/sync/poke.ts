/**
 * Real-time pokes: after a change commits, every server process on the same
 * database tells its connected clients "there is something new; pull". The
 * poke carries no data, so a lost poke costs only latency (clients also pull
 * periodically). Pokes travel through the database (NOTIFY inside the
 * writing transaction, delivered on commit), so they cross processes on one
 * PostgreSQL and work the same on PGlite.
 */
import type { Db, Queryable } from '../db/database';

export const POKE_CHANNEL = 'spark_changes';

export async function notifyChange(tx: Queryable, workspaceId: string): Promise<void> {
  await tx.query('select pg_notify($1, $2)', [POKE_CHANNEL, workspaceId]);
}

type Listener = (workspaceId: string) => void;

/** One LISTEN per process, fanned out to the SSE connections of that process. */
export class PokeHub {
  private readonly listeners = new Set<Listener>();
  private unlisten: (() => Promise<void>) | null = null;

  async start(db: Db): Promise<void> {
    this.unlisten = await db.listen(POKE_CHANNEL, (workspaceId) => {
      for (const listener of this.listeners) listener(workspaceId);
    });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    await this.unlisten?.();
  }
}
