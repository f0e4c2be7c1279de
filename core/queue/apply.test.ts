import { describe, expect, it } from 'vitest';
import { applyView, BUILT_IN_VIEWS, countByView, filterReadsClock, viewReadsClock } from './index';
import { H, ids, MIN, NOW, TICKETS, testContext } from './test-support';
import { SORT_COLUMNS, type QueueView } from './types';

/** Later instants the console's clock may reach while the same tickets are shown. */
const LATER = [30_000, 10 * MIN, 2 * H, 30 * H];

/** Every built-in filter under every sort column, so both halves of viewReadsClock are crossed. */
const VIEWS: QueueView[] = BUILT_IN_VIEWS.flatMap((view) =>
  SORT_COLUMNS.flatMap((column) =>
    [false, true].map((desc) => ({ ...view, id: `${view.id}/${column}/${desc}`, sort: { column, desc } })),
  ),
);

describe('which views read the clock', () => {
  it('a view said not to read the clock shows the same rows in the same order at any later instant', () => {
    const steady = VIEWS.filter((v) => !viewReadsClock(v));
    expect(steady.length).toBeGreaterThan(0);
    for (const view of steady) {
      const rows = ids(applyView(TICKETS, view, testContext()));
      for (const dt of LATER)
        expect(ids(applyView(TICKETS, view, testContext({ now: NOW + dt }))), view.id).toEqual(rows);
    }
  });

  it('a filter said not to read the clock counts the same at any later instant', () => {
    const steady = VIEWS.filter((v) => !filterReadsClock(v.filter));
    const counts = countByView(TICKETS, steady, testContext());
    for (const dt of LATER)
      expect(countByView(TICKETS, steady, testContext({ now: NOW + dt }))).toEqual(counts);
  });

  it('the SLA window and the SLA sort do move with the clock', () => {
    // Not only a claim: on these tickets the clock changes what they show, so the
    // console must recompute them on a tick.
    const breaching = BUILT_IN_VIEWS.find((v) => v.id === 'breaching-soon') as QueueView;
    expect(filterReadsClock(breaching.filter)).toBe(true);
    const counted = (now: number) => countByView(TICKETS, [breaching], testContext({ now }))[breaching.id];
    expect(LATER.some((dt) => counted(NOW + dt) !== counted(NOW))).toBe(true);

    const bySla = VIEWS.filter((v) => v.sort.column === 'sla');
    expect(bySla.every(viewReadsClock)).toBe(true);
    const moved = bySla.some((view) => {
      const rows = ids(applyView(TICKETS, view, testContext()));
      return LATER.some(
        (dt) => ids(applyView(TICKETS, view, testContext({ now: NOW + dt }))).join() !== rows.join(),
      );
    });
    expect(moved).toBe(true);
  });
});
