/**
 * Who is online, for routing: a user counts as online while they hold a live
 * event stream (/api/sync/events) to this server process. With several
 * processes on one database each sees its own connections, so routing may
 * treat an agent connected elsewhere as offline; it then falls back to all
 * skilled agents of the squad, which is safe, just less precise.
 */
export class OnlineAgents {
  private readonly streams = new Map<string, number>();

  /** Records an open stream; the returned function records its close. */
  connect(workspaceId: string, userId: string): () => void {
    const key = `${workspaceId}\u0000${userId}`;
    this.streams.set(key, (this.streams.get(key) ?? 0) + 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      const left = (this.streams.get(key) ?? 1) - 1;
      if (left > 0) this.streams.set(key, left);
      else this.streams.delete(key);
    };
  }

  online(workspaceId: string): Set<string> {
    const prefix = `${workspaceId}\u0000`;
    return new Set(
      [...this.streams.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)),
    );
  }
}
