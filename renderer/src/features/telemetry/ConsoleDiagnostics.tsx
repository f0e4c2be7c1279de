/**
 * "Attach console diagnostics": when an agent reports a problem with the
 * console itself, its version, OS and browser, sync state and recent errors go
 * onto the ticket as a telemetry bundle (redacted on the server like any other).
 */
import { useState } from 'react';
import { consoleDiagnosticsBundle } from '../../../../core/telemetry';
import type { Session } from '../../data/api-client';
import { postConsoleDiagnostics } from '../../data/telemetry-api';
import type { ConsoleStore } from '../../data/types';
import { recentErrors } from './recent-errors';

export function ConsoleDiagnosticsButton({
  ticketId,
  session,
  store,
}: {
  ticketId: string;
  session: Session;
  store: ConsoleStore;
}) {
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({
    busy: false,
    message: null,
    error: false,
  });

  async function attach() {
    setState({ busy: true, message: null, error: false });
    try {
      const status = store.getSnapshot().status;
      const version = window.desktop ? await window.desktop.appVersion() : 'web';
      const bundle = consoleDiagnosticsBundle({
        consoleVersion: version,
        userAgent: navigator.userAgent,
        locale: navigator.language,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        agentId: session.user.id,
        now: Date.now(),
        sync: {
          online: status.online,
          pending: status.pending,
          conflicts: status.conflicts,
          failed: status.failed,
          lastSyncedAt: status.lastSyncedAt,
          error: status.error,
        },
        recentErrors: recentErrors(),
      });
      await postConsoleDiagnostics(session.token, ticketId, bundle);
      setState({ busy: false, message: 'Console diagnostics attached.', error: false });
      store.syncNow(); // bring the new bundle's metadata in at once
    } catch (e) {
      setState({
        busy: false,
        message: `Could not attach diagnostics: ${e instanceof Error ? e.message : String(e)}`,
        error: true,
      });
    }
  }

  return (
    <span className="tm-diag">
      <button type="button" className="ghost" disabled={state.busy} onClick={() => void attach()}>
        {state.busy ? 'Attaching…' : 'Attach console diagnostics'}
      </button>
      {state.message && (
        <span
          role={state.error ? 'alert' : undefined}
          aria-live="polite"
          className={state.error ? 'error' : 'muted'}
        >
          {state.message}
        </span>
      )}
    </span>
  );
}
