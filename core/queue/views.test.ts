import { describe, expect, it } from 'vitest';
import { slaStatus } from '../sla';
import type { QueueView } from './index';
import { applyView, BUILT_IN_VIEWS, countByView, DEFAULT_VIEW_ID, parseQuery } from './index';
import { H, ids, MIN, NOW, TEST_POLICIES, TICKETS, testContext } from './test-support';

const view = (id: string): QueueView => {
  const found = BUILT_IN_VIEWS.find((v) => v.id === id);
  if (!found) throw new Error(`no built-in view ${id}`);
  return found;
};
const ctx = testContext();

describe('the hand-made workspace', () => {
  it('has the SLA due instants its comment promises', () => {
    const worst = (id: string) => {
      const t = TICKETS.find((x) => x.id === id);
      if (!t) throw new Error(id);
      const w = slaStatus(t, NOW, TEST_POLICIES).worst;
      return w && { dueIn: w.dueAt - NOW, state: w.state };
    };
    expect(worst('t1')).toEqual({ dueIn: -2 * H, state: 'breached' });
    expect(worst('t2')).toEqual({ dueIn: H, state: 'at_risk' });
    expect(worst('t3')).toEqual({ dueIn: 1.5 * H, state: 'paused' });
    expect(worst('t4')).toEqual({ dueIn: H, state: 'ok' });
    expect(worst('t5')).toEqual({ dueIn: 24 * H, state: 'ok' });
    expect(worst('t6')).toBeNull();
    expect(worst('t7')).toBeNull();
    expect(worst('t8')).toEqual({ dueIn: 50 * MIN, state: 'ok' });
    expect(worst('t9')).toEqual({ dueIn: 20 * H, state: 'ok' });
  });
});

describe('built-in views', () => {
  it('come in tab order, the default first', () => {
    expect(BUILT_IN_VIEWS.map((v) => v.id)).toEqual([
      'all-open',
      'my-open',
      'unassigned',
      'breaching-soon',
      'enterprise',
      'all',
    ]);
    expect(DEFAULT_VIEW_ID).toBe('all-open');
    expect(BUILT_IN_VIEWS.every((v) => v.builtIn && v.name !== '')).toBe(true);
  });

  it('all-open: open tickets, latest update first (equal updates by ref)', () => {
    expect(ids(applyView(TICKETS, view('all-open'), ctx))).toEqual([
      't8',
      't3',
      't4',
      't2',
      't9',
      't5',
      't1',
    ]);
  });

  it('my-open: my open tickets, next SLA due first', () => {
    expect(ids(applyView(TICKETS, view('my-open'), ctx))).toEqual(['t2', 't3']);
    expect(ids(applyView(TICKETS, view('my-open'), testContext({ me: 'u-zed' })))).toEqual(['t4', 't9']);
  });

  it('unassigned: open and nobody on it, next SLA due first', () => {
    expect(ids(applyView(TICKETS, view('unassigned'), ctx))).toEqual(['t1', 't8', 't5']);
  });

  it('breaching-soon: breached or due within 2 h, soonest first; paused clocks left out', () => {
    // t2 and t4 are both due at NOW+1h: the more recently updated t4 first.
    expect(ids(applyView(TICKETS, view('breaching-soon'), ctx))).toEqual(['t1', 't8', 't4', 't2']);
  });

  it('breaching-soon moves with the clock', () => {
    // 23 h on, t9 (due NOW+20h) has breached and t5 (NOW+1d) is 1 h away; t3 is still paused.
    const nextDay = testContext({ now: NOW + 23 * H });
    expect(ids(applyView(TICKETS, view('breaching-soon'), nextDay))).toEqual([
      't1',
      't8',
      't4',
      't2',
      't9',
      't5',
    ]);
  });

  it('enterprise: open Enterprise tickets, next SLA due first', () => {
    expect(ids(applyView(TICKETS, view('enterprise'), ctx))).toEqual(['t1', 't8', 't4']);
  });

  it('all: every ticket, latest update first', () => {
    expect(ids(applyView(TICKETS, view('all'), ctx))).toEqual([
      't8',
      't3',
      't4',
      't2',
      't9',
      't5',
      't1',
      't6',
      't7',
    ]);
  });

  it('cannot be edited in place by a caller', () => {
    const v = view('enterprise');
    expect(Object.isFrozen(v) && Object.isFrozen(v.filter) && Object.isFrozen(v.sort)).toBe(true);
    expect(Object.isFrozen(v.filter.tiers)).toBe(true);
  });
});

describe('countByView', () => {
  it('counts what each view shows', () => {
    expect(countByView(TICKETS, BUILT_IN_VIEWS, ctx)).toEqual({
      'all-open': 7,
      'my-open': 2,
      unassigned: 3,
      'breaching-soon': 4,
      enterprise: 3,
      all: 9,
    });
  });

  it('agrees with applyView for saved views too', () => {
    const saved: QueueView[] = [
      {
        id: 'refunds',
        name: 'Refunds',
        builtIn: false,
        filter: parseQuery('refund'),
        sort: BUILT_IN_VIEWS[0]!.sort,
      },
      {
        id: 'pay-urgent',
        name: 'Payments urgent',
        builtIn: false,
        filter: { squadIds: ['sq-pay'], priorities: ['urgent', 'high'] },
        sort: { column: 'priority', desc: true },
      },
    ];
    const views = [...BUILT_IN_VIEWS, ...saved];
    const counts = countByView(TICKETS, views, ctx);
    for (const v of views) expect(counts[v.id], v.id).toBe(applyView(TICKETS, v, ctx).length);
    expect(counts.refunds).toBe(3);
  });

  it('is empty-handed for no tickets and no views', () => {
    expect(countByView([], BUILT_IN_VIEWS, ctx)['all-open']).toBe(0);
    expect(countByView(TICKETS, [], ctx)).toEqual({});
  });
});

describe('applyView never mutates its input', () => {
  it('leaves the array and the tickets as they were, and returns a new array', () => {
    const input = Object.freeze(TICKETS.map((t) => Object.freeze({ ...t })));
    const before = JSON.stringify(input);
    for (const v of BUILT_IN_VIEWS) {
      for (const desc of [false, true]) {
        const out = applyView(input, { filter: v.filter, sort: { column: 'sla', desc } }, ctx);
        expect(out).not.toBe(input);
      }
    }
    const everything = applyView(input, view('all'), ctx);
    everything.pop();
    expect(JSON.stringify(input)).toBe(before);
    expect(input).toHaveLength(9);
  });
});
