import { BACKLOG_AGE_BUCKETS, type BacklogResult } from '../../../../core/metrics';
import { PRIORITIES } from '../../../../core/tickets/model';
import { areaLabel } from './labels';

function Bars({ title, rows }: { title: string; rows: { key: string; label: string; value: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <div className="bars">
      <h3>{title}</h3>
      <ul>
        {rows.map((r) => (
          <li key={r.key} data-bar={r.key}>
            <span className="bar-label">{r.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(100 * r.value) / max}%` }} />
            </span>
            <span className="bar-value">{r.value.toLocaleString('en')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const AREAS_SHOWN = 6;

/** The open tickets by priority, age and product area. */
export function BacklogBreakdown({ backlog }: { backlog: BacklogResult }) {
  const areas = Object.entries(backlog.byProductArea)
    .sort((a, b) => b[1] - a[1])
    .slice(0, AREAS_SHOWN)
    .map(([key, value]) => ({ key, label: areaLabel(key), value }));
  return (
    <section className="panel backlog" aria-labelledby="backlog-title">
      <h2 id="backlog-title">
        Backlog <span className="count">{backlog.total.toLocaleString('en')}</span>
      </h2>
      <div className="bars-row">
        <Bars
          title="By priority"
          rows={[...PRIORITIES].reverse().map((p) => ({ key: p, label: p, value: backlog.byPriority[p] }))}
        />
        <Bars
          title="By age"
          rows={BACKLOG_AGE_BUCKETS.map((b) => ({
            key: b.id,
            label: b.label,
            value: backlog.byAge[b.id] ?? 0,
          }))}
        />
        <Bars title="By product area" rows={areas} />
      </div>
    </section>
  );
}
