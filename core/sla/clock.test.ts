import { describe, expect, it } from 'vitest';
import type { StateChange } from '../tickets/model';
import { clockOffIntervals, stateAt } from './clock';

const PAUSE = ['waiting_on_customer'] as const;
const change = (from: StateChange['from'], to: StateChange['to'], at: number): StateChange => ({
  from,
  to,
  at,
  by: 'a',
});
const base = { createdAt: 0, resolvedAt: null, closedAt: null };

describe('clockOffIntervals', () => {
  it('merges Resolved → Verified → Closed into one stop and ends open stretches at `until`', () => {
    const t = {
      ...base,
      state: 'closed' as const,
      history: [
        change('new', 'waiting_on_customer', 10),
        change('waiting_on_customer', 'resolved', 20),
        change('resolved', 'verified', 30),
        change('verified', 'closed', 40),
      ],
    };
    expect(clockOffIntervals(t, PAUSE, 100)).toEqual([
      { from: 10, to: 20, reason: 'paused' },
      { from: 20, to: 100, reason: 'done' },
    ]);
  });

  it('ignores transitions after `until` and sorts an unsorted history', () => {
    const t = {
      ...base,
      state: 'in_progress' as const,
      history: [change('waiting_on_customer', 'in_progress', 50), change('new', 'waiting_on_customer', 10)],
    };
    expect(clockOffIntervals(t, PAUSE, 30)).toEqual([{ from: 10, to: 30, reason: 'paused' }]);
    expect(stateAt(t, 30)).toBe('waiting_on_customer');
    expect(stateAt(t, 5)).toBe('new');
    expect(stateAt(t, 60)).toBe('in_progress');
  });

  it('dates the stop of a ticket without history by its resolution', () => {
    const t = { ...base, state: 'resolved' as const, history: [], resolvedAt: 70 };
    expect(clockOffIntervals(t, PAUSE, 100)).toEqual([{ from: 70, to: 100, reason: 'done' }]);
  });
});
