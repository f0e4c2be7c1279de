import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isOpen } from '../../../core/tickets/model';
import type { Session } from '../data/api-client';
import type { LocalConsoleStore } from '../data/console-store';
import { useOpenStore, useSnapshot } from '../data/use-console-store';
import type { QueueRow } from '../features/queue/columns';
import { QueueTable } from '../features/queue/QueueTable';
import { ConflictTray } from '../features/sync/ConflictTray';
import { Composer, type ComposerHandle } from '../features/ticket/Composer';
import { TicketActions, type TicketActionsHandle } from '../features/ticket/TicketActions';
import { TicketDetail } from '../features/ticket/TicketDetail';
import { ConnectivityBadge } from './ConnectivityBadge';
import { LoginScreen } from './LoginScreen';
import { useNow } from './use-now';
import { useTicketShortcuts } from './use-ticket-shortcuts';
import './actions.css';

interface Props {
  session: Session;
  onSessionRenewed: (session: Session) => void;
  onSignOut: () => void;
}

export function Console({ session, onSessionRenewed, onSignOut }: Props) {
  const opened = useOpenStore(session);
  if (opened.status === 'opening') return <p className="centered">Opening the local workspace…</p>;
  if (opened.status === 'error') {
    return (
      <p role="alert" className="error centered">
        {opened.message}
      </p>
    );
  }
  return (
    <Workspace
      store={opened.store}
      session={session}
      onSessionRenewed={onSessionRenewed}
      onSignOut={onSignOut}
    />
  );
}

function Workspace({ store, session, onSessionRenewed, onSignOut }: Props & { store: LocalConsoleStore }) {
  const snapshot = useSnapshot(store);
  const { data, status } = snapshot;
  const now = useNow(30_000);
  const [openId, setOpenId] = useState<string | null>(null);
  const [composerMode, setComposerMode] = useState<'public_reply' | 'internal_note'>('public_reply');
  const [trayOpen, setTrayOpen] = useState(false);

  const rows: QueueRow[] = useMemo(
    () =>
      data.tickets.map((ticket) => ({
        ticket,
        customer: data.customers.get(ticket.customerId),
        assignee: ticket.assigneeId ? data.users.get(ticket.assigneeId) : undefined,
      })),
    [data],
  );
  const openCount = useMemo(() => rows.filter((r) => isOpen(r.ticket.state)).length, [rows]);
  const openRow = openId ? rows.find((r) => r.ticket.id === openId) : undefined;
  const issues = snapshot.conflicts.length + snapshot.failed.length;

  // r reply, n note, s resolve, a assign to me — on the open ticket, never while typing.
  const actionsRef = useRef<TicketActionsHandle>(null);
  const composerRef = useRef<ComposerHandle>(null);
  useTicketShortcuts(openRow !== undefined, {
    reply: () => composerRef.current?.focus('public_reply'),
    note: () => composerRef.current?.focus('internal_note'),
    resolve: () => actionsRef.current?.openResolve(),
    assign: () => actionsRef.current?.assignToMe(),
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') setOpenId(null);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const open = useCallback((id: string) => setOpenId(id), []);
  const refOf = (ticketId: string) => data.tickets[data.ticketIndex.get(ticketId) ?? -1]?.ref ?? ticketId;

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
          {status.bootstrapping
            ? `Loading workspace… ${status.bootstrapping.loaded.toLocaleString()} rows`
            : `${rows.length.toLocaleString()} tickets · ${openCount.toLocaleString()} open`}
        </span>
        <span className="spacer" />
        <ConnectivityBadge status={status} />
        {issues > 0 && (
          <button
            type="button"
            className="ghost"
            aria-expanded={trayOpen}
            onClick={() => setTrayOpen((o) => !o)}
          >
            Review {issues}
          </button>
        )}
        <span className="user">
          {session.user.name} <span className="role">{session.user.role}</span>
        </span>
        <button type="button" className="ghost" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      {trayOpen && issues > 0 && (
        <ConflictTray
          conflicts={snapshot.conflicts}
          failed={snapshot.failed}
          store={store}
          ticketRef={refOf}
          userName={(id) => data.users.get(id)?.name ?? id}
        />
      )}
      <div className={`panes${openRow ? ' with-detail' : ''}`}>
        <QueueTable rows={rows} openId={openId} onOpen={open} now={now} />
        {openRow && (
          <TicketDetail
            ticket={openRow.ticket}
            customer={openRow.customer}
            messages={data.messagesByTicket.get(openRow.ticket.id) ?? []}
            users={data.users}
            onClose={() => setOpenId(null)}
            actions={
              <TicketActions
                ticket={openRow.ticket}
                store={store}
                me={snapshot.me}
                role={session.user.role}
              />
            }
            composer={
              <Composer
                ticket={openRow.ticket}
                store={store}
                mode={composerMode}
                onModeChange={setComposerMode}
              />
            }
          />
        )}
      </div>
      {status.needsSignIn && (
        <LoginScreen
          renewFor={session.user.email}
          onSignedIn={(renewed) => {
            onSessionRenewed(renewed);
            store.signedInAgain(renewed);
          }}
        />
      )}
    </div>
  );
}
