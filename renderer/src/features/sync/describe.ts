/** Words for conflicts and failed drafts, so the tray reads as sentences rather than JSON. */
import type { MutationName } from '../../../../core/sync/protocol';
import { TRANSITIONS } from '../../../../core/tickets/lifecycle';
import type { TicketState } from '../../../../core/tickets/model';
import { STATE_LABELS } from '../../../../core/tickets/model';
import type { OutboxEntry } from '../../data/types';

export type UserName = (id: string) => string | undefined;

export const FIELD_LABELS: Record<string, string> = {
  state: 'Status',
  priority: 'Priority',
  assigneeId: 'Assignee',
  squadId: 'Squad',
};

const isState = (v: unknown): v is TicketState => typeof v === 'string' && v in STATE_LABELS;

/** A conflicting value as an agent would say it: names for people, labels for states. */
export function describeValue(field: string, value: unknown, userName?: UserName): string {
  if (value === null || value === undefined) return field === 'assigneeId' ? 'Unassigned' : '—';
  if (field === 'state' && isState(value)) return STATE_LABELS[value];
  if (field === 'assigneeId' && typeof value === 'string') return userName?.(value) ?? value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}

export function isMessageEntry(entry: OutboxEntry): entry is OutboxEntry<'ticket.add_message'> {
  return entry.name === 'ticket.add_message';
}

export function ticketIdOf(args: unknown): string | null {
  if (typeof args === 'object' && args !== null && 'ticketId' in args && typeof args.ticketId === 'string') {
    return args.ticketId;
  }
  return null;
}

const NAME_LABELS: Record<MutationName, string> = {
  'ticket.set_fields': 'Field change',
  'ticket.transition': 'Status change',
  'ticket.tags': 'Tag change',
  'ticket.add_message': 'Message',
  'view.save': 'Saved view',
  'view.delete': 'Deleted view',
  'contact.record': 'Handle time',
  'kb.record': 'KB search record',
  'ticket.create': 'New ticket',
  'ticket.escalate': 'Escalation',
  'ticket.acknowledge_escalation': 'Escalation acknowledged',
  'ticket.correct_triage': 'Triage correction',
  'routing.save': 'Routing settings',
};

export function preview(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "Reply: “Thanks, we…”", "Status change: Resolve", "Tag change: +billing −vip". */
export function describeEntry(entry: OutboxEntry, userName?: UserName): string {
  if (isMessageEntry(entry)) {
    const kind = entry.args.kind === 'internal_note' ? 'Internal note' : 'Reply';
    return `${kind}: “${preview(entry.args.body)}”`;
  }
  const args: Record<string, unknown> =
    typeof entry.args === 'object' && entry.args !== null ? { ...entry.args } : {};
  const label = NAME_LABELS[entry.name];
  switch (entry.name) {
    case 'ticket.transition': {
      const event = args.event;
      const rule =
        typeof event === 'string' && event in TRANSITIONS
          ? TRANSITIONS[event as keyof typeof TRANSITIONS]
          : null;
      return `${label}: ${rule?.label ?? String(event)}`;
    }
    case 'ticket.tags': {
      const list = (v: unknown, sign: string) =>
        Array.isArray(v) ? v.map((t) => `${sign}${String(t)}`) : [];
      return `${label}: ${[...list(args.add, '+'), ...list(args.remove, '−')].join(' ')}`;
    }
    case 'ticket.set_fields': {
      const set = typeof args.set === 'object' && args.set !== null ? Object.entries(args.set) : [];
      const parts = set.map(([f, v]) => `${FIELD_LABELS[f] ?? f} → ${describeValue(f, v, userName)}`);
      return `${label}: ${parts.join(', ')}`;
    }
    default:
      return label;
  }
}
