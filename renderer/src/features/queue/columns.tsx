import { createColumnHelper, type Table } from '@tanstack/react-table';
import { formatDistanceStrict } from 'date-fns';
import type { Customer, Ticket } from '../../../../core/tickets/model';
import { STATE_LABELS } from '../../../../core/tickets/model';
import { slaStatus } from '../../../../core/sla';
import { slaKey } from '../../../../core/queue/sla-key';
import type { UserProfile } from '../../data/workspace-store';
import { formatCountdown } from '../../app/format';

export interface QueueRow {
  ticket: Ticket;
  customer: Customer | undefined;
  assignee: UserProfile | undefined;
}

/** What the cells read besides their row: the clock (QueueTable passes it as the table's meta). */
export interface QueueTableMeta {
  now: number;
}

const col = createColumnHelper<QueueRow>();
const nowOf = (table: Table<QueueRow>): number => (table.options.meta as QueueTableMeta).now;

type Worst = ReturnType<typeof slaStatus>['worst'];
const worstSeen = new WeakMap<Ticket, { now: number; worst: Worst }>();

/**
 * A ticket's most urgent open SLA target at `now`, kept per ticket object until the
 * clock moves: the table draws its visible rows again on every key (j / k, opening a
 * ticket), and running the SLA engine for each of them each time cost about a
 * millisecond per key (profile-interactions.ts A/B).
 */
function worstAt(ticket: Ticket, now: number): Worst {
  const seen = worstSeen.get(ticket);
  if (seen?.now === now) return seen.worst;
  const worst = slaStatus(ticket, now).worst;
  worstSeen.set(ticket, { now, worst });
  return worst;
}

/**
 * The queue's columns. Cells read the clock from the table's meta, so the columns
 * outlive its 30 s tick: new columns make the table build every row of the view again
 * (row-model.ts), 18 ms of main thread per tick at 100k tickets. Only a sort by the SLA
 * header reads `sortNow` (the instant the order is judged at); QueueTable passes the
 * clock there only while the queue is sorted that way.
 */
export function queueColumns(sortNow: number) {
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
    // The most urgent open SLA target, computed per visible row (the table is virtualised);
    // its due instant for all rows only when sorted by it.
    col.accessor((r) => slaKey(r.ticket, sortNow).dueAt, {
      id: 'sla',
      header: 'SLA',
      size: 110,
      sortingFn: 'basic',
      cell: (info) => {
        const now = nowOf(info.table);
        const worst = worstAt(info.row.original.ticket, now);
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
      cell: (info) => formatDistanceStrict(info.getValue(), nowOf(info.table), { addSuffix: true }),
    }),
  ];
}
