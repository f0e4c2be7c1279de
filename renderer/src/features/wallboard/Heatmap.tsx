import { useState, type CSSProperties } from 'react';
import type { Heatmap as HeatmapData } from '../../../../core/metrics/board';
import { areaLabel } from './labels';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/**
 * Tickets created by product area × weekday or × hour (UTC), as a table so it
 * reads out cell by cell; the shade only repeats the number in the cell.
 */
export function Heatmap({ data, by: fixed }: { data: HeatmapData; by?: 'weekday' | 'hour' }) {
  const [chosen, setBy] = useState<'weekday' | 'hour'>('weekday');
  const by = fixed ?? chosen;
  const rows = by === 'weekday' ? data.byWeekday : data.byHour;
  const columns = by === 'weekday' ? WEEKDAYS : HOURS;
  const max = Math.max(1, by === 'weekday' ? data.max.weekday : data.max.hour);
  return (
    <section className="panel heatmap" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">Volume by product area × {by === 'weekday' ? 'weekday' : 'hour (UTC)'}</h2>
      {!fixed && (
        <div className="segmented" role="group" aria-label="Heatmap columns">
          <button type="button" aria-pressed={by === 'weekday'} onClick={() => setBy('weekday')}>
            Weekday
          </button>
          <button type="button" aria-pressed={by === 'hour'} onClick={() => setBy('hour')}>
            Hour
          </button>
        </div>
      )}
      {data.areas.length === 0 ? (
        <p className="empty">No tickets created in this window.</p>
      ) : (
        <table className={`heat heat-${by}`}>
          <thead>
            <tr>
              <th scope="col">Area</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.areas.map((area, i) => (
              <tr key={area}>
                <th scope="row">{areaLabel(area)}</th>
                {(rows[i] ?? []).map((n, j) => (
                  <td key={j} style={{ '--heat': n / max } as CSSProperties}>
                    {n > 0 ? n : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
