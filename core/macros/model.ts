/**
 * Macros: a canned reply plus field changes, applied in one keystroke.
 *
 * The body may contain placeholders, e.g. `{{customer.first_name}}`, rendered
 * from the ticket in hand. The actions are applied through the normal ticket
 * rules (a state change goes through the lifecycle, so it can be refused).
 */
import type { Priority, TicketState } from '../tickets/model';

export const MACRO_PLACEHOLDERS = [
  'customer.first_name',
  'customer.name',
  'customer.email',
  'customer.company',
  'ticket.ref',
  'ticket.subject',
  'agent.name',
  'agent.first_name',
  'sla.due',
] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];

export type MacroAction =
  | { type: 'set_state'; state: TicketState }
  | { type: 'set_priority'; priority: Priority }
  | { type: 'add_tags'; tags: string[] }
  | { type: 'remove_tags'; tags: string[] }
  | { type: 'assign_squad'; squadId: string };
export type MacroActionType = MacroAction['type'];

export interface Macro {
  id: string;
  name: string;
  description: string;
  /** Reply text with `{{placeholder}}` slots (see MACRO_PLACEHOLDERS). */
  body: string;
  actions: MacroAction[];
  /** Used to suggest the macro on matching tickets; null = suggested everywhere. */
  productArea: string | null;
  intent: string | null;
}
