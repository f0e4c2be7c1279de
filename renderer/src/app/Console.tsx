import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyView,
  BUILT_IN_VIEWS,
  countByView,
  DEFAULT_VIEW_ID,
  parseQuery,
  type QueueContext,
} from '../../../core/queue';
import type { TelemetryMeta } from '../../../core/telemetry';
import type { Message } from '../../../core/tickets/model';
import type { Session } from '../data/api-client';
import type { LocalConsoleStore } from '../data/console-store';
import { useSnapshot } from '../data/use-console-store';
import type { QueueRow } from '../features/queue/columns';
import { QueueTable } from '../features/queue/QueueTable';
import { ViewBar } from '../features/queue/ViewBar';
import { ConflictTray } from '../features/sync/ConflictTray';
import { Composer, type ComposerHandle } from '../features/ticket/Composer';
import { TicketActions, type TicketActionsHandle } from '../features/ticket/TicketActions';
import { TicketDetail } from '../features/ticket/TicketDetail';
import { TelemetryPanel } from '../features/telemetry/TelemetryPanel';
import { ConnectivityBadge } from './ConnectivityBadge';
import { LoginScreen } from './LoginScreen';
import { StoreGate } from './StoreGate';
import { useNow } from './use-now';
import { useTicketShortcuts } from './use-ticket-shortcuts';
import './actions.css';

/** Stable empties, so a ticket without telemetry does not re-render the panel on every snapshot. */
const NO_TELEMETRY: readonly TelemetryMeta[] = [];
const NO_MESSAGES: readonly Message[] = [];

interface Props {
  session: Session;
  onSessionRenewed: (session: Session) => void;
  onSignOut: () => void;
}

export function Console({ session, onSessionRenewed, onSignOut }: Props) {
  return (
    <StoreGate session={session}>
      {(store) => (
        <Workspace
          store={store}
          session={session}
          onSessionRenewed={onSessionRenewed}
          onSignOut={onSignOut}
        />
      )}
    </StoreGate>
  );
}

function Workspace({ store, session, onSessionRenewed, onSignOut }: Props & { store: LocalConsoleStore }) {
  const snapshot = useSnapshot(store);
  const { data, status } = snapshot;
  const now = useNow(30_000);
  const [openId, setOpenId] = useState<string | null>(null);
  const [composerMode, setComposerMode] = useState<'public_reply' | 'internal_note'>('public_reply');
  const [trayOpen, setTrayOpen] = useState(false);

  // The queue: a saved view, narrowed by the search box (its qualifiers override the view's).
  const [viewId, setViewId] = useState(DEFAULT_VIEW_ID);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query); // typing stays instant; the filter catches up
  // Name lookups keep their identity while the maps do: the search caches per-ticket
  // text keyed on them, so rebuilding them with the clock would make every search cold.
  const customerName = useCallback((id: string) => data.customers.get(id)?.name ?? '', [data.customers]);
  const assigneeName = useCallback(
    (id: string | null) => (id ? (data.users.get(id)?.name ?? '') : ''),
    [data.users],
  );
  const context: QueueContext = useMemo(
    () => ({ me: snapshot.me, now, customerName, assigneeName }),
    [snapshot.me, now, customerName, assigneeName],
  );
  const view = BUILT_IN_VIEWS.find((v) => v.id === viewId) ?? BUILT_IN_VIEWS[0];
  const visible = useMemo(
    () =>
      view
        ? applyView(
            data.tickets,
            { filter: { ...view.filter, ...parseQuery(deferredQuery) }, sort: view.sort },
            context,
          )
        : [],
    [data.tickets, view, deferredQuery, context],
  );
  const counts = useMemo(() => countByView(data.tickets, BUILT_IN_VIEWS, context), [data.tickets, context]);
  const rows: QueueRow[] = useMemo(
    () =>
      visible.map((ticket) => ({
        ticket,
        customer: data.customers.get(ticket.customerId),
        assignee: ticket.assigneeId ? data.users.get(ticket.assigneeId) : undefined,
      })),
    [visible, data],
  );
  const openCount = counts['all-open'] ?? 0; // the built-in view of every open ticket, counted already
  // The open ticket stays open even when a filter change hides its row.
  const openTicket = openId ? data.tickets[data.ticketIndex.get(openId) ?? -1] : undefined;
  const openRow: QueueRow | undefined = openTicket && {
    ticket: openTicket,
    customer: data.customers.get(openTicket.customerId),
    assignee: openTicket.assigneeId ? data.users.get(openTicket.assigneeId) : undefined,
  };
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
            : `${data.tickets.length.toLocaleString()} tickets · ${openCount.toLocaleString()} open`}
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
        <div className="queue-pane">
          <ViewBar
            views={BUILT_IN_VIEWS}
            counts={counts}
            activeId={viewId}
            onSelect={setViewId}
            query={query}
            onQuery={setQuery}
            shown={rows.length}
          />
          <QueueTable rows={rows} openId={openId} onOpen={open} now={now} />
        </div>
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
            telemetry={
              <TelemetryPanel
                key={openRow.ticket.id}
                ticket={openRow.ticket}
                metas={data.telemetryByTicket.get(openRow.ticket.id) ?? NO_TELEMETRY}
                messages={data.messagesByTicket.get(openRow.ticket.id) ?? NO_MESSAGES}
                store={store}
                session={session}
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
