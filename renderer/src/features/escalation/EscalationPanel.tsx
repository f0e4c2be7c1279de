/**
 * Escalation in the ticket: the current level and its response timer (due in /
 * overdue / acknowledged), "Escalate" with a level and a required reason, and
 * "Acknowledge" for the level answering. Levels come from the matrix, so a
 * workspace with other levels or windows shows those.
 */
import { useState, type FormEvent } from 'react';
import type { EscalationMatrix } from '../../../../core/escalation';
import {
  DEFAULT_ESCALATION_MATRIX,
  escalationTimer,
  FIRST_ESCALATION_LEVEL,
} from '../../../../core/escalation';
import { canTransition } from '../../../../core/tickets/lifecycle';
import type { Ticket } from '../../../../core/tickets/model';
import type { ConsoleStore } from '../../data/types';

interface Props {
  ticket: Ticket;
  store: ConsoleStore;
  now: number;
  me: string;
  onError: (message: string | null) => void;
  matrix?: EscalationMatrix;
}

const duration = (ms: number) => {
  const m = Math.round(Math.abs(ms) / 60_000);
  if (m < 60) return `${m} min`;
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
};

export function EscalationPanel({
  ticket,
  store,
  now,
  me,
  onError,
  matrix = DEFAULT_ESCALATION_MATRIX,
}: Props) {
  const [formFor, setFormFor] = useState<string | null>(null);
  const [level, setLevel] = useState(FIRST_ESCALATION_LEVEL);
  const [reason, setReason] = useState('');
  const timer = escalationTimer(ticket, now, matrix);
  const current = timer?.escalation.level ?? 1;
  const higher = matrix.filter((l) => l.level >= FIRST_ESCALATION_LEVEL && l.level > current);
  const canEscalate =
    higher.length > 0 && (ticket.state === 'escalated' || canTransition(ticket.state, 'escalate'));
  const open = formFor === ticket.id;

  function startForm() {
    setLevel(higher[0]?.level ?? FIRST_ESCALATION_LEVEL);
    setReason('');
    onError(null);
    setFormFor(ticket.id);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (text === '') {
      onError('Escalating needs a reason.');
      return;
    }
    try {
      await store.mutate(
        'ticket.escalate',
        { ticketId: ticket.id, level, reason: text },
        { state: ticket.state },
      );
      setFormFor(null);
      onError(null);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  }

  const acknowledge = () =>
    store
      .mutate('ticket.acknowledge_escalation', { ticketId: ticket.id }, null)
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));

  return (
    <section className="escalation-box" aria-label="Escalation">
      {timer && (
        <p className={`escalation-timer timer-${timer.status}`} role="status">
          <strong>Escalated to {timer.levelName}</strong> — “{timer.escalation.reason}”.{' '}
          {timer.status === 'acknowledged' && `Acknowledged after ${duration(timer.elapsedMs)}.`}
          {timer.status === 'running' && `Response due in ${duration(timer.remainingMs ?? 0)}.`}
          {timer.status === 'overdue' && `Response overdue by ${duration(timer.remainingMs ?? 0)}.`}
          {timer.status === 'untimed' && `Waiting ${duration(timer.elapsedMs)} (no response window).`}
        </p>
      )}
      <div className="escalation-buttons">
        {canEscalate && !open && (
          <button type="button" className="action" aria-haspopup="true" onClick={startForm}>
            Escalate…
          </button>
        )}
        {timer && timer.status !== 'acknowledged' && timer.escalation.by !== me && (
          <button type="button" className="action" onClick={() => void acknowledge()}>
            Acknowledge escalation
          </button>
        )}
      </div>
      {open && (
        <form
          className="escalation-form"
          onSubmit={(e) => void submit(e)}
          aria-label="Escalate ticket"
          noValidate
        >
          <label>
            Level
            <select value={level} onChange={(e) => setLevel(Number(e.target.value))}>
              {higher.map((l) => (
                <option key={l.level} value={l.level}>
                  {l.level}. {l.name}
                  {l.responseMs ? ` (responds within ${duration(l.responseMs)})` : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="escalation-reason">
            Reason
            <input
              type="text"
              required
              autoFocus
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                e.stopPropagation(); // close the form, not the ticket
                setFormFor(null);
              }}
            />
          </label>
          <button type="submit" className="action primary">
            Escalate
          </button>
          <button type="button" className="ghost" onClick={() => setFormFor(null)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}
