/**
 * Business-time arithmetic on a BusinessCalendar: add a budget to an instant,
 * measure business time between two instants.
 *
 * The only wall-clock work is turning one local date into UTC instants (its
 * midnight and its open intervals), done with TZDate so DST and historical
 * offsets come from the runtime's time-zone database. Each local date is
 * converted once per calendar and cached, and the walks step whole open
 * intervals and whole days, so computing due dates for 100k tickets costs a few
 * map look-ups per day of budget rather than Intl calls or minute-by-minute loops.
 */
import { TZDate } from '@date-fns/tz';
import type { BusinessCalendar } from './calendar';
import { isAlwaysOpen, MINUTES_PER_DAY, WEEKDAYS } from './calendar';

const DAY_MS = 86_400_000;
/** Past this many cached days per calendar the cache starts over, to bound memory. */
const MAX_CACHED_DAYS = 50_000;

/** One local date of a calendar, in UTC epoch ms. */
interface LocalDay {
  /** Local midnight starting the date. */
  start: number;
  /** Local midnight starting the next date (23 h or 25 h later on DST days). */
  end: number;
  /** Open intervals, flattened [a0, b0, a1, b1, …], sorted, within [start, end]. */
  open: number[];
}

interface CompiledCalendar {
  calendar: BusinessCalendar;
  alwaysOpen: boolean;
  holidays: ReadonlySet<string>;
  /** Keyed by local date as days since 1970-01-01 (the date's own Y-M-D, not an instant). */
  days: Map<number, LocalDay>;
}

// Keyed by object identity: the policy set holds its calendars for the life of
// the workspace, so the same object comes back for every ticket.
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  let c = compiled.get(calendar);
  if (!c) {
    const hasOpenTime = WEEKDAYS.some((day) => calendar.week[day].length > 0);
    if (!hasOpenTime) throw new RangeError('SLA calendar has no open hours in its week');
    c = {
      calendar,
      alwaysOpen: isAlwaysOpen(calendar),
      holidays: new Set(calendar.holidays),
      days: new Map(),
    };
    compiled.set(calendar, c);
  }
  return c;
}

/** UTC instant of a local wall-clock minute of a local date (minute may be 1440). */
function wallToUtc(c: CompiledCalendar, date: Date, minute: number): number {
  return new TZDate(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    0,
    minute,
    c.calendar.timeZone,
  ).getTime();
}

function localDay(c: CompiledCalendar, dayNumber: number): LocalDay {
  const cached = c.days.get(dayNumber);
  if (cached) return cached;

  // A UTC Date whose UTC fields are the local date's Y-M-D and weekday.
  const date = new Date(dayNumber * DAY_MS);
  const start = wallToUtc(c, date, 0);
  const end = wallToUtc(c, date, MINUTES_PER_DAY);
  const open: number[] = [];
  const weekday = WEEKDAYS[date.getUTCDay()];
  const isHoliday = c.holidays.has(date.toISOString().slice(0, 10));
  if (weekday !== undefined && !isHoliday) {
    for (const [from, to] of c.calendar.week[weekday]) {
      // Clamping keeps the day's intervals inside the day whatever TZDate does
      // with wall times that a DST change skips; a skipped hour simply shrinks
      // the interval, which is the business time that really existed.
      const a = from === 0 ? start : Math.min(Math.max(wallToUtc(c, date, from), start), end);
      const b = to === MINUTES_PER_DAY ? end : Math.min(Math.max(wallToUtc(c, date, to), a), end);
      if (b > a) open.push(a, b);
    }
  }
  const day: LocalDay = { start, end, open };
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
  c.days.set(dayNumber, day);
  return day;
}

/** The local date containing an instant. Zone offsets are under a day, so the UTC date is at most one off. */
function dayNumberOf(c: CompiledCalendar, instant: number): number {
  let n = Math.floor(instant / DAY_MS);
  for (let step = 0; step < 3; step++) {
    const day = localDay(c, n);
    if (instant < day.start) n -= 1;
    else if (instant >= day.end) n += 1;
    else break;
  }
  return n;
}

function assertInstant(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite epoch-ms number, got ${value}`);
}

/**
 * The earliest instant at which `budgetMs` of business time has passed since
 * `start`. A budget of 0 is due at `start` itself; a budget that runs out exactly
 * at closing time is due at closing time, not at the next opening.
 */
export function addBusinessTime(start: number, budgetMs: number, calendar: BusinessCalendar): number {
  assertInstant('start', start);
  if (!Number.isFinite(budgetMs) || budgetMs < 0)
    throw new RangeError(`budget must be ≥ 0 ms, got ${budgetMs}`);
  if (budgetMs === 0) return start;
  const c = compile(calendar);
  if (c.alwaysOpen) return start + budgetMs;

  let remaining = budgetMs;
  // Terminates: the week has open time and the holiday list is finite.
  for (let n = dayNumberOf(c, start); ; n++) {
    const { open } = localDay(c, n);
    for (let i = 0; i + 1 < open.length; i += 2) {
      const a = Math.max(open[i] ?? 0, start);
      const b = open[i + 1] ?? 0;
      if (b <= a) continue;
      if (b - a >= remaining) return a + remaining;
      remaining -= b - a;
    }
  }
}

/** Business time in [from, to); 0 when `to` ≤ `from`. */
export function businessTimeBetween(from: number, to: number, calendar: BusinessCalendar): number {
  assertInstant('from', from);
  assertInstant('to', to);
  if (to <= from) return 0;
  const c = compile(calendar);
  if (c.alwaysOpen) return to - from;

  let total = 0;
  const last = dayNumberOf(c, to);
  for (let n = dayNumberOf(c, from); n <= last; n++) {
    const { open } = localDay(c, n);
    for (let i = 0; i + 1 < open.length; i += 2) {
      const a = Math.max(open[i] ?? 0, from);
      const b = Math.min(open[i + 1] ?? 0, to);
      if (b > a) total += b - a;
    }
  }
  return total;
}

/** Whether the calendar is open at an instant (the SLA clock is running, pauses aside). */
export function isOpenAt(instant: number, calendar: BusinessCalendar): boolean {
  assertInstant('instant', instant);
  const c = compile(calendar);
  if (c.alwaysOpen) return true;
  const { open } = localDay(c, dayNumberOf(c, instant));
  for (let i = 0; i + 1 < open.length; i += 2) {
    if (instant >= (open[i] ?? 0) && instant < (open[i + 1] ?? 0)) return true;
  }
  return false;
}
