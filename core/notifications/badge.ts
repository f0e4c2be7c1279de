/** The tray / dock badge: my open tickets, and how many of them have breached an SLA target. */
import { DEFAULT_SLA_POLICIES, type SlaPolicySet } from '../sla';
import { slaKey } from '../queue/sla-key';
import type { Ticket } from '../tickets/model';
import { isOpen } from '../tickets/model';

export interface BadgeCounts {
  backlog: number;
  breaching: number;
}

export function badgeCounts(
  tickets: readonly Ticket[],
  me: string,
  now: number,
  policies: SlaPolicySet = DEFAULT_SLA_POLICIES,
): BadgeCounts {
  let backlog = 0;
  let breaching = 0;
  for (const ticket of tickets) {
    if (ticket.assigneeId !== me || !isOpen(ticket.state)) continue;
    backlog += 1;
    // slaKey is cached per ticket object, so the 30 s refresh stays cheap; a paused clock is not breaching.
    const key = slaKey(ticket, now, policies);
    if (!key.paused && key.dueAt < now) breaching += 1;
  }
  return { backlog, breaching };
}
