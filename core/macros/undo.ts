/**
 * Undoing a macro: put back the fields it changed, as new mutations through the
 * outbox (the originals may already be on the server). Only while it is still
 * possible: every field the macro changed must still hold the macro's value (a
 * colleague's later change is not overwritten), and the lifecycle must allow
 * the move back. Otherwise nothing is undone and the reason is given.
 */
import type { Ticket } from '../tickets/model';
import { STATE_LABELS } from '../tickets/model';
import type { MacroPlan, PlannedMutation } from './plan';
import { eventBetween } from './plan';

export type UndoResult = { ok: true; mutations: PlannedMutation[] } | { ok: false; reason: string };

export function planUndo(plan: Pick<MacroPlan, 'before' | 'after'>, ticket: Ticket): UndoResult {
  const { before, after } = plan;
  const mutations: PlannedMutation[] = [];
  const refuse = (why: string): UndoResult => ({ ok: false, reason: `Cannot undo the macro: ${why}.` });

  if (after.state !== before.state) {
    if (ticket.state !== after.state)
      return refuse(`the ticket has moved on to ${STATE_LABELS[ticket.state]} since`);
    const event = eventBetween(after.state, before.state);
    if (!event)
      return refuse(
        `the lifecycle does not allow ${STATE_LABELS[after.state]} → ${STATE_LABELS[before.state]}`,
      );
    mutations.push({
      name: 'ticket.transition',
      args: { ticketId: ticket.id, event },
      base: { state: after.state },
    });
  }

  const set: { priority?: Ticket['priority']; squadId?: string | null } = {};
  const base: { priority?: string; squadId?: string | null } = {};
  if (after.priority !== before.priority) {
    if (ticket.priority !== after.priority) return refuse('the priority was changed again since');
    set.priority = before.priority;
    base.priority = after.priority;
  }
  if (after.squadId !== before.squadId) {
    if (ticket.squadId !== after.squadId) return refuse('the squad was changed again since');
    set.squadId = before.squadId;
    base.squadId = after.squadId;
  }
  if (Object.keys(set).length > 0)
    mutations.push({ name: 'ticket.set_fields', args: { ticketId: ticket.id, set }, base });

  // Tags merge and never conflict: take off what the macro added, put back what it removed.
  const remove = after.tags.filter((t) => !before.tags.includes(t) && ticket.tags.includes(t));
  const add = before.tags.filter((t) => !after.tags.includes(t) && !ticket.tags.includes(t));
  if (add.length || remove.length)
    mutations.unshift({ name: 'ticket.tags', args: { ticketId: ticket.id, add, remove }, base: null });
  return { ok: true, mutations };
}
