import type { AtRiskTicket } from '../../../../core/metrics/board';
import type { SlaTargetKind } from '../../../../core/sla/policies';
import { formatTile } from './format-tile';

const TARGET_LABELS: Record<SlaTargetKind, string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
  workaround: 'workaround',
  root_cause: 'root-cause plan',
};

/** Open tickets whose SLA is breached or at risk right now, the most urgent first. */
export function AtRiskList({ items, total }: { items: readonly AtRiskTicket[]; total: number }) {
  return (
    <section className="panel at-risk" aria-labelledby="at-risk-title">
      <h2 id="at-risk-title">
        SLA at risk / breached now <span className="count">{total}</span>
      </h2>
      {items.length === 0 ? (
        <p className="empty">No open ticket is at risk.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Subject</th>
              <th scope="col">Priority</th>
              <th scope="col">Target</th>
              <th scope="col">Overdue / left</th>
            </tr>
          </thead>
          <tbody>
            {items.map((t) => (
              <tr key={t.id} className={`risk-${t.state}`} data-ref={t.ref}>
                <th scope="row">{t.ref}</th>
                <td className="subject">{t.subject}</td>
                <td className={`prio prio-${t.priority}`}>{t.priority}</td>
                <td>{TARGET_LABELS[t.target]}</td>
                <td className="left">
                  {t.state === 'breached'
                    ? `${formatTile({ value: -t.remainingMs, unit: 'ms' })} over`
                    : `${formatTile({ value: t.remainingMs, unit: 'ms' })} left`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > items.length && <p className="more">and {total - items.length} more</p>}
    </section>
  );
}
