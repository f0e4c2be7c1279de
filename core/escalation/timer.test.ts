import { describe, expect, it } from 'vitest';
import { makeTicket } from '../tickets/test-factory';
import type { Escalation, EscalationMatrix } from './matrix';
import { DEFAULT_ESCALATION_MATRIX } from './matrix';
import { escalationTimer } from './timer';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 9, 0);
const esc = (level: Escalation['level'], over: Partial<Escalation> = {}): Escalation => ({
  level,
  reason: 'payouts failing for the whole fleet',
  by: 'u-1',
  at: T0,
  acknowledgedAt: null,
  acknowledgedBy: null,
  ...over,
});
const escalated = (escalations: Escalation[]) => makeTicket({ state: 'escalated', escalations });

describe('the default escalation matrix', () => {
  it('has the five levels of DOMAIN.md with 1 h for the Engineering Manager and 2 h for the Director', () => {
    expect(DEFAULT_ESCALATION_MATRIX.map((l) => l.name)).toEqual([
      'Level 1 Support',
      'Secondary Specialist',
      'Engineering On-Call',
      'Engineering Manager',
      'Director of Support',
    ]);
    expect(DEFAULT_ESCALATION_MATRIX[3]?.responseMs).toBe(60 * MIN);
    expect(DEFAULT_ESCALATION_MATRIX[4]?.responseMs).toBe(120 * MIN);
  });
});

describe('escalationTimer (controllable clock)', () => {
  it('runs for the Engineering Manager for 1 h, then is overdue', () => {
    const t = escalated([esc(4)]);
    expect(escalationTimer(t, T0 + 59 * MIN)).toMatchObject({
      status: 'running',
      dueAt: T0 + 60 * MIN,
      remainingMs: MIN,
      levelName: 'Engineering Manager',
    });
    expect(escalationTimer(t, T0 + 60 * MIN)?.status).toBe('overdue');
    expect(escalationTimer(t, T0 + 75 * MIN)).toMatchObject({ status: 'overdue', remainingMs: -15 * MIN });
  });

  it('gives the Director 2 h', () => {
    const t = escalated([esc(5)]);
    expect(escalationTimer(t, T0 + 119 * MIN)?.status).toBe('running');
    expect(escalationTimer(t, T0 + 120 * MIN)?.status).toBe('overdue');
  });

  it('times a level without a window but never makes it due', () => {
    const timer = escalationTimer(escalated([esc(2)]), T0 + 600 * MIN);
    expect(timer).toMatchObject({ status: 'untimed', dueAt: null, elapsedMs: 600 * MIN });
  });

  it('stops when the level acknowledges, keeping how long the response took', () => {
    const t = escalated([esc(4, { acknowledgedAt: T0 + 20 * MIN, acknowledgedBy: 'u-em' })]);
    expect(escalationTimer(t, T0 + 300 * MIN)).toMatchObject({ status: 'acknowledged', elapsedMs: 20 * MIN });
  });

  it('follows the current (last) escalation, and ends when the ticket leaves Escalated', () => {
    const t = escalated([esc(2, { at: T0 - 600 * MIN }), esc(4)]);
    expect(escalationTimer(t, T0 + 10 * MIN)?.escalation.level).toBe(4);
    expect(escalationTimer({ ...t, state: 'in_progress' }, T0 + 10 * MIN)).toBeNull();
    expect(escalationTimer(makeTicket(), T0)).toBeNull();
  });

  it('uses a workspace matrix when given one', () => {
    const matrix: EscalationMatrix = DEFAULT_ESCALATION_MATRIX.map((l) =>
      l.level === 2 ? { ...l, responseMs: 30 * MIN } : l,
    );
    expect(escalationTimer(escalated([esc(2)]), T0 + 31 * MIN, matrix)?.status).toBe('overdue');
  });
});
