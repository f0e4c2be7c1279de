import type { RootCauseGroup } from '../../../../core/metrics/board';

/** Resolved tickets of the window grouped by the root cause recorded at resolution. */
export function RootCauses({ groups, resolved }: { groups: readonly RootCauseGroup[]; resolved: number }) {
  // Bars relative to the largest group, so the differences between groups are visible.
  const max = Math.max(1, ...groups.map((g) => g.count));
  return (
    <section className="panel root-causes" aria-labelledby="root-causes-title">
      <h2 id="root-causes-title">
        Root causes <span className="count">{resolved.toLocaleString('en')} resolved</span>
      </h2>
      {groups.length === 0 ? (
        <p className="empty">No ticket resolved in this window.</p>
      ) : (
        <ol>
          {groups.map((g) => (
            <li key={g.rootCause}>
              <span className="bar-label">{g.rootCause}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${Math.max(2, (100 * g.count) / max)}%` }} />
              </span>
              <span className="bar-value">
                {g.count.toLocaleString('en')} · {Math.round(g.share * 100)} %
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
