/**
 * Everything the preview shows and the apply needs, decided in one place: the
 * rendered reply, the field changes, and whether the macro may be applied at
 * all (an unknown placeholder or a refused state change blocks it, whole).
 */
import type { Ticket } from '../tickets/model';
import type { Macro } from './model';
import type { MacroPlan } from './plan';
import { planMacro } from './plan';
import type { PlaceholderValues } from './render';
import { renderMacroBody } from './render';

export interface PreparedMacro {
  macro: Macro;
  text: string;
  /** Known placeholders rendered empty: a warning, the agent edits the reply anyway. */
  empty: string[];
  plan: MacroPlan | null;
  /** Why the macro cannot be applied; null when it can. */
  blocked: string | null;
}

export function prepareMacro(macro: Macro, ticket: Ticket, values: PlaceholderValues): PreparedMacro {
  const rendered = renderMacroBody(macro.body, values);
  const planned = planMacro(macro, ticket);
  const problems: string[] = [];
  if (rendered.unknown.length > 0)
    problems.push(
      `Unknown placeholder${rendered.unknown.length > 1 ? 's' : ''} ${rendered.unknown
        .map((p) => `{{${p}}}`)
        .join(', ')}: fix the macro before using it.`,
    );
  if (!planned.ok) problems.push(planned.reason);
  return {
    macro,
    text: rendered.text,
    empty: rendered.empty,
    plan: planned.ok ? planned.plan : null,
    blocked: problems.length > 0 ? problems.join(' ') : null,
  };
}
