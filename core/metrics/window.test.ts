import { describe, expect, it } from 'vitest';
import { DAY, T0 } from './test-factories';
import { filterByWindow, inWindow, lastDays } from './window';

describe('time windows', () => {
  const w = { from: T0, to: T0 + DAY };

  it('are half-open: from is in, to is out', () => {
    expect(inWindow(T0 - 1, w)).toBe(false);
    expect(inWindow(T0, w)).toBe(true);
    expect(inWindow(T0 + DAY - 1, w)).toBe(true);
    expect(inWindow(T0 + DAY, w)).toBe(false);
  });

  it('take no window as all time, but never a missing time', () => {
    expect(inWindow(0, undefined)).toBe(true);
    expect(inWindow(null, undefined)).toBe(false);
    expect(inWindow(null, w)).toBe(false);
  });

  it('filter on the timestamp the caller picks', () => {
    const items = [{ at: T0 - 1 }, { at: T0 }, { at: T0 + 5 }, { at: null }, { at: T0 + DAY }];
    expect(filterByWindow(items, w, (i) => i.at)).toEqual([{ at: T0 }, { at: T0 + 5 }]);
  });

  it('build the last-N-days window ending now', () => {
    expect(lastDays(T0, 7)).toEqual({ from: T0 - 7 * DAY, to: T0 });
  });
});
