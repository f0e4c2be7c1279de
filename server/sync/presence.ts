/**
 * Who is looking at or replying to which ticket, right now. Presence is
 * ephemeral by nature (a heartbeat every few seconds, gone when it stops), so
 * it lives in this process's memory, not in the database: losing it on a
 * restart costs nothing. With several server processes each knows only its own
 * clients — an accepted limit until presence moves to LISTEN/NOTIFY like pokes.
 */
export type PresenceActivity = 'viewing' | 'replying';

export interface PresenceEntry {
  userId: string;
  name: string;
  activity: PresenceActivity;
  since: number;
  seenAt: number;
}

/** A heartbeat older than this means the agent left (closed the ticket, went offline). */
export const PRESENCE_TTL_MS = 20_000;

export class PresenceBoard {
  /** workspace → ticket → user → entry */
  private readonly board = new Map<string, Map<string, Map<string, PresenceEntry>>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a heartbeat (leaving any other ticket) and returns the others on the same ticket. */
  beat(
    workspaceId: string,
    user: { id: string; name: string },
    ticketId: string | null,
    activity: PresenceActivity,
  ): PresenceEntry[] {
    const now = this.now();
    const tickets = this.board.get(workspaceId) ?? new Map<string, Map<string, PresenceEntry>>();
    this.board.set(workspaceId, tickets);
    for (const [id, users] of tickets) {
      if (id !== ticketId) users.delete(user.id);
      for (const [uid, e] of users) if (now - e.seenAt > PRESENCE_TTL_MS) users.delete(uid);
      if (users.size === 0) tickets.delete(id);
    }
    if (ticketId === null) return [];
    const users = tickets.get(ticketId) ?? new Map<string, PresenceEntry>();
    tickets.set(ticketId, users);
    const previous = users.get(user.id);
    users.set(user.id, {
      userId: user.id,
      name: user.name,
      activity,
      since: previous && previous.activity === activity ? previous.since : now,
      seenAt: now,
    });
    return [...users.values()].filter((e) => e.userId !== user.id);
  }
}
