/**
 * Placeholder rendering for macro bodies. A placeholder the workspace does not
 * know (a typo, a slot from another tool) is reported, never sent as literal
 * `{{…}}` text: the preview shows it and the macro cannot be applied until the
 * macro is fixed. A known placeholder with no value on this ticket (no company,
 * no running SLA target) renders empty and is reported as a warning.
 */
import type { Customer, Ticket } from '../tickets/model';
import type { MacroPlaceholder } from './model';
import { MACRO_PLACEHOLDERS } from './model';

export type PlaceholderValues = Record<MacroPlaceholder, string | null>;

export interface RenderedBody {
  text: string;
  /** Placeholders not in MACRO_PLACEHOLDERS, in order of first appearance. */
  unknown: string[];
  /** Known placeholders that have no value for this ticket (rendered empty). */
  empty: MacroPlaceholder[];
}

// Tolerates inner spaces (`{{ ticket.ref }}`), as hand-written macros have them.
const SLOT = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isPlaceholder = (name: string): name is MacroPlaceholder =>
  (MACRO_PLACEHOLDERS as readonly string[]).includes(name);

export function renderMacroBody(body: string, values: PlaceholderValues): RenderedBody {
  const unknown: string[] = [];
  const empty: MacroPlaceholder[] = [];
  const text = body.replace(SLOT, (whole, name: string) => {
    if (!isPlaceholder(name)) {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    const value = values[name];
    if (value === null || value === '') {
      if (!empty.includes(name)) empty.push(name);
      return '';
    }
    return value;
  });
  return { text, unknown, empty };
}

const firstWord = (name: string): string | null => name.trim().split(/\s+/)[0] || null;

export interface PlaceholderInput {
  ticket: Pick<Ticket, 'ref' | 'subject'>;
  customer: Pick<Customer, 'name' | 'email' | 'company'> | undefined;
  agentName: string;
  /** Epoch ms when the ticket's most urgent running SLA target is due, or null. */
  slaDueAt: number | null;
  /** Formats an instant in the agent's zone (core has no clock or locale of its own). */
  formatTime: (ms: number) => string;
}

export function placeholderValues(input: PlaceholderInput): PlaceholderValues {
  const { ticket, customer, agentName, slaDueAt, formatTime } = input;
  return {
    'customer.first_name': customer ? firstWord(customer.name) : null,
    'customer.name': customer?.name || null,
    'customer.email': customer?.email || null,
    'customer.company': customer?.company || null,
    'ticket.ref': ticket.ref,
    'ticket.subject': ticket.subject,
    'agent.name': agentName || null,
    'agent.first_name': firstWord(agentName),
    'sla.due': slaDueAt === null ? null : formatTime(slaDueAt),
  };
}
