/**
 * The agent console: top bar, then resizable panes — the queue (views, search,
 * grouping, bulk actions) and the open ticket. The layout persists per
 * workstation. Every action goes through the store's outbox, so all of it works
 * offline; Ctrl/⌘+K and `?` are always at hand.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import type { PaletteEntry } from '../../../core/palette/search';
import type { TelemetryMeta } from '../../../core/telemetry';
import type { Session } from '../data/api-client';
import type { LocalConsoleStore } from '../data/console-store';
import { useThread } from '../features/ticket/use-thread';
import { useTicketDetail } from '../features/ticket/use-ticket-detail';
import { useSnapshot } from '../data/use-console-store';
import { CheatSheet } from '../features/palette/CheatSheet';
import { CommandPalette } from '../features/palette/CommandPalette';
import { paletteEntries, type PaletteCommand } from '../features/palette/palette-entries';
import { BulkBar } from '../features/queue/BulkBar';
import { useDesktopShell } from '../platform/use-desktop-shell';
import type { QueueRow } from '../features/queue/columns';
import { QueueTable } from '../features/queue/QueueTable';
import { SaveViewDialog, type ViewDraft } from '../features/queue/SaveViewDialog';
import { useQueue } from '../features/queue/use-queue';
import { ViewBar } from '../features/queue/ViewBar';
import { Sidebar, type SidebarHandle } from '../features/sidebar/Sidebar';
import { ConflictTray } from '../features/sync/ConflictTray';
import { Composer, type ComposerHandle } from '../features/ticket/Composer';
import { TicketActions, type TicketActionsHandle } from '../features/ticket/TicketActions';
import { TicketDetail } from '../features/ticket/TicketDetail';
import { AlertsButton } from '../features/escalation/AlertsButton';
import { RoutingSettings } from '../features/settings/RoutingSettings';
import { NewTicketForm } from '../features/triage/NewTicketForm';
import { TicketTriage } from '../features/triage/TicketTriage';
import { TelemetryPanel } from '../features/telemetry/TelemetryPanel';
import { SessionRenewal } from './SessionRenewal';
import { StoreGate } from './StoreGate';
import { Topbar } from './Topbar';
import { useGlobalKeys } from './use-global-keys';
import { useHandleTime } from './use-handle-time';
import { useNow } from './use-now';
import { usePresence } from './use-presence';
import { useTicketShortcuts } from './use-ticket-shortcuts';
import './actions.css';
import './console.css';

/** Stable empties, so a ticket without telemetry does not re-render the panel on every snapshot. */
const NO_TELEMETRY: readonly TelemetryMeta[] = [];
/** The panes, always all three (see the Group below). */
const PANES = ['queue', 'detail', 'sidebar'];
const DETAIL_PANE = { id: 'detail', className: 'detail-pane', minSize: '25', defaultSize: '38' } as const;
const SIDEBAR_PANE = {
  id: 'sidebar',
  className: 'sidebar-pane',
  minSize: '16',
  defaultSize: '22',
  collapsible: true,
} as const;

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

const newViewId = () => `view-${crypto.randomUUID()}`;

function Workspace({ store, session, onSessionRenewed, onSignOut }: Props & { store: LocalConsoleStore }) {
  const snapshot = useSnapshot(store);
  const { data, status } = snapshot;
  const now = useNow(30_000);
  const [openId, setOpenId] = useState<string | null>(null);
  const [composerMode, setComposerMode] = useState<'public_reply' | 'internal_note'>('public_reply');
  const [trayOpen, setTrayOpen] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [saving, setSaving] = useState<ViewDraft | null>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [cheatSheetOpen, setCheatSheetOpen] = useState(false);
  const [routingOpen, setRoutingOpen] = useState(false);
  const [newTicketOpen, setNewTicketOpen] = useState(false);

  // The queue (filter + sort + counts over every ticket) and the alerts (a pass over every
  // ticket too) follow the data in a background render: the open ticket shows an agent's
  // change at once, they catch up right after (bench: optimistic change visible ≤ 16 ms at 100k tickets).
  const queueData = useDeferredValue(data);
  const queue = useQueue(queueData, snapshot.me, now);
  const view = queue.views.find((v) => v.id === queue.viewId);
  const openCount = queue.counts['all-open'] ?? 0; // the built-in view of every open ticket, counted already
  const ticketById = useCallback(
    (id: string) => data.tickets[data.ticketIndex.get(id) ?? -1],
    [data.tickets, data.ticketIndex],
  );
  // The open ticket stays open even when a filter change hides its row.
  const openTicket = openId ? ticketById(openId) : undefined;
  const openRow: QueueRow | undefined = openTicket && {
    ticket: openTicket,
    customer: data.customers.get(openTicket.customerId),
    assignee: openTicket.assigneeId ? data.users.get(openTicket.assigneeId) : undefined,
  };
  const thread = useThread(
    store.threads,
    openTicket,
    data.messagesByTicket,
    snapshot.status.online,
    snapshot.status.loadingThreads,
  );
  const detailState = useTicketDetail(store, openTicket);
  const selectedTickets = useMemo(
    () => [...selected].map(ticketById).filter((t) => t !== undefined),
    [selected, ticketById],
  );
  const people = useMemo(() => [...data.users.values()], [data.users]);
  const issues = snapshot.conflicts.length + snapshot.failed.length;
  useHandleTime(openTicket, store, snapshot.me);
  const [replying, setReplying] = useState(false);
  const others = usePresence(store, openTicket?.id ?? null, replying ? 'replying' : 'viewing', status.online);

  // r reply, n note, s resolve, a assign to me — on the open ticket, never while typing.
  const actionsRef = useRef<TicketActionsHandle>(null);
  const composerRef = useRef<ComposerHandle>(null);
  const sidebarRef = useRef<SidebarHandle>(null);
  useTicketShortcuts(openRow !== undefined, {
    reply: () => composerRef.current?.focus('public_reply'),
    note: () => composerRef.current?.focus('internal_note'),
    resolve: () => actionsRef.current?.openResolve(),
    assign: () => actionsRef.current?.assignToMe(),
    macros: () => sidebarRef.current?.openMacroPicker(),
    undoMacro: () => sidebarRef.current?.undoMacro(),
  });
  useGlobalKeys({ palette: () => setPaletteOpen(true), cheatSheet: () => setCheatSheetOpen(true) });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' && !event.defaultPrevented) setOpenId(null);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const open = useCallback((id: string) => setOpenId(id), []);
  useDesktopShell(snapshot, session, now, open); // deep links, tray badge, notifications (desktop only)
  const refOf = (ticketId: string) => ticketById(ticketId)?.ref ?? ticketId;

  function startSaving() {
    if (!view) return;
    const query = [queue.activeSaved?.query ?? (view.builtIn ? builtInQuery(view.id) : ''), queue.query]
      .filter(Boolean)
      .join(' ');
    setSaving({
      name: queue.query ? queue.query.slice(0, 60) : `${view.name} (mine)`,
      query,
      sort: view.sort,
      groupBy: queue.groupBy,
      shared: false,
    });
  }

  const commands: PaletteCommand[] = [
    ...queue.views.map((v) => ({
      id: `view:${v.id}`,
      title: `Go to view: ${v.name}`,
      run: () => queue.setViewId(v.id),
    })),
    { id: 'save-view', title: 'Save the current view…', run: startSaving },
    { id: 'wallboard', title: 'Open the wallboard', run: () => window.location.assign('/wallboard') },
    { id: 'sync', title: 'Sync now', run: () => store.syncNow() },
    { id: 'shortcuts', title: 'Keyboard shortcuts', run: () => setCheatSheetOpen(true) },
    { id: 'sign-out', title: 'Sign out', run: onSignOut },
  ];
  // Built only while the palette is open: 100k entries are cheap once, not on every sync.
  const ticketOpen = openRow !== undefined;
  const entries = useMemo(
    () => (paletteOpen ? paletteEntries(data, commands, ticketOpen) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- commands are rebuilt each render; their set changes with the views
    [paletteOpen, data, queue.views, ticketOpen],
  );
  function pick(entry: PaletteEntry) {
    if (entry.kind === 'command') commands.find((c) => c.id === entry.id)?.run();
    else if (entry.kind === 'ticket') setOpenId(entry.id);
    else if (entry.kind === 'macro' || entry.kind === 'article') {
      // Both live in the sidebar of the open ticket (listed only while one is open).
      if (entry.kind === 'macro') sidebarRef.current?.openMacroPicker();
      else sidebarRef.current?.showTab('kb');
    } else if (entry.kind === 'customer') {
      const name = data.customers.get(entry.id)?.name ?? '';
      queue.setViewId('all');
      queue.setQuery(`"${name}"`);
    }
  }

  const layout = useDefaultLayout({ id: 'spark-console-panes', panelIds: PANES, storage: localStorage });

  return (
    <div className="console">
      <Topbar
        session={session}
        status={status}
        summary={
          status.bootstrapping
            ? `Loading workspace… ${status.bootstrapping.loaded.toLocaleString()} rows`
            : status.loadingHistory
              ? `${openCount.toLocaleString()} open · loading closed tickets…`
              : `${data.tickets.length.toLocaleString()} tickets · ${openCount.toLocaleString()} open`
        }
        issues={issues}
        trayOpen={trayOpen}
        onToggleTray={() => setTrayOpen((o) => !o)}
        onPalette={() => setPaletteOpen(true)}
        tools={
          <>
            <button
              type="button"
              className="ghost"
              aria-expanded={newTicketOpen}
              onClick={() => setNewTicketOpen((o) => !o)}
            >
              New ticket
            </button>
            <AlertsButton
              tickets={queueData.tickets}
              now={now}
              me={snapshot.me}
              role={session.user.role}
              onOpen={open}
            />
            {session.user.role === 'admin' && (
              <button
                type="button"
                className="ghost"
                aria-pressed={routingOpen}
                onClick={() => setRoutingOpen((o) => !o)}
              >
                Routing settings
              </button>
            )}
          </>
        }
        onSignOut={onSignOut}
      />
      {trayOpen && issues > 0 && (
        <ConflictTray
          conflicts={snapshot.conflicts}
          failed={snapshot.failed}
          store={store}
          ticketRef={refOf}
          userName={(id) => data.users.get(id)?.name ?? id}
        />
      )}
      {newTicketOpen && (
        <NewTicketForm
          customers={data.customers}
          store={store}
          onClose={() => setNewTicketOpen(false)}
          onCreated={(id) => {
            setNewTicketOpen(false);
            setOpenId(id);
          }}
        />
      )}
      {routingOpen && (
        <RoutingSettings
          data={data}
          store={store}
          me={snapshot.me}
          role={session.user.role}
          onClose={() => setRoutingOpen(false)}
        />
      )}
      <Group
        className={openRow ? 'panes' : 'panes panes-closed'}
        orientation="horizontal"
        defaultLayout={layout.defaultLayout}
        onLayoutChanged={layout.onLayoutChanged}
        style={routingOpen ? { display: 'none' } : undefined}
      >
        <Panel id="queue" className="queue-pane" minSize="30">
          <ViewBar
            views={queue.views}
            counts={queue.counts}
            activeId={queue.viewId}
            onSelect={queue.setViewId}
            query={queue.query}
            onQuery={queue.setQuery}
            shown={queue.rows.length}
            groupBy={queue.groupBy}
            onGroupBy={queue.setGroupBy}
            onSave={startSaving}
            onDelete={
              queue.activeSaved?.ownerId === snapshot.me
                ? (viewId) =>
                    void store.mutate('view.delete', { viewId }, null).then(() => queue.setViewId('all-open'))
                : null
            }
          />
          {selectedTickets.length > 0 && (
            <BulkBar
              selected={selectedTickets}
              me={snapshot.me}
              role={session.user.role}
              mutateMany={(changes) => store.mutateMany(changes)}
              onClear={() => setSelected(new Set())}
            />
          )}
          <QueueTable
            rows={queue.rows}
            openId={openId}
            onOpen={open}
            now={now}
            groupBy={queue.groupBy}
            groupLabels={queue.groupLabels}
            selected={selected}
            onSelect={setSelected}
          />
        </Panel>
        {/* The ticket and sidebar panes stay mounted: with no ticket open they are the same
            panes (same places, same types: React keeps them), empty and hidden by CSS so the
            queue fills the width. Mounting them made react-resizable-panels register them and
            measure the layout (forced reflows) inside every open (bench: open a ticket). */}
        {openRow ? (
          <>
            <Separator className="pane-separator" aria-label="Resize the ticket pane" />
            <Panel {...DETAIL_PANE}>
              <TicketDetail
                ticket={openRow.ticket}
                customer={openRow.customer}
                messages={thread.messages}
                threadState={thread}
                detailState={detailState}
                users={data.users}
                onClose={() => setOpenId(null)}
                actions={
                  <>
                    <TicketActions
                      ref={actionsRef}
                      ticket={openRow.ticket}
                      store={store}
                      me={snapshot.me}
                      role={session.user.role}
                    />
                    <TicketTriage
                      ticket={openRow.ticket}
                      store={store}
                      squads={data.squads}
                      now={now}
                      me={snapshot.me}
                    />
                  </>
                }
                composer={
                  <Composer
                    ref={composerRef}
                    ticket={openRow.ticket}
                    store={store}
                    mode={composerMode}
                    onModeChange={setComposerMode}
                    messages={thread.messages}
                    me={snapshot.me}
                    onDraftChange={setReplying}
                    people={people}
                  />
                }
                linked={
                  openRow.ticket.linkedTicketIds.length > 0 && (
                    <p className="linked-tickets">
                      Linked:{' '}
                      {openRow.ticket.linkedTicketIds.map((id) => (
                        <button
                          key={id}
                          type="button"
                          className="link-chip"
                          onClick={() => setOpenId(id)}
                          aria-label={`Open linked ticket ${refOf(id)}`}
                        >
                          {refOf(id)}
                        </button>
                      ))}
                    </p>
                  )
                }
                presence={
                  others.length > 0 && (
                    <p className="presence" aria-live="polite" aria-label="Also on this ticket">
                      {others.map((o) => (
                        <span key={o.userId} className={`presence-chip presence-${o.activity}`}>
                          {o.name} is {o.activity}
                        </span>
                      ))}
                    </p>
                  )
                }
              />
            </Panel>
            <Separator className="pane-separator" aria-label="Resize the sidebar" />
            <Panel {...SIDEBAR_PANE}>
              <Sidebar
                ref={sidebarRef}
                ticket={openRow.ticket}
                customer={openRow.customer}
                data={data}
                store={store}
                me={snapshot.me}
                agentName={session.user.name}
                now={now}
                composer={composerRef}
                onOpenTicket={open}
                telemetry={
                  <TelemetryPanel
                    key={openRow.ticket.id}
                    ticket={openRow.ticket}
                    metas={data.telemetryByTicket.get(openRow.ticket.id) ?? NO_TELEMETRY}
                    messages={thread.messages}
                    store={store}
                    session={session}
                  />
                }
              />
            </Panel>
          </>
        ) : (
          <>
            <Separator className="pane-separator" aria-label="Resize the ticket pane" disabled />
            <Panel {...DETAIL_PANE} />
            <Separator className="pane-separator" aria-label="Resize the sidebar" disabled />
            <Panel {...SIDEBAR_PANE} />
          </>
        )}
      </Group>
      {saving && (
        <SaveViewDialog
          draft={saving}
          current={queue.activeSaved?.ownerId === snapshot.me ? queue.activeSaved : undefined}
          onClose={() => setSaving(null)}
          onSave={async (draft, replace) => {
            const viewId = replace?.id ?? newViewId();
            await store.mutate(
              'view.save',
              {
                viewId,
                name: draft.name,
                query: draft.query,
                sort: draft.sort,
                groupBy: draft.groupBy,
                shared: draft.shared,
              },
              null,
            );
            queue.setViewId(viewId);
            queue.setQuery('');
          }}
        />
      )}
      <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} entries={entries} onPick={pick} />
      {cheatSheetOpen && <CheatSheet onClose={() => setCheatSheetOpen(false)} />}
      <SessionRenewal
        needsSignIn={status.needsSignIn}
        session={session}
        store={store}
        onSessionRenewed={onSessionRenewed}
      />
    </div>
  );
}

/** A built-in view as search words, so "save as mine" starts from what it shows. */
function builtInQuery(viewId: string): string {
  switch (viewId) {
    case 'all-open':
      return 'is:open';
    case 'my-open':
      return 'is:open assignee:me';
    case 'unassigned':
      return 'is:open assignee:none';
    case 'enterprise':
      return 'is:open tier:enterprise';
    default:
      return '';
  }
}
