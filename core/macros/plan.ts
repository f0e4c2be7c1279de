/**
 * What applying a macro to a ticket means in mutations, decided before anything
 * is queued: the tag, field and lifecycle changes, each as the outbox entry the
 * console will push. A state change goes through the lifecycle; if any move is
 * not allowed from where the ticket stands, the whole macro is refused with the
 * reason (no half-applied macro), and the preview says so.
 */
import type { MutationArgs, MutationBase } from '../sync/protocol';
import type { LifecycleEventName } from '../tickets/lifecycle';
import { availableEvents, TRANSITIONS } from '../tickets/lifecycle';
import type { Priority, Ticket, TicketState } from '../tickets/model';
import { STATE_LABELS } from '../tickets/model';
import type { Macro } from './model';

export type PlannedMutation =
  | { name: 'ticket.tags'; args: MutationArgs<'ticket.tags'>; base: MutationBase }
  | { name: 'ticket.set_fields'; args: MutationArgs<'ticket.set_fields'>; base: MutationBase }
  | { name: 'ticket.transition'; args: MutationArgs<'ticket.transition'>; base: MutationBase };

/** The ticket fields a macro can change. */
export interface MacroFields {
  state: TicketState;
  priority: Priority;
  squadId: string | null;
  tags: string[];
}

/** One line of the preview: what changes, from what to what (tags: what is added / removed). */
export type FieldChange =
  | { field: 'state'; from: TicketState; to: TicketState }
  | { field: 'priority'; from: Priority; to: Priority }
  | { field: 'squadId'; from: string | null; to: string | null }
  | { field: 'tags'; add: string[]; remove: string[] };

export interface MacroPlan {
  mutations: PlannedMutation[];
  changes: FieldChange[];
  before: MacroFields;
  after: MacroFields;
}

export type PlanResult = { ok: true; plan: MacroPlan } | { ok: false; reason: string };

/**
 * Resolve needs the resolution form and Reopen a reason: a macro cannot supply
 * either, so it only makes the moves that need nothing more.
 */
const NEEDS_INPUT: readonly LifecycleEventName[] = ['resolve', 'reopen'];

/** The single lifecycle event taking `from` to `to` without extra input, or null. */
export function eventBetween(from: TicketState, to: TicketState): LifecycleEventName | null {
  return availableEvents(from).find((e) => TRANSITIONS[e].to === to && !NEEDS_INPUT.includes(e)) ?? null;
}

export function fieldsOf(ticket: Ticket): MacroFields {
  return { state: ticket.state, priority: ticket.priority, squadId: ticket.squadId, tags: [...ticket.tags] };
}

export function planMacro(macro: Pick<Macro, 'name' | 'actions'>, ticket: Ticket): PlanResult {
  const before = fieldsOf(ticket);
  let state = ticket.state;
  let priority = ticket.priority;
  let squadId = ticket.squadId;
  const tags = new Set(ticket.tags);
  const transitions: PlannedMutation[] = [];

  for (const action of macro.actions) {
    switch (action.type) {
      case 'set_state': {
        if (action.state === state) break;
        const event = eventBetween(state, action.state);
        if (!event) {
          const why =
            action.state === 'resolved'
              ? 'resolving needs the resolution form (press s)'
              : `the lifecycle does not allow ${STATE_LABELS[state]} → ${STATE_LABELS[action.state]}`;
          return {
            ok: false,
            reason: `"${macro.name}" cannot be applied to ${ticket.ref}: ${why}. Nothing was changed.`,
          };
        }
        transitions.push({
          name: 'ticket.transition',
          // An escalation must say why (the escalation matrix records it): the macro is the reason.
          args:
            event === 'escalate'
              ? { ticketId: ticket.id, event, reason: `Macro: ${macro.name}` }
              : { ticketId: ticket.id, event },
          base: { state },
        });
        state = action.state;
        break;
      }
      case 'set_priority':
        priority = action.priority;
        break;
      case 'assign_squad':
        squadId = action.squadId;
        break;
      case 'add_tags':
        for (const t of action.tags) tags.add(t);
        break;
      case 'remove_tags':
        for (const t of action.tags) tags.delete(t);
        break;
      default:
        return { ok: false, reason: `Unknown macro action "${(action as { type: string }).type}".` };
    }
  }

  const after: MacroFields = { state, priority, squadId, tags: [...tags] };
  const add = after.tags.filter((t) => !before.tags.includes(t));
  const remove = before.tags.filter((t) => !tags.has(t));
  const mutations: PlannedMutation[] = [];
  const changes: FieldChange[] = [];
  if (add.length || remove.length) {
    mutations.push({ name: 'ticket.tags', args: { ticketId: ticket.id, add, remove }, base: null });
    changes.push({ field: 'tags', add, remove });
  }
  const set: MutationArgs<'ticket.set_fields'>['set'] = {};
  const base: NonNullable<MutationBase> = {};
  if (priority !== before.priority) {
    set.priority = priority;
    base.priority = before.priority;
    changes.push({ field: 'priority', from: before.priority, to: priority });
  }
  if (squadId !== before.squadId) {
    set.squadId = squadId;
    base.squadId = before.squadId;
    changes.push({ field: 'squadId', from: before.squadId, to: squadId });
  }
  if (Object.keys(set).length > 0)
    mutations.push({ name: 'ticket.set_fields', args: { ticketId: ticket.id, set }, base });
  if (state !== before.state) changes.push({ field: 'state', from: before.state, to: state });
  mutations.push(...transitions);
  return { ok: true, plan: { mutations, changes, before, after } };
}
