import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, isOpenAt } from './business-time';
import type { BusinessCalendar, OpenInterval } from './calendar';
import { ALWAYS_OPEN, DEFAULT_BUSINESS_HOURS, isAlwaysOpen, validateCalendar } from './calendar';

const at = (iso: string): number => Date.parse(iso);
const MIN = 60_000;
const H = 60 * MIN;

const LONDON = DEFAULT_BUSINESS_HOURS; // Mon–Fri 09:00–17:00 Europe/London
const NINE_TO_FIVE: readonly OpenInterval[] = [[540, 1020]];

function calendar(
  timeZone: string,
  days: Partial<BusinessCalendar['week']>,
  holidays: string[] = [],
): BusinessCalendar {
  return {
    timeZone,
    week: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], ...days },
    holidays,
  };
}

describe('addBusinessTime on Mon–Fri 09:00–17:00 Europe/London (winter: GMT = UTC)', () => {
  it('adds within the same working day', () => {
    expect(addBusinessTime(at('2024-01-08T10:00:00Z'), 2 * H, LONDON)).toBe(at('2024-01-08T12:00:00Z'));
  });

  it('starts counting at opening time when created before it', () => {
    expect(addBusinessTime(at('2024-01-08T06:00:00Z'), 1 * H, LONDON)).toBe(at('2024-01-08T10:00:00Z'));
  });

  it('carries over the night to the next morning', () => {
    expect(addBusinessTime(at('2024-01-08T16:00:00Z'), 2 * H, LONDON)).toBe(at('2024-01-09T10:00:00Z'));
  });

  it('is due at closing time when the budget ends exactly there, not next morning', () => {
    expect(addBusinessTime(at('2024-01-08T09:00:00Z'), 8 * H, LONDON)).toBe(at('2024-01-08T17:00:00Z'));
  });

  it('skips the weekend', () => {
    expect(addBusinessTime(at('2024-01-12T16:30:00Z'), 1 * H, LONDON)).toBe(at('2024-01-15T09:30:00Z'));
    expect(addBusinessTime(at('2024-01-13T12:00:00Z'), 30 * MIN, LONDON)).toBe(at('2024-01-15T09:30:00Z'));
  });

  it('skips holidays', () => {
    const withHoliday = { ...LONDON, holidays: ['2024-01-15'] };
    expect(addBusinessTime(at('2024-01-12T16:30:00Z'), 1 * H, withHoliday)).toBe(at('2024-01-16T09:30:00Z'));
  });

  it('spans Christmas: holidays and a weekend in a 24 h business budget', () => {
    // Tue 24 Dec 16:00 → 1 h that day; 25 + 26 holidays; Fri 27 8 h; weekend; Mon 30 8 h; Tue 31 7 h.
    const xmas = { ...LONDON, holidays: ['2024-12-25', '2024-12-26'] };
    expect(addBusinessTime(at('2024-12-24T16:00:00Z'), 24 * H, xmas)).toBe(at('2024-12-31T16:00:00Z'));
  });

  it('returns the start for a zero budget and rejects a negative one', () => {
    expect(addBusinessTime(at('2024-01-13T12:00:00Z'), 0, LONDON)).toBe(at('2024-01-13T12:00:00Z'));
    expect(() => addBusinessTime(at('2024-01-13T12:00:00Z'), -1, LONDON)).toThrow(RangeError);
  });
});

describe('DST changes', () => {
  it('London spring forward (Sun 31 Mar 2024): Friday GMT to Monday BST', () => {
    // Fri 16:00 GMT (16:00Z) + 1 h on Friday, then Mon 09:00 BST = 08:00Z + 1 h.
    expect(addBusinessTime(at('2024-03-29T16:00:00Z'), 2 * H, LONDON)).toBe(at('2024-04-01T09:00:00Z'));
    expect(businessTimeBetween(at('2024-03-29T16:00:00Z'), at('2024-04-01T09:00:00Z'), LONDON)).toBe(2 * H);
  });

  it('London in summer time: 09:00 local is 08:00Z', () => {
    expect(addBusinessTime(at('2024-04-02T07:30:00Z'), 1 * H, LONDON)).toBe(at('2024-04-02T09:00:00Z'));
    expect(isOpenAt(at('2024-04-02T07:59:59Z'), LONDON)).toBe(false);
    expect(isOpenAt(at('2024-04-02T08:00:00Z'), LONDON)).toBe(true);
    expect(isOpenAt(at('2024-04-02T16:00:00Z'), LONDON)).toBe(false);
  });

  it('London fall back (Sun 27 Oct 2024): Friday BST to Monday GMT', () => {
    // Fri 16:00 BST = 15:00Z → 1 h Friday; Mon 09:00 GMT = 09:00Z + 1 h.
    expect(addBusinessTime(at('2024-10-25T15:00:00Z'), 2 * H, LONDON)).toBe(at('2024-10-28T10:00:00Z'));
  });

  it('New York spring forward (Sun 10 Mar 2024)', () => {
    const ny = calendar('America/New_York', {
      mon: NINE_TO_FIVE,
      tue: NINE_TO_FIVE,
      wed: NINE_TO_FIVE,
      thu: NINE_TO_FIVE,
      fri: NINE_TO_FIVE,
    });
    // Fri 16:00 EST = 21:00Z; Mon 09:00 EDT = 13:00Z.
    expect(addBusinessTime(at('2024-03-08T21:00:00Z'), 2 * H, ny)).toBe(at('2024-03-11T14:00:00Z'));
    expect(businessTimeBetween(at('2024-03-08T21:00:00Z'), at('2024-03-11T14:00:00Z'), ny)).toBe(2 * H);
  });

  it('a seven-day desk opens at 09:00 local on the change day itself', () => {
    const daily = calendar('Europe/London', {
      sun: NINE_TO_FIVE,
      mon: NINE_TO_FIVE,
      tue: NINE_TO_FIVE,
      wed: NINE_TO_FIVE,
      thu: NINE_TO_FIVE,
      fri: NINE_TO_FIVE,
      sat: NINE_TO_FIVE,
    });
    // Sat 30 Mar 16:00 GMT + 1 h; Sun 31 Mar 09:00 BST = 08:00Z + 1 h.
    expect(addBusinessTime(at('2024-03-30T16:00:00Z'), 2 * H, daily)).toBe(at('2024-03-31T09:00:00Z'));
  });

  it('counts the real length of a 23 h and a 25 h day', () => {
    const sundays = calendar('Europe/London', { sun: [[0, 1440]] });
    expect(businessTimeBetween(at('2024-03-30T00:00:00Z'), at('2024-04-02T00:00:00Z'), sundays)).toBe(23 * H);
    expect(businessTimeBetween(at('2024-10-26T00:00:00Z'), at('2024-10-29T00:00:00Z'), sundays)).toBe(25 * H);
    // Sunday 31 Mar 00:00 GMT + 23 h = Monday 00:00 BST = Sunday 23:00Z.
    expect(addBusinessTime(at('2024-03-31T00:00:00Z'), 23 * H, sundays)).toBe(at('2024-03-31T23:00:00Z'));
  });

  it('an interval across the skipped hour holds only the time that existed', () => {
    // 00:00–03:00 local on 31 Mar: 00:00 GMT to 03:00 BST = 00:00Z to 02:00Z.
    const nights = calendar('Europe/London', { sun: [[0, 180]] });
    expect(businessTimeBetween(at('2024-03-30T12:00:00Z'), at('2024-03-31T12:00:00Z'), nights)).toBe(2 * H);
  });
});

describe('24×7', () => {
  it('is the identity for adding and measuring', () => {
    const t = at('2024-03-30T22:15:00Z');
    expect(addBusinessTime(t, 50 * H, ALWAYS_OPEN)).toBe(t + 50 * H);
    expect(businessTimeBetween(t, t + 50 * H, ALWAYS_OPEN)).toBe(50 * H);
    expect(isOpenAt(t, ALWAYS_OPEN)).toBe(true);
  });

  it('is the identity in a DST zone too: every local day is fully open', () => {
    const allDay: readonly OpenInterval[] = [[0, 1440]];
    const londonAllDay = calendar('Europe/London', {
      sun: allDay,
      mon: allDay,
      tue: allDay,
      wed: allDay,
      thu: allDay,
      fri: allDay,
      sat: allDay,
    });
    expect(isAlwaysOpen(londonAllDay)).toBe(true);
    expect(businessTimeBetween(at('2024-03-30T12:00:00Z'), at('2024-04-01T12:00:00Z'), londonAllDay)).toBe(
      48 * H,
    );
  });

  it('is not the identity once a holiday is listed', () => {
    const withHoliday = { ...ALWAYS_OPEN, holidays: ['2024-12-25'] };
    expect(isAlwaysOpen(withHoliday)).toBe(false);
    expect(addBusinessTime(at('2024-12-24T23:00:00Z'), 2 * H, withHoliday)).toBe(at('2024-12-26T01:00:00Z'));
  });
});

describe('businessTimeBetween', () => {
  it('measures across a night and a weekend', () => {
    expect(businessTimeBetween(at('2024-01-08T16:00:00Z'), at('2024-01-09T10:00:00Z'), LONDON)).toBe(2 * H);
    expect(businessTimeBetween(at('2024-01-12T16:00:00Z'), at('2024-01-15T10:00:00Z'), LONDON)).toBe(2 * H);
    expect(businessTimeBetween(at('2024-01-13T00:00:00Z'), at('2024-01-14T23:59:00Z'), LONDON)).toBe(0);
  });

  it('is zero for an empty or reversed range', () => {
    expect(businessTimeBetween(at('2024-01-08T12:00:00Z'), at('2024-01-08T12:00:00Z'), LONDON)).toBe(0);
    expect(businessTimeBetween(at('2024-01-08T12:00:00Z'), at('2024-01-08T10:00:00Z'), LONDON)).toBe(0);
  });

  it('inverts addBusinessTime for many starts and budgets (New York, a holiday, split days)', () => {
    const split: readonly OpenInterval[] = [
      [480, 720],
      [780, 1260],
    ];
    const ny = calendar(
      'America/New_York',
      { mon: split, tue: split, wed: split, thu: split, fri: split, sat: [[600, 840]] },
      ['2024-11-28'],
    );
    let seed = 42;
    const rand = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      const start = at('2024-01-01T00:00:00Z') + Math.floor(rand() * 365 * 24 * 60) * MIN;
      const budget = Math.floor(rand() * 80 * 60) * MIN;
      const due = addBusinessTime(start, budget, ny);
      expect(businessTimeBetween(start, due, ny)).toBe(budget);
      expect(due).toBeGreaterThanOrEqual(start);
    }
  });

  it('computes 100k due dates and measures quickly (cached days, no minute loops)', () => {
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const start = at('2024-01-01T00:00:00Z') + i * 7 * MIN;
      const due = addBusinessTime(start, 72 * H, LONDON);
      sum += businessTimeBetween(start, due, LONDON);
    }
    expect(sum).toBe(100_000 * 72 * H);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('validateCalendar', () => {
  it('accepts the defaults', () => {
    expect(validateCalendar(DEFAULT_BUSINESS_HOURS)).toEqual([]);
    expect(validateCalendar(ALWAYS_OPEN)).toEqual([]);
  });

  it('reports bad zones, intervals, holidays and a calendar that never opens', () => {
    const bad = calendar(
      'Mars/Olympus',
      {
        mon: [[600, 540]],
        tue: [
          [540, 700],
          [600, 800],
        ],
      },
      ['2024-13-45', 'soon'],
    );
    const problems = validateCalendar(bad);
    expect(problems.some((p) => p.includes('Mars/Olympus'))).toBe(true);
    expect(problems.some((p) => p.startsWith('mon:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('tue:'))).toBe(true);
    expect(problems.filter((p) => p.startsWith('holiday'))).toHaveLength(2);
    expect(validateCalendar(calendar('UTC', {}))).toContain(
      'calendar is never open: no SLA clock could ever run',
    );
    expect(() => addBusinessTime(0, H, calendar('UTC', {}))).toThrow(RangeError);
  });
});
