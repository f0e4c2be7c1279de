import { format } from 'date-fns';
import type { SyncStatus } from '../data/types';

type Tone = 'online' | 'offline' | 'syncing' | 'signin';

/** Sign-in outranks offline: reconnecting will not help until the agent signs in again. */
function headline(status: SyncStatus): { tone: Tone; label: string } {
  if (status.needsSignIn) return { tone: 'signin', label: 'Sign in to sync' };
  if (!status.online) return { tone: 'offline', label: 'Offline' };
  if (status.syncing || status.bootstrapping) return { tone: 'syncing', label: 'Syncing…' };
  return { tone: 'online', label: 'Online' };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function tooltip(status: SyncStatus): string {
  const lines: string[] = [];
  if (status.error) lines.push(status.error);
  lines.push(
    status.lastSyncedAt === null
      ? 'Not synced yet'
      : `Last synced ${format(status.lastSyncedAt, 'd MMM yyyy, HH:mm:ss')}`,
  );
  if (status.pending > 0) lines.push('Pending changes are kept on this device and sent when online.');
  return lines.join('\n');
}

/**
 * Always-visible sync state for the top bar. Agents work offline on purpose, so
 * the badge says plainly what has not reached the server yet and what needs them.
 */
export function ConnectivityBadge({ status }: { status: SyncStatus }) {
  const { tone, label } = headline(status);
  const trouble = status.conflicts > 0 || status.failed > 0;
  return (
    <span
      role="status"
      aria-live="polite"
      className={`connectivity connectivity-${tone}${trouble ? ' connectivity-trouble' : ''}`}
      title={tooltip(status)}
      data-tone={tone}
    >
      <span className="connectivity-dot" aria-hidden="true" />
      <span className="connectivity-label">{label}</span>
      {status.bootstrapping && (
        <span className="connectivity-part">{plural(status.bootstrapping.loaded, 'row', 'rows')} loaded</span>
      )}
      {status.pending > 0 && (
        <span className="connectivity-part connectivity-pending">
          {status.pending.toLocaleString()} pending
        </span>
      )}
      {status.conflicts > 0 && (
        <span className="connectivity-part connectivity-alert">
          {plural(status.conflicts, 'conflict', 'conflicts')}
        </span>
      )}
      {status.failed > 0 && (
        <span className="connectivity-part connectivity-alert">{status.failed.toLocaleString()} failed</span>
      )}
    </span>
  );
}
