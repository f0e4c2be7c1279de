import { describe, expect, it } from 'vitest';
import { checkTimeInState } from './time-in-state';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

describe('time-in-state limits (In Progress ≤ 48 h)', () => {
  const ticket = { state: 'in_progress' as const, stateChangedAt: T0 };

  it('is ok before the limit, and says when the reminder comes', () => {
    expect(checkTimeInState(ticket, T0 + 47 * H)).toMatchObject({
      level: 'ok',
      notify: 'none',
      nextAt: T0 + 48 * H,
      elapsedMs: 47 * H,
    });
  });
  it('reminds the assignee at the limit', () => {
    expect(checkTimeInState(ticket, T0 + 48 * H)).toMatchObject({
      level: 'reminder',
      notify: 'assignee',
      nextAt: T0 + 72 * H,
    });
  });
  it('alerts the supervisor 24 h past the limit', () => {
    expect(checkTimeInState(ticket, T0 + 72 * H - 1).level).toBe('reminder');
    expect(checkTimeInState(ticket, T0 + 72 * H)).toMatchObject({
      level: 'supervisor_alert',
      notify: 'supervisor',
      nextAt: null,
    });
  });
  it('has no limit for states without one', () => {
    expect(
      checkTimeInState({ state: 'waiting_on_customer', stateChangedAt: T0 }, T0 + 500 * H),
    ).toMatchObject({
      level: 'ok',
      limitMs: null,
    });
  });
  it('takes a workspace policy', () => {
    const policy = { escalated: { limitMs: 4 * H, alertAfterMs: 1 * H } };
    expect(checkTimeInState({ state: 'escalated', stateChangedAt: T0 }, T0 + 5 * H, policy).level).toBe(
      'supervisor_alert',
    );
    expect(checkTimeInState(ticket, T0 + 100 * H, policy).level).toBe('ok');
  });
});
