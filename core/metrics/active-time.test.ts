import { describe, expect, it } from 'vitest';
import { recordActivity, startTimer, tick, workRecordId } from './active-time';

describe('active handle time', () => {
  it('counts focused time while the agent is active, not idle or unfocused time', () => {
    let t = startTimer(0);
    for (let now = 1_000; now <= 30_000; now += 1_000) t = tick(t, now, true);
    expect(t.activeMs).toBe(30_000);
    // Unfocused for 10 s: nothing added.
    for (let now = 31_000; now <= 40_000; now += 1_000) t = tick(t, now, false);
    expect(t.activeMs).toBe(30_000);
    // Focused but idle beyond a minute since the last activity (at 0): nothing added.
    for (let now = 41_000; now <= 100_000; now += 1_000) t = tick(t, now, true);
    expect(t.activeMs).toBe(30_000 + 20_000); // 41 s … 60 s were still within the idle window
    t = recordActivity(t, 100_000);
    t = tick(t, 101_000, true);
    expect(t.activeMs).toBe(51_000);
  });

  it('caps a long gap between ticks (a machine waking from sleep)', () => {
    const t = tick(startTimer(0), 3_600_000, true, Infinity);
    expect(t.activeMs).toBe(5_000);
  });

  it('names one work record per ticket, agent and UTC day', () => {
    expect(workRecordId('t1', 'u-ava', Date.UTC(2026, 10, 23, 23, 59))).toBe('work:t1:u-ava:2026-11-23');
    expect(workRecordId('t1', 'u-ava', Date.UTC(2026, 10, 24, 0, 1))).toBe('work:t1:u-ava:2026-11-24');
  });
});
