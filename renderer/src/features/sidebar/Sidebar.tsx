/**
 * The third pane beside the ticket: customer context, knowledge base, macros and
 * telemetry as tabs (arrow keys, Home and End move between them). It also owns
 * the `m` macro picker and the apply / undo notice, so the console only mounts
 * it and forwards the shortcuts through the handle.
 */
import { useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode, Ref, RefObject } from 'react';
import type { Customer, Ticket } from '../../../../core/tickets/model';
import type { ConsoleStore } from '../../data/types';
import type { WorkspaceData } from '../../data/workspace-store';
import { KbPanel } from '../kb/KbPanel';
import { MacroBrowser } from '../macros/MacroBrowser';
import { MacroPicker } from '../macros/MacroPicker';
import { valuesFor } from '../macros/placeholder-values';
import { useMacroRunner } from '../macros/use-macro-runner';
import type { ComposerHandle } from '../ticket/Composer';
import { CustomerPanel } from './CustomerPanel';
import './sidebar.css';

export const SIDEBAR_TABS = ['customer', 'kb', 'macros', 'telemetry'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];
const LABELS: Record<SidebarTab, string> = {
  customer: 'Customer',
  kb: 'KB',
  macros: 'Macros',
  telemetry: 'Telemetry',
};

export interface SidebarHandle {
  /** `m`: the macro picker for the open ticket. */
  openMacroPicker(): void;
  /** `u`: undo the last macro applied to the open ticket. */
  undoMacro(): void;
  showTab(tab: SidebarTab): void;
}

interface Props {
  ticket: Ticket;
  customer: Customer | undefined;
  data: WorkspaceData;
  store: ConsoleStore;
  me: string;
  agentName: string;
  now: number;
  composer: RefObject<ComposerHandle | null>;
  onOpenTicket: (id: string) => void;
  /** The telemetry viewer for this ticket, when one is attached. */
  telemetry?: ReactNode;
  ref?: Ref<SidebarHandle>;
}

/** Customer text for suggestions: the first customer message, tags stripped (it may be HTML). */
function firstCustomerText(data: WorkspaceData, ticketId: string): string {
  const messages = data.messagesByTicket.get(ticketId) ?? [];
  const first = messages.filter((m) => m.kind === 'customer').sort((a, b) => a.createdAt - b.createdAt)[0];
  return first ? first.body.replace(/<[^>]*>/g, ' ').slice(0, 2000) : '';
}

export function Sidebar(props: Props) {
  const { ticket, customer, data, store, me, agentName, now, composer, onOpenTicket, telemetry, ref } = props;
  const ids = useId();
  const [tab, setTab] = useState<SidebarTab>('customer');
  const [pickerFor, setPickerFor] = useState<string | null>(null);
  const tabRefs = useRef<Partial<Record<SidebarTab, HTMLButtonElement | null>>>({});
  const runner = useMacroRunner(store, ticket, composer);
  const macros = useMemo(() => [...data.macros.values()], [data.macros]);
  const ticketText = useMemo(() => firstCustomerText(data, ticket.id), [data, ticket.id]);
  const values = useMemo(
    () => valuesFor(ticket, customer, agentName, now),
    [ticket, customer, agentName, now],
  );
  const squadName = (id: string | null) => (id === null ? 'none' : (data.squads.get(id)?.name ?? id));

  useImperativeHandle(ref, () => ({
    openMacroPicker: () => setPickerFor(ticket.id),
    undoMacro: () => void runner.undo(),
    showTab: setTab,
  }));

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const i = SIDEBAR_TABS.indexOf(tab);
    const n = SIDEBAR_TABS.length;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? SIDEBAR_TABS[(i + 1) % n]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? SIDEBAR_TABS[(i + n - 1) % n]
          : event.key === 'Home'
            ? SIDEBAR_TABS[0]
            : event.key === 'End'
              ? SIDEBAR_TABS[n - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  const apply = (prepared: Parameters<typeof runner.apply>[0]) => void runner.apply(prepared);
  const browserProps = { macros, ticket, ticketText, values, squadName, onApply: apply };
  const notice = runner.notice;

  return (
    <aside className="sidebar" aria-label="Ticket sidebar">
      <div role="tablist" aria-label="Sidebar" className="sidebar-tabs">
        {SIDEBAR_TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              tabRefs.current[t] = el;
            }}
            type="button"
            role="tab"
            id={`${ids}-tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`${ids}-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            className={`sidebar-tab${tab === t ? ' active' : ''}`}
            onClick={() => setTab(t)}
            onKeyDown={onTabKey}
          >
            {LABELS[t]}
          </button>
        ))}
      </div>
      <div className="macro-notice" aria-live="polite">
        {notice && (
          <>
            <span className={notice.kind === 'error' ? 'error' : undefined}>{notice.text}</span>
            {runner.last && (
              <button type="button" className="action" onClick={() => void runner.undo()}>
                Undo macro (u)
              </button>
            )}
          </>
        )}
      </div>
      {SIDEBAR_TABS.map((t) => (
        <div
          key={t}
          role="tabpanel"
          id={`${ids}-panel-${t}`}
          aria-labelledby={`${ids}-tab-${t}`}
          hidden={tab !== t}
          // Focusable only when it holds no control of its own (no telemetry attached), as the APG tabs pattern asks.
          tabIndex={t === 'telemetry' && !telemetry ? 0 : undefined}
          className="sidebar-panel"
        >
          {t === 'customer' && (
            <CustomerPanel
              customer={customer}
              ticket={ticket}
              tickets={data.tickets}
              users={data.users}
              onOpenTicket={onOpenTicket}
            />
          )}
          {t === 'kb' && (
            <KbPanel
              articles={data.kbArticles}
              findability={data.kbFindability}
              users={data.users}
              ticket={ticket}
              ticketText={ticketText}
              now={now}
              me={me}
              store={store}
              onInsert={(text) => composer.current?.insert(text)}
              shown={tab === 'kb'}
            />
          )}
          {t === 'macros' && tab === 'macros' && <MacroBrowser {...browserProps} />}
          {t === 'telemetry' && (telemetry ?? <p className="muted">No telemetry attached.</p>)}
        </div>
      ))}
      {pickerFor === ticket.id && <MacroPicker {...browserProps} onClose={() => setPickerFor(null)} />}
    </aside>
  );
}
