/**
 * Bulk actions on selected tickets: one action becomes one mutation per ticket,
 * each dry-run through the same merge rules the server applies, so tickets the
 * change cannot apply to (a transition their state does not allow, a colleague's
 * ticket an agent may not reassign) are left out up front with the reason,
 * rather than queued to fail later one by one. Tickets already in the wanted
 * state are skipped as no-ops.
 */
import type { LifecycleEventName } from '../tickets/lifecycle';
import type { Priority, Ticket } from '../tickets/model';
import { applyTicketMutation } from './apply';
import type { ApplyContext } from './apply-types';
import type { MutationBase, MutationName } from './protocol';

export type BulkAction =
  | { type: 'assign'; assigneeId: string | null }
  | { type: 'priority'; priority: Priority }
  | { type: 'transition'; event: LifecycleEventName }
  | { type: 'add_tag'; tag: string };

export interface PlannedChange {
  name: MutationName;
  args: unknown;
  base: MutationBase;
}

export interface BulkPlan {
  changes: PlannedChange[];
  /** Already as wanted: nothing to do. */
  unchanged: Ticket[];
  skipped: { ticket: Ticket; reason: string }[];
}

function changeFor(ticket: Ticket, action: BulkAction): PlannedChange {
  switch (action.type) {
    case 'assign':
      return {
        name: 'ticket.set_fields',
        args: { ticketId: ticket.id, set: { assigneeId: action.assigneeId } },
        base: { assigneeId: ticket.assigneeId },
      };
    case 'priority':
      return {
        name: 'ticket.set_fields',
        args: { ticketId: ticket.id, set: { priority: action.priority } },
        base: { priority: ticket.priority },
      };
    case 'transition':
      return {
        name: 'ticket.transition',
        args: { ticketId: ticket.id, event: action.event },
        base: { state: ticket.state },
      };
    case 'add_tag':
      return {
        name: 'ticket.tags',
        args: { ticketId: ticket.id, add: [action.tag], remove: [] },
        base: null,
      };
  }
}

export function planBulk(tickets: readonly Ticket[], action: BulkAction, ctx: ApplyContext): BulkPlan {
  const plan: BulkPlan = { changes: [], unchanged: [], skipped: [] };
  for (const ticket of tickets) {
    const change = changeFor(ticket, action);
    const outcome = applyTicketMutation(ticket, change.name, change.args, change.base, ctx);
    if (outcome.status === 'rejected') plan.skipped.push({ ticket, reason: outcome.reason });
    else if (outcome.ticket === ticket) plan.unchanged.push(ticket);
    else plan.changes.push(change);
  }
  return plan;
}
