import { createColumnHelper } from '@tanstack/react-table';
import { formatDistanceStrict } from 'date-fns';
import type { Customer, Ticket } from '../../../../core/tickets/model';
import { STATE_LABELS } from '../../../../core/tickets/model';
import { slaStatus } from '../../../../core/sla';
import type { UserProfile } from '../../data/workspace-store';
import { formatCountdown } from '../../app/format';

export interface QueueRow {
  ticket: Ticket;
  customer: Customer | undefined;
  assignee: UserProfile | undefined;
}

const col = createColumnHelper<QueueRow>();
type Worst = ReturnType<typeof slaStatus>['worst'];

export function queueColumns(now: number) {
  return [
    col.accessor((r) => r.ticket.ref, { id: 'ref', header: 'Ref', size: 96 }),
    col.accessor((r) => r.ticket.subject, { id: 'subject', header: 'Subject', size: 340 }),
    col.accessor((r) => r.customer?.name ?? '—', {
      id: 'customer',
      header: 'Customer',
      size: 200,
      cell: (info) => (
        <span className="customer-cell">
          {info.getValue()}{' '}
          <span className={`tier tier-${info.row.original.ticket.customerTier}`}>
            {info.row.original.ticket.customerTier}
          </span>
        </span>
      ),
    }),
    col.accessor((r) => r.ticket.channel, { id: 'channel', header: 'Channel', size: 84 }),
    col.accessor((r) => r.ticket.priority, {
      id: 'priority',
      header: 'Priority',
      size: 84,
      cell: (info) => <span className={`priority priority-${info.getValue()}`}>{info.getValue()}</span>,
    }),
    col.accessor((r) => r.ticket.state, {
      id: 'state',
      header: 'State',
      size: 170,
      cell: (info) => (
        <span className={`state state-${info.getValue()}`}>{STATE_LABELS[info.getValue()]}</span>
      ),
    }),
    col.accessor((r) => r.assignee?.name ?? 'Unassigned', { id: 'assignee', header: 'Assignee', size: 150 }),
    // The most urgent open SLA target; computed per visible row (the table is virtualised), and for all rows only when sorted by it.
    col.accessor((r) => slaStatus(r.ticket, now).worst, {
      id: 'sla',
      header: 'SLA',
      size: 110,
      sortingFn: (a, b) =>
        (a.getValue<Worst>('sla')?.dueAt ?? Infinity) - (b.getValue<Worst>('sla')?.dueAt ?? Infinity),
      cell: (info) => {
        const worst = info.getValue();
        if (!worst) return <span className="sla sla-none">—</span>;
        const label = worst.state === 'paused' ? 'paused' : formatCountdown(worst.dueAt - now);
        return (
          <span
            className={`sla sla-${worst.state}`}
            title={`${worst.kind.replace('_', ' ')} due ${new Date(worst.dueAt).toLocaleString()}`}
          >
            {label}
          </span>
        );
      },
    }),
    col.accessor((r) => r.ticket.updatedAt, {
      id: 'updated',
      header: 'Updated',
      size: 140,
      cell: (info) => formatDistanceStrict(info.getValue(), now, { addSuffix: true }),
    }),
  ];
}
