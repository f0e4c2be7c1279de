/**
 * The supervisor's wallboard: /wallboard in a browser (a wall screen), or the
 * desktop app's wallboard window (index.html?view=wallboard&…). KPI tiles
 * coloured against their targets, trends, backlog, SLA risk, heatmap and root
 * causes, for a squad and a 7/30/90-day window; `?tv=1` shows it as rotating
 * full-screen pages. The figures come from the metrics worker over the local
 * store, so they stay up offline with the time they are from; an expired
 * session is renewed over the board without losing it.
 */
import { format, isSameDay } from 'date-fns';
import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../data/api-client';
import type { LocalConsoleStore } from '../../data/console-store';
import { databaseName } from '../../data/db';
import { useSnapshot } from '../../data/use-console-store';
import { ConnectivityBadge } from '../../app/ConnectivityBadge';
import { SessionRenewal } from '../../app/SessionRenewal';
import { StoreGate } from '../../app/StoreGate';
import { useNow } from '../../app/use-now';
import { AtRiskList } from './AtRiskList';
import { BacklogBreakdown } from './BacklogBreakdown';
import { boardSearch, parseBoardParams, WINDOWS, type BoardParams } from './board-query';
import { exportCsv, exportPng } from './export-board';
import { Heatmap } from './Heatmap';
import { ImportDialog } from './ImportDialog';
import { RootCauses } from './RootCauses';
import { TileGrid } from './TileGrid';
import { TrendCharts } from './TrendCharts';
import { TvBoard } from './TvBoard';
import { useBoard } from './use-board';
import './wallboard.css';

interface Props {
  session: Session;
  onSessionRenewed: (session: Session) => void;
}

export function Wallboard({ session, onSessionRenewed }: Props) {
  return (
    <StoreGate session={session}>
      {(store) => <Board store={store} session={session} onSessionRenewed={onSessionRenewed} />}
    </StoreGate>
  );
}

/** The last successful sync, kept across reloads so an offline wall screen still says how old its figures are. */
function useAsOf(dbName: string, lastSyncedAt: number | null): number | null {
  const key = `spark-wallboard:as-of:${dbName}`;
  useEffect(() => {
    if (lastSyncedAt !== null) localStorage.setItem(key, String(lastSyncedAt));
  }, [key, lastSyncedAt]);
  if (lastSyncedAt !== null) return lastSyncedAt;
  const saved = Number(localStorage.getItem(key));
  return Number.isFinite(saved) && saved > 0 ? saved : null;
}

/** Keeps the address in step with the filters, so the link can be put on a wall screen as is. */
function hrefFor(params: BoardParams): string {
  const view = new URLSearchParams(window.location.search).get('view');
  const search = boardSearch(params);
  const viewPart = view ? `view=${encodeURIComponent(view)}` : '';
  const joined = [viewPart, search.replace(/^\?/, '')].filter(Boolean).join('&');
  return `${window.location.pathname}${joined ? `?${joined}` : ''}`;
}

function Board({ store, session, onSessionRenewed }: Props & { store: LocalConsoleStore }) {
  const { data, status } = useSnapshot(store);
  const [params, setParams] = useState(() => parseBoardParams(window.location.search));
  const now = useNow(30_000);
  const dbName = databaseName(session.user.workspaceId, session.user.id);
  const state = useBoard(dbName, data.cursor, {
    now,
    windowDays: params.windowDays,
    squadId: params.squadId,
  });
  const asOf = useAsOf(dbName, status.lastSyncedAt);
  const [importing, setImporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const boardRef = useRef<HTMLElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);

  const update = (patch: Partial<BoardParams>) => {
    const next = { ...params, ...patch };
    setParams(next);
    window.history.replaceState(null, '', hrefFor(next));
  };

  const board = state.board;
  const squadName =
    board?.squads.find((s) => s.id === params.squadId)?.name ?? params.squadId ?? 'All squads';
  const canImport = session.user.role === 'supervisor' || session.user.role === 'admin';
  const asOfText =
    asOf === null ? 'not synced yet' : format(asOf, isSameDay(asOf, now) ? 'HH:mm:ss' : 'd MMM HH:mm');

  return (
    <main
      ref={boardRef}
      className={params.tv ? 'wallboard wallboard-tv' : 'wallboard'}
      aria-label="Wallboard"
      aria-busy={state.status === 'loading'}
    >
      <header className="wallboard-head">
        <h1>
          Spark Drive support — {squadName}, last {params.windowDays} days
        </h1>
        <span className="wallboard-asof">
          {status.online ? 'Live' : 'Offline'} · as of {asOfText}
        </span>
        <ConnectivityBadge status={status} />
      </header>
      {!params.tv && (
        <div className="wallboard-controls" data-export-skip="true">
          <label>
            Squad
            <select
              value={params.squadId ?? ''}
              onChange={(e) => update({ squadId: e.target.value || null })}
            >
              <option value="">All squads</option>
              {board?.squads.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <div className="segmented" role="group" aria-label="Window">
            {WINDOWS.map((d) => (
              <button
                key={d}
                type="button"
                aria-pressed={params.windowDays === d}
                onClick={() => update({ windowDays: d })}
              >
                {d} days
              </button>
            ))}
          </div>
          <span className="spacer" />
          {canImport && (
            <button ref={importButton} type="button" onClick={() => setImporting(true)}>
              Import calls…
            </button>
          )}
          <button
            type="button"
            disabled={!board}
            onClick={() => {
              if (!board || !boardRef.current) return;
              setExportError(null);
              exportPng(boardRef.current, board).catch((e: unknown) =>
                setExportError(`The picture could not be made: ${String(e)}`),
              );
            }}
          >
            Export PNG
          </button>
          <button type="button" disabled={!board} onClick={() => board && exportCsv(board, squadName)}>
            Export CSV
          </button>
          <a className="button-link" href={hrefFor({ ...params, tv: true })}>
            TV mode
          </a>
        </div>
      )}
      {exportError && (
        <p role="alert" className="error">
          {exportError}
        </p>
      )}
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {!board ? (
        <p className="centered">Computing the board from the local workspace…</p>
      ) : params.tv ? (
        <TvBoard
          board={board}
          rotateSeconds={params.rotateSeconds}
          startPage={params.startPage}
          exitHref={hrefFor({ ...params, tv: false })}
        />
      ) : (
        <>
          <TileGrid tiles={board.tiles} />
          <TrendCharts points={board.trend} />
          <div className="wallboard-row">
            <AtRiskList items={board.atRisk} total={board.atRiskTotal} />
            <BacklogBreakdown backlog={board.backlog} />
          </div>
          <div className="wallboard-row">
            <Heatmap data={board.heatmap} />
            <RootCauses groups={board.rootCauses} resolved={board.resolvedInWindow} />
          </div>
          <p className="wallboard-foot">
            {board.counts.tickets.toLocaleString('en')} tickets and{' '}
            {board.counts.contacts.toLocaleString('en')} contacts in the local store · recomputed in{' '}
            {Math.round(board.computeMs)} ms · days are UTC
          </p>
        </>
      )}
      {importing && (
        <ImportDialog
          token={session.token}
          boardWindow={board?.window ?? { from: 0, to: 0 }}
          onClose={() => {
            setImporting(false);
            importButton.current?.focus(); // back where the supervisor was
          }}
        />
      )}
      <SessionRenewal
        needsSignIn={status.needsSignIn}
        session={session}
        store={store}
        onSessionRenewed={onSessionRenewed}
      />
    </main>
  );
}
