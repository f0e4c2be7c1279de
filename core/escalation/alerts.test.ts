import { describe, expect, it } from 'vitest';
import { makeTicket } from '../tickets/test-factory';
import { alertsNow } from './alerts';
import type { Escalation } from './matrix';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 2, 2, 9, 0);
const esc = (level: Escalation['level'], at = T0): Escalation => ({
  level,
  reason: 'r',
  by: 'u-1',
  at,
  acknowledgedAt: null,
  acknowledgedBy: null,
});

describe('alertsNow (controllable clock)', () => {
  const manager = makeTicket({ id: 'em', ref: 'SD-1', state: 'escalated', escalations: [esc(4)] });
  const working = makeTicket({ id: 'ip', ref: 'SD-2', state: 'in_progress', stateChangedAt: T0 });

  it('is empty while everything is within its limits', () => {
    expect(alertsNow([manager, working], T0 + 30 * MIN)).toEqual([]);
  });

  it('warns 15 minutes before an escalation is due, then raises it as overdue', () => {
    expect(alertsNow([manager], T0 + 45 * MIN)).toMatchObject([
      { ticketId: 'em', kind: 'escalation_due_soon', severity: 'warning', dueAt: T0 + HOUR },
    ]);
    const [overdue] = alertsNow([manager], T0 + 70 * MIN);
    expect(overdue).toMatchObject({
      kind: 'escalation_overdue',
      severity: 'critical',
      notify: 'escalation_level',
    });
    expect(overdue?.message).toBe('Engineering Manager has not responded: 10 min overdue.');
  });

  it('reminds the assignee after 48 h in progress and alerts the supervisor 24 h later', () => {
    expect(alertsNow([working], T0 + 47 * HOUR)).toEqual([]);
    expect(alertsNow([working], T0 + 48 * HOUR)).toMatchObject([
      { kind: 'time_in_state_reminder', notify: 'assignee', severity: 'warning' },
    ]);
    expect(alertsNow([working], T0 + 72 * HOUR)).toMatchObject([
      { kind: 'time_in_state_alert', notify: 'supervisor', severity: 'critical' },
    ]);
  });

  it('puts overdue escalations first, then supervisor alerts, and skips done tickets', () => {
    const done = makeTicket({ id: 'x', state: 'resolved', stateChangedAt: T0 - 100 * HOUR });
    const alerts = alertsNow([working, done, manager], T0 + 72 * HOUR);
    expect(alerts.map((a) => [a.ticketId, a.kind])).toEqual([
      ['em', 'escalation_overdue'],
      ['ip', 'time_in_state_alert'],
    ]);
  });

  it('honours a workspace time-in-state policy', () => {
    const policy = { waiting_on_customer: { limitMs: HOUR, alertAfterMs: HOUR } };
    const waiting = makeTicket({ state: 'waiting_on_customer', stateChangedAt: T0 });
    expect(alertsNow([waiting], T0 + 2 * HOUR, { timeInState: policy })).toMatchObject([
      { kind: 'time_in_state_alert' },
    ]);
    expect(alertsNow([working], T0 + 100 * HOUR, { timeInState: policy })).toEqual([]);
  });
});
