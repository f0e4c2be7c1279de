import { format } from 'date-fns';
import type { PlaceholderValues } from '../../../../core/macros';
import { placeholderValues } from '../../../../core/macros';
import { slaStatus } from '../../../../core/sla';
import type { Customer, Ticket } from '../../../../core/tickets/model';

/** The placeholder values for the open ticket, in the agent's zone; sla.due is the most urgent running target. */
export function valuesFor(
  ticket: Ticket,
  customer: Customer | undefined,
  agentName: string,
  now: number,
): PlaceholderValues {
  return placeholderValues({
    ticket,
    customer,
    agentName,
    slaDueAt: slaStatus(ticket, now).worst?.dueAt ?? null,
    formatTime: (ms) => format(ms, 'EEE d MMM, HH:mm'),
  });
}
