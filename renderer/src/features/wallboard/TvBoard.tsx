/**
 * TV mode: the board in pages large enough to read across a room, rotating on
 * their own (no keyboard or mouse at a wall screen). The page in view is
 * announced politely; Esc or the (focusable) link leaves TV mode.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { WorkerBoard } from './metrics.worker';
import { AtRiskList } from './AtRiskList';
import { BacklogBreakdown } from './BacklogBreakdown';
import { Heatmap } from './Heatmap';
import { RootCauses } from './RootCauses';
import { TileGrid } from './TileGrid';
import { TrendCharts } from './TrendCharts';

export const TV_PAGES: { id: string; title: string; render: (board: WorkerBoard) => ReactNode }[] = [
  { id: 'figures', title: 'Key figures', render: (b) => <TileGrid tiles={b.tiles} /> },
  {
    id: 'risk',
    title: 'SLA risk and backlog',
    render: (b) => (
      <div className="tv-split">
        <AtRiskList items={b.atRisk.slice(0, 8)} total={b.atRiskTotal} />
        <BacklogBreakdown backlog={b.backlog} />
      </div>
    ),
  },
  { id: 'trends', title: 'Trends', render: (b) => <TrendCharts points={b.trend} /> },
  {
    id: 'volume',
    title: 'Volume and root causes',
    render: (b) => (
      <div className="tv-split">
        <Heatmap data={b.heatmap} by="weekday" />
        <RootCauses groups={b.rootCauses} resolved={b.resolvedInWindow} />
      </div>
    ),
  },
];

export function TvBoard({
  board,
  rotateSeconds,
  startPage,
  exitHref,
}: {
  board: WorkerBoard;
  rotateSeconds: number;
  startPage: number;
  exitHref: string;
}) {
  const [page, setPage] = useState(startPage % TV_PAGES.length);
  useEffect(() => {
    const id = window.setInterval(() => setPage((p) => (p + 1) % TV_PAGES.length), rotateSeconds * 1000);
    return () => window.clearInterval(id);
  }, [rotateSeconds]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') window.location.assign(exitHref);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [exitHref]);
  const current = TV_PAGES[page] ?? TV_PAGES[0];
  if (!current) return null;
  return (
    <section
      className={`tv-page tv-page-${current.id}`}
      aria-roledescription="slide"
      aria-label={`${current.title}, page ${page + 1} of ${TV_PAGES.length}`}
      data-tv-page={current.id}
    >
      <div className="tv-page-head">
        <h2 aria-live="polite">{current.title}</h2>
        <ol className="tv-dots" aria-label="Pages">
          {TV_PAGES.map((p, i) => (
            <li
              key={p.id}
              className={i === page ? 'current' : ''}
              aria-current={i === page ? 'step' : undefined}
            >
              <span className="visually-hidden">{p.title}</span>
            </li>
          ))}
        </ol>
        <a className="tv-exit" href={exitHref}>
          Leave TV mode
        </a>
      </div>
      {current.render(board)}
    </section>
  );
}
