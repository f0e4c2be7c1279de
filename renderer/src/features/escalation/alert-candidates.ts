/**
 * The tickets the alerts button looks at, kept across changes: at 100k tickets a
 * pass over every one took ~10 ms for each change (an agent's note, each pulled
 * row), so only the tickets that changed are looked at again when the rest are the
 * same objects (core/queue/incremental).
 */
import { mayAlert } from '../../../../core/escalation';
import { ticketChanges } from '../../../../core/queue/incremental';
import type { Ticket } from '../../../../core/tickets/model';

/** Beyond this many changed tickets one full pass is cheaper. */
const PATCH_LIMIT = 500;

interface Candidates {
  tickets: readonly Ticket[];
  me: string;
  role: string;
  /** The tickets that may alert (escalated or in a timed state), only the agent's own for an agent. */
  list: readonly Ticket[];
}

/** The candidates for these tickets; `last` holds the previous ones and is updated (a cache). */
export function alertCandidates(
  last: { current: Candidates | null },
  tickets: readonly Ticket[],
  me: string,
  role: 'agent' | 'supervisor' | 'admin',
): readonly Ticket[] {
  last.current = next(last.current, tickets, me, role);
  return last.current.list;
}

function next(
  last: Candidates | null,
  tickets: readonly Ticket[],
  me: string,
  role: 'agent' | 'supervisor' | 'admin',
): Candidates {
  const wanted = (t: Ticket) => (role !== 'agent' || t.assigneeId === me) && mayAlert(t);
  const changes =
    last && last.me === me && last.role === role ? ticketChanges(last.tickets, tickets, PATCH_LIMIT) : null;
  if (!last || !changes) return { tickets, me, role, list: tickets.filter(wanted) };
  if (changes.length === 0) return { ...last, tickets };
  const gone = new Set<Ticket>();
  for (const c of changes) if (c.before) gone.add(c.before);
  const list = last.list.filter((t) => !gone.has(t));
  for (const c of changes) if (wanted(c.after)) list.push(c.after);
  return { tickets, me, role, list };
}
