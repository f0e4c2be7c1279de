import type { Findability } from '../../../../core/kb';
import { KB_FINDABILITY_TARGET } from '../../../../core/kb';

const pct = (x: number) => `${Math.round(x * 100)} %`;
const TOP = 5;

/** Share of KB searches that led to an article view (target > 60 %), and the hit rate of the top queries. */
export function FindabilitySummary({ findability }: { findability: Findability }) {
  const { rate, searches, withView, queries } = findability;
  return (
    <section className="kb-findability-summary" aria-label="Findability">
      <h4>Findability</h4>
      {rate === null ? (
        <p className="muted">No KB searches recorded yet.</p>
      ) : (
        <>
          <p>
            <strong className={rate > KB_FINDABILITY_TARGET ? 'ok' : 'warn'}>{pct(rate)}</strong> of{' '}
            {searches} search{searches === 1 ? '' : 'es'} led to an article ({withView}); target &gt;{' '}
            {pct(KB_FINDABILITY_TARGET)}.
          </p>
          <table className="kb-queries">
            <caption className="visually-hidden">
              Most frequent searches and how often they led to an article
            </caption>
            <thead>
              <tr>
                <th scope="col">Query</th>
                <th scope="col">Searches</th>
                <th scope="col">Hit rate</th>
              </tr>
            </thead>
            <tbody>
              {queries.slice(0, TOP).map((q) => (
                <tr key={q.query}>
                  <td>{q.query}</td>
                  <td>{q.searches}</td>
                  <td className={q.hitRate > KB_FINDABILITY_TARGET ? undefined : 'warn'}>{pct(q.hitRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
