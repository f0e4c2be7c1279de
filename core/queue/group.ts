/**
 * Grouping the queue: the view's rows, already filtered and sorted, cut into
 * groups with a header and a count. Groups come in the field's natural order
 * (lifecycle order for state, urgent first for priority, Enterprise first for
 * tier), names alphabetically for squad and assignee; rows keep the view's
 * order inside their group, so grouping never fights the sort.
 */
import type { Ticket } from '../tickets/model';
import { CUSTOMER_TIERS, PRIORITIES, STATE_LABELS, TICKET_STATES } from '../tickets/model';
import { CHANNELS } from '../tickets/model';
import type { GroupColumn } from './types';

export interface QueueGroup<T> {
  key: string;
  label: string;
  rows: T[];
}

export interface GroupLabels {
  squadName: (squadId: string) => string;
  /** null = unassigned */
  assigneeName: (userId: string | null) => string;
}

const rank = (list: readonly string[]) => (key: string) => {
  const i = list.indexOf(key);
  return i === -1 ? list.length : i;
};
const ORDER: Partial<Record<GroupColumn, (key: string) => number>> = {
  state: rank(TICKET_STATES),
  priority: rank([...PRIORITIES].reverse()),
  tier: rank([...CUSTOMER_TIERS].reverse()),
  channel: rank(CHANNELS),
};

function keyOf(ticket: Ticket, by: GroupColumn): string {
  switch (by) {
    case 'state':
      return ticket.state;
    case 'priority':
      return ticket.priority;
    case 'channel':
      return ticket.channel;
    case 'tier':
      return ticket.customerTier;
    case 'squad':
      return ticket.squadId ?? '';
    case 'assignee':
      return ticket.assigneeId ?? '';
  }
}

function labelOf(key: string, by: GroupColumn, labels: GroupLabels): string {
  switch (by) {
    case 'state':
      return STATE_LABELS[key as Ticket['state']] ?? key;
    case 'squad':
      return key ? labels.squadName(key) || key : 'No squad';
    case 'assignee':
      return key ? labels.assigneeName(key) || key : 'Unassigned';
    default:
      return key;
  }
}

export function groupRows<T>(
  rows: readonly T[],
  ticketOf: (row: T) => Ticket,
  by: GroupColumn,
  labels: GroupLabels,
): QueueGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(ticketOf(row), by);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const order = ORDER[by];
  const result = [...groups].map(([key, list]) => ({ key, label: labelOf(key, by, labels), rows: list }));
  return result.sort((a, b) =>
    order
      ? order(a.key) - order(b.key)
      : // The "none" group (no squad / unassigned) goes last; the rest by name.
        Number(a.key === '') - Number(b.key === '') || a.label.localeCompare(b.label),
  );
}
