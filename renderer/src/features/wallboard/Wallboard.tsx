/**
 * The supervisor's wallboard (web mode: /wallboard on a wall screen's browser):
 * KPI tiles in large type, coloured against their targets, each with its
 * definition on hover and focus. Computed from the local store, so it keeps
 * showing the last known numbers offline, with the time they are from.
 */
import { format } from 'date-fns';
import { useMemo } from 'react';
import { wallboardTiles } from '../../../../core/metrics';
import type { Session } from '../../data/api-client';
import type { LocalConsoleStore } from '../../data/console-store';
import { useSnapshot } from '../../data/use-console-store';
import { ConnectivityBadge } from '../../app/ConnectivityBadge';
import { StoreGate } from '../../app/StoreGate';
import { useNow } from '../../app/use-now';
import { formatTile } from './format-tile';
import './wallboard.css';

export function Wallboard({ session }: { session: Session }) {
  return <StoreGate session={session}>{(store) => <Board store={store} />}</StoreGate>;
}

function Board({ store }: { store: LocalConsoleStore }) {
  const { data, status } = useSnapshot(store);
  const now = useNow(15_000);
  const tiles = useMemo(() => wallboardTiles(data.tickets, data.contacts.values(), now), [data, now]);
  const asOf = status.lastSyncedAt ?? null;
  return (
    <main className="wallboard" aria-label="Wallboard">
      <header className="wallboard-head">
        <h1>Spark Drive support — last 7 days</h1>
        <span className="wallboard-asof">
          {status.online ? 'Live' : 'Offline'} · as of {asOf ? format(asOf, 'HH:mm:ss') : 'not synced yet'}
        </span>
        <ConnectivityBadge status={status} />
      </header>
      <ul className="tiles">
        {tiles.map((tile) => (
          <li
            key={tile.id}
            className={`tile tile-${tile.rating ?? 'none'}`}
            data-tile={tile.id}
            tabIndex={0}
            title={`${tile.definition} Target: ${tile.target}.`}
            aria-label={`${tile.label}: ${formatTile(tile)}. Target ${tile.target}. ${tile.definition}`}
          >
            <span className="tile-label">{tile.label}</span>
            <span className="tile-value">{formatTile(tile)}</span>
            <span className="tile-target">target {tile.target}</span>
            {tile.detail && <span className="tile-detail">{tile.detail}</span>}
            <span className="tile-definition">{tile.definition}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
