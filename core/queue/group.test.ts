import { describe, expect, it } from 'vitest';
import { makeTicket } from '../tickets/test-factory';
import { groupRows } from './group';

const labels = {
  squadName: (id: string) => ({ 'sq-pay': 'Payments', 'sq-app': 'App' })[id] ?? '',
  assigneeName: (id: string | null) => (id === 'u-1' ? 'Zoe' : id === 'u-2' ? 'Adam' : ''),
};

describe('groupRows', () => {
  const tickets = [
    makeTicket({ id: 'a', priority: 'low', state: 'in_progress', squadId: 'sq-pay', assigneeId: 'u-1' }),
    makeTicket({ id: 'b', priority: 'urgent', state: 'new', squadId: null, assigneeId: null }),
    makeTicket({ id: 'c', priority: 'low', state: 'new', squadId: 'sq-app', assigneeId: 'u-2' }),
    makeTicket({ id: 'd', priority: 'high', state: 'escalated', squadId: 'sq-pay', assigneeId: 'u-1' }),
  ];
  const ids = (groups: { key: string; rows: { id: string }[] }[]) =>
    groups.map((g) => `${g.key}:${g.rows.map((r) => r.id).join('')}`);

  it('orders priority groups urgent first and keeps the view order inside each group', () => {
    expect(ids(groupRows(tickets, (t) => t, 'priority', labels))).toEqual(['urgent:b', 'high:d', 'low:ac']);
  });

  it('orders states along the lifecycle, with readable labels', () => {
    const groups = groupRows(tickets, (t) => t, 'state', labels);
    expect(ids(groups)).toEqual(['new:bc', 'in_progress:a', 'escalated:d']);
    expect(groups[1]?.label).toBe('In Progress');
  });

  it('names squads and assignees, with the empty group last', () => {
    expect(groupRows(tickets, (t) => t, 'squad', labels).map((g) => g.label)).toEqual([
      'App',
      'Payments',
      'No squad',
    ]);
    expect(groupRows(tickets, (t) => t, 'assignee', labels).map((g) => g.label)).toEqual([
      'Adam',
      'Zoe',
      'Unassigned',
    ]);
  });

  it('gives no groups for no rows', () => {
    expect(groupRows([], (t) => t, 'tier', labels)).toEqual([]);
  });
});
