/**
 * The ticket's SLA targets (first/next response, resolution; workaround and root
 * cause for Enterprise Sev 1), each
 * with its state and what is left — ticking every second while the ticket is
 * open, so an agent sees a breach coming, not after it happened.
 */
import { format } from 'date-fns';
import { slaStatus, type SlaTargetKind } from '../../../../core/sla';
import type { Ticket } from '../../../../core/tickets/model';
import { formatCountdown } from '../../app/format';
import { useNow } from '../../app/use-now';

const KIND_LABEL: Record<SlaTargetKind, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
  workaround: 'Workaround',
  root_cause: 'Root cause',
};
const STATE_LABEL = {
  ok: 'on track',
  at_risk: 'at risk',
  breached: 'breached',
  met: 'met',
  missed: 'missed',
  paused: 'paused',
} as const;

export function SlaTimers({ ticket }: { ticket: Ticket }) {
  const now = useNow(1_000);
  const status = slaStatus(ticket, now);
  if (status.targets.length === 0) return null;
  return (
    <ul className="sla-timers" aria-label="SLA targets">
      {status.targets.map((t) => (
        <li
          key={t.kind}
          className={`sla-timer sla-${t.state}`}
          title={`Due ${format(t.dueAt, 'd MMM yyyy, HH:mm')}`}
        >
          <span className="sla-timer-kind">{KIND_LABEL[t.kind]}</span>{' '}
          <strong>
            {t.state === 'met' || t.state === 'missed'
              ? STATE_LABEL[t.state]
              : t.state === 'paused'
                ? `paused · ${formatCountdown(t.remainingMs)} left`
                : `${formatCountdown(t.dueAt - now)} · ${STATE_LABEL[t.state]}`}
          </strong>
        </li>
      ))}
    </ul>
  );
}
