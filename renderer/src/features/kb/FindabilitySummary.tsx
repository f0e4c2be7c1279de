import type { Findability } from '../../../../core/kb';
import { KB_FINDABILITY_TARGET } from '../../../../core/kb';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Share of KB searches that led to an article view (target > 60 %), and the queries that find nothing. */
export function FindabilitySummary({ findability }: { findability: Findability }) {
  const { rate, searches, withView, queries } = findability;
  const misses = queries.filter((q) => q.withView === 0).slice(0, 5);
  return (
    <section className="kb-findability-summary" aria-label="Findability">
      <h4>Findability</h4>
      {rate === null ? (
        <p className="muted">No KB searches recorded yet.</p>
      ) : (
        <>
          <p>
            <strong className={rate >= KB_FINDABILITY_TARGET ? 'ok' : 'warn'}>{pct(rate)}</strong> of{' '}
            {searches} searches led to an article ({withView}); target &gt; {pct(KB_FINDABILITY_TARGET)}.
          </p>
          {misses.length > 0 && (
            <p className="muted">
              Found nothing: {misses.map((q) => `“${q.query}” ×${q.searches}`).join(', ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
