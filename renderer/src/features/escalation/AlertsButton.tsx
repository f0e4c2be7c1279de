/**
 * Alerts in the top bar: overdue escalations, escalations about to miss their
 * window, and time-in-state reminders / supervisor alerts (core alertsNow).
 * Agents see those of their own tickets; supervisors and admins see all.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { alertsNow, type AlertKind } from '../../../../core/escalation';
import type { Ticket } from '../../../../core/tickets/model';
import '../triage/triage.css';
import { alertCandidates } from './alert-candidates';

interface Props {
  tickets: readonly Ticket[];
  now: number;
  me: string;
  role: 'agent' | 'supervisor' | 'admin';
  onOpen: (ticketId: string) => void;
}

const KIND_LABEL: Record<AlertKind, string> = {
  escalation_overdue: 'Escalation overdue',
  escalation_due_soon: 'Escalation due soon',
  time_in_state_alert: 'Supervisor alert',
  time_in_state_reminder: 'Reminder',
};

export function AlertsButton({ tickets, now, me, role, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  // The last candidates, patched with what changed (a cache: a pure function of its inputs).
  const [last] = useState<Parameters<typeof alertCandidates>[0]>(() => ({ current: null }));
  const candidates = useMemo(() => alertCandidates(last, tickets, me, role), [last, tickets, me, role]);
  const alerts = useMemo(() => alertsNow(candidates, now), [candidates, now]);
  const critical = alerts.some((a) => a.severity === 'critical');

  useEffect(() => {
    if (open) listRef.current?.querySelector('button')?.focus();
  }, [open]);

  if (alerts.length === 0) return null;
  return (
    <div className="alerts">
      <button
        type="button"
        className={`ghost alerts-button${critical ? ' has-critical' : ''}`}
        aria-expanded={open}
        aria-controls="alerts-list"
        onClick={() => setOpen((o) => !o)}
      >
        Alerts {alerts.length}
      </button>
      {open && (
        <ul
          id="alerts-list"
          ref={listRef}
          className="alerts-list"
          aria-label="Alerts"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setOpen(false);
          }}
        >
          {alerts.slice(0, 100).map((a) => (
            <li key={`${a.ticketId}:${a.kind}`} className={`alert-${a.severity}`}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  onOpen(a.ticketId);
                }}
              >
                <span className="alert-kind">
                  {KIND_LABEL[a.kind]} · {a.ref}
                </span>
                <span>{a.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
