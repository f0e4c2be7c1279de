/**
 * A ticket's telemetry: the bundles attached to it (metadata synced with the
 * ticket), each opened from the local cache or fetched on demand and then
 * kept for offline use; an overview, the log, the API trace, a timeline and
 * the files; "Copy diagnosis" into an internal note (through the outbox, so it
 * works offline); and attaching the console's own diagnostics.
 *
 * Self-contained: mount it wherever the ticket's telemetry belongs (a section
 * of the ticket detail today, the sidebar's telemetry tab later).
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { diagnosisText, type TelemetryMeta } from '../../../../core/telemetry';
import { canTransition } from '../../../../core/tickets/lifecycle';
import type { Message, Ticket } from '../../../../core/tickets/model';
import type { Session } from '../../data/api-client';
import type { ConsoleStore } from '../../data/types';
import { ApiTrace } from './ApiTrace';
import { Attachments } from './Attachments';
import { ConsoleDiagnosticsButton } from './ConsoleDiagnostics';
import { dateTime, textOf } from './format';
import { LogViewer } from './LogViewer';
import { Overview } from './Overview';
import { installErrorRecorder } from './recent-errors';
import { useBundle, usePrefetch } from './telemetry-cache-hook';
import { Timeline } from './Timeline';
import './telemetry.css';

installErrorRecorder();

interface Props {
  ticket: Ticket;
  metas: readonly TelemetryMeta[];
  messages: readonly Message[];
  store: ConsoleStore;
  session: Session;
}

const TABS = ['overview', 'logs', 'api', 'timeline', 'files'] as const;
type Tab = (typeof TABS)[number];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function TelemetryPanel({ ticket, metas, messages, store, session }: Props) {
  const ids = useId();
  const sorted = useMemo(() => [...metas].sort((a, b) => b.receivedAt - a.receivedAt), [metas]);
  const [chosen, setChosen] = useState<string | null>(null);
  const meta = sorted.find((m) => m.id === chosen) ?? sorted[0] ?? null;
  usePrefetch(
    session,
    sorted.map((m) => m.id),
  );
  const [state, retry] = useBundle(session, meta?.id ?? null);
  const [tab, setTab] = useState<Tab>('overview');
  const [jump, setJump] = useState<{ time: number; nonce: number } | null>(null);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const customerNotes = useMemo(
    () =>
      messages.filter((m) => m.kind === 'customer').map((m) => ({ at: m.createdAt, text: textOf(m.body) })),
    [messages],
  );

  /** The diagnosis as an internal note; with `escalate`, the ticket is escalated with it (both offline-safe). */
  async function copyDiagnosis(escalate: boolean) {
    if (!meta || state.status !== 'ready') return;
    const text = diagnosisText(meta, state.cached.bundle);
    try {
      await store.mutate(
        'ticket.add_message',
        {
          ticketId: ticket.id,
          messageId: crypto.randomUUID(),
          kind: 'internal_note',
          body: escapeHtml(text),
        },
        { updatedAt: ticket.updatedAt },
      );
      if (escalate)
        await store.mutate(
          'ticket.transition',
          {
            ticketId: ticket.id,
            event: 'escalate',
            reason: `Telemetry: ${text.split('\n')[0] ?? ''}`.slice(0, 2000),
          },
          { state: ticket.state },
        );
    } catch (e) {
      setNote({
        text: `The note could not be saved: ${e instanceof Error ? e.message : String(e)}`,
        error: true,
      });
      return;
    }
    const copied = await navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    setNote({
      text: `Diagnosis added as an internal note${escalate ? ', ticket escalated' : ''}${copied ? ', copied to the clipboard' : ''}.`,
      error: false,
    });
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = (index + delta + TABS.length) % TABS.length;
    setTab(TABS[next] ?? 'overview');
    tabRefs.current[next]?.focus();
  }

  const tabLabel: Record<Tab, string> = {
    overview: 'Overview',
    logs: `Logs ${meta ? meta.counts.logs.toLocaleString() : ''}`,
    api: `API ${meta ? `${meta.counts.apiCalls}${meta.counts.failedCalls ? ` · ${meta.counts.failedCalls} failed` : ''}` : ''}`,
    timeline: 'Timeline',
    files: `Files ${meta?.counts.attachments ?? ''}`,
  };

  return (
    <section className="telemetry" aria-labelledby={`${ids}-title`}>
      <header className="tm-header">
        <h3 id={`${ids}-title`}>Telemetry</h3>
        {sorted.length > 1 && (
          <select
            aria-label="Telemetry bundle"
            value={meta?.id ?? ''}
            onChange={(e) => {
              setChosen(e.target.value);
              setNote(null);
            }}
          >
            {sorted.map((m) => (
              <option key={m.id} value={m.id}>
                {m.appName} {m.appVersion} · {dateTime(m.receivedAt)}
              </option>
            ))}
          </select>
        )}
        <span className="spacer" />
        <ConsoleDiagnosticsButton ticketId={ticket.id} session={session} store={store} />
      </header>
      {!meta && <p className="tm-empty">No telemetry is attached to this ticket.</p>}
      {meta && (
        <>
          <p className="tm-summary">
            <span className={`tm-source-badge source-${meta.source}`}>
              {meta.source === 'console' ? 'Console diagnostics' : 'From the app'}
            </span>{' '}
            {meta.appName} {meta.appVersion}
            {meta.outdated && (
              <span className="tm-badge warn">Outdated · latest {meta.latestVersion}</span>
            )} · {meta.device} · {meta.os} · received {dateTime(meta.receivedAt)}
            {meta.headline && <span className="tm-headline"> · {meta.headline}</span>}
          </p>
          {state.status === 'loading' && <p className="tm-empty">Loading telemetry…</p>}
          {state.status === 'error' && (
            <p role="alert" className={state.offline ? 'tm-offline' : 'error'}>
              {state.message}{' '}
              <button type="button" className="ghost" onClick={retry}>
                Retry
              </button>
            </p>
          )}
          {state.status === 'ready' && (
            <>
              <div role="tablist" aria-label="Telemetry views" className="tm-tabs">
                {TABS.map((t, i) => (
                  <button
                    key={t}
                    ref={(el) => {
                      tabRefs.current[i] = el;
                    }}
                    type="button"
                    role="tab"
                    id={`${ids}-tab-${t}`}
                    aria-selected={tab === t}
                    aria-controls={`${ids}-panel`}
                    tabIndex={tab === t ? 0 : -1}
                    className={`view-tab${tab === t ? ' active' : ''}`}
                    onClick={() => setTab(t)}
                    onKeyDown={(e) => onTabKey(e, i)}
                  >
                    {tabLabel[t]}
                  </button>
                ))}
              </div>
              <div
                role="tabpanel"
                id={`${ids}-panel`}
                aria-labelledby={`${ids}-tab-${tab}`}
                className="tm-panel"
              >
                {tab === 'overview' && <Overview meta={meta} bundle={state.cached.bundle} />}
                {tab === 'logs' && <LogViewer logs={state.cached.bundle.logs} jump={jump} />}
                {tab === 'api' && <ApiTrace calls={state.cached.bundle.apiTrace} />}
                {tab === 'timeline' && (
                  <Timeline
                    bundle={state.cached.bundle}
                    ticketMessages={customerNotes}
                    onOpenLog={(time) => {
                      setJump({ time, nonce: Date.now() });
                      setTab('logs');
                    }}
                  />
                )}
                {tab === 'files' && (
                  <Attachments attachments={state.cached.bundle.attachments} files={state.cached.files} />
                )}
              </div>
              <footer className="tm-footer">
                <button type="button" className="primary" onClick={() => void copyDiagnosis(false)}>
                  Copy diagnosis to internal note
                </button>
                {canTransition(ticket.state, 'escalate') && (
                  <button type="button" className="ghost" onClick={() => void copyDiagnosis(true)}>
                    Escalate with diagnosis
                  </button>
                )}
                {note && (
                  <span
                    role={note.error ? 'alert' : undefined}
                    aria-live="polite"
                    className={note.error ? 'error' : 'muted'}
                  >
                    {note.text}
                  </span>
                )}
              </footer>
            </>
          )}
        </>
      )}
    </section>
  );
}
