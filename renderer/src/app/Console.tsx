import { useCallback, useEffect, useMemo, useState } from 'react';
import { isOpen } from '../../../core/tickets/model';
import type { Session } from '../data/api-client';
import { useWorkspace } from '../data/use-workspace';
import type { QueueRow } from '../features/queue/columns';
import { QueueTable } from '../features/queue/QueueTable';
import { TicketDetail } from '../features/ticket/TicketDetail';
import { useNow } from './use-now';

export function Console({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const state = useWorkspace(session);
  const now = useNow(30_000);
  const [openId, setOpenId] = useState<string | null>(null);
  const data = state.status === 'ready' ? state.data : null;

  const rows: QueueRow[] = useMemo(
    () =>
      data
        ? data.tickets.map((ticket) => ({
            ticket,
            customer: data.customers.get(ticket.customerId),
            assignee: ticket.assigneeId ? data.users.get(ticket.assigneeId) : undefined,
          }))
        : [],
    [data],
  );
  const openCount = useMemo(() => rows.filter((r) => isOpen(r.ticket.state)).length, [rows]);
  const openRow = openId ? rows.find((r) => r.ticket.id === openId) : undefined;

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') setOpenId(null);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const open = useCallback((id: string) => setOpenId(id), []);

  return (
    <div className="console">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            ⚡
          </span>{' '}
          Spark Console
        </span>
        <span className="counts" aria-live="polite">
          {state.status === 'loading' && `Loading workspace… ${state.loaded.toLocaleString()} rows`}
          {state.status === 'ready' &&
            `${rows.length.toLocaleString()} tickets · ${openCount.toLocaleString()} open`}
        </span>
        <span className="spacer" />
        <span className="user">
          {session.user.name} <span className="role">{session.user.role}</span>
        </span>
        <button type="button" className="ghost" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      {state.status === 'error' && (
        <p role="alert" className="error banner">
          {state.error.message}
        </p>
      )}
      <div className={`panes${openRow ? ' with-detail' : ''}`}>
        <QueueTable rows={rows} openId={openId} onOpen={open} now={now} />
        {openRow && data && (
          <TicketDetail
            ticket={openRow.ticket}
            customer={openRow.customer}
            messages={data.messagesByTicket.get(openRow.ticket.id) ?? []}
            users={data.users}
            onClose={() => setOpenId(null)}
          />
        )}
      </div>
    </div>
  );
}
