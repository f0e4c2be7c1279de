/** The console's top bar: workspace counts, connectivity, review tray, palette, user. */
import type { ReactNode } from 'react';
import type { Session } from '../data/api-client';
import type { SyncStatus } from '../data/types';
import { ConnectivityBadge } from './ConnectivityBadge';

interface Props {
  session: Session;
  status: SyncStatus;
  summary: string;
  issues: number;
  trayOpen: boolean;
  onToggleTray: () => void;
  onPalette: () => void;
  onSignOut: () => void;
  /** Feature buttons (new ticket, alerts, settings) before the connectivity badge. */
  tools?: ReactNode;
}

export function Topbar({
  session,
  status,
  summary,
  issues,
  trayOpen,
  onToggleTray,
  onPalette,
  onSignOut,
  tools,
}: Props) {
  return (
    <header className="topbar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true">
          ⚡
        </span>{' '}
        Spark Console
      </span>
      <span className="counts" aria-live="polite">
        {summary}
      </span>
      <span className="spacer" />
      <button type="button" className="ghost palette-button" onClick={onPalette}>
        Search everything <kbd>Ctrl K</kbd>
      </button>
      {tools}
      <ConnectivityBadge status={status} />
      {issues > 0 && (
        <button type="button" className="ghost" aria-expanded={trayOpen} onClick={onToggleTray}>
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
  );
}
