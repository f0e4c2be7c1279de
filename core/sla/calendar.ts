/**
 * Business-hours calendars: when the SLA clock runs.
 *
 * A calendar is plain data (JSON-safe) so a workspace can ship its own: an IANA
 * time zone, the open intervals of each weekday in local wall-clock minutes, and
 * holiday dates on which nothing is open. The clock arithmetic lives in
 * business-time.ts; this file only defines the shape, the defaults and checks.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Index in WEEKDAYS equals `Date#getDay()` (0 = Sunday). */
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes in a local day; an interval may end at 1440 (= next midnight). */
export const MINUTES_PER_DAY = 1440;

/**
 * Half-open [startMinute, endMinute) of local wall-clock time within one day,
 * 0 ≤ start < end ≤ 1440. Cover a night by an interval ending at 1440 plus one
 * starting at 0 on the next weekday.
 */
export type OpenInterval = readonly [startMinute: number, endMinute: number];

export interface BusinessCalendar {
  /** IANA zone, e.g. 'Europe/London'. Wall-clock hours are read in this zone, DST included. */
  timeZone: string;
  /** Open intervals per weekday, sorted and non-overlapping; [] = closed all day. */
  week: Readonly<Record<Weekday, readonly OpenInterval[]>>;
  /** Local dates 'YYYY-MM-DD' (in `timeZone`) that are closed all day. */
  holidays: readonly string[];
}

const WORKDAY: readonly OpenInterval[] = [[9 * 60, 17 * 60]];
const ALL_DAY: readonly OpenInterval[] = [[0, MINUTES_PER_DAY]];

/**
 * Default business hours: Monday–Friday 09:00–17:00 Europe/London.
 *
 * London because Spark Drive's support desk is run from there; a workspace in
 * another region overrides the calendar. No holidays ship by default: public
 * holidays are per country and per year, so they belong to the workspace's data,
 * not to code that would go stale.
 */
export const DEFAULT_BUSINESS_HOURS: BusinessCalendar = {
  timeZone: 'Europe/London',
  week: { sun: [], mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY, sat: [] },
  holidays: [],
};

/** Always open: the SLA clock is plain wall time (Enterprise 24×7 coverage). */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  week: { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY },
  holidays: [],
};

/**
 * True when the calendar never closes. Such a calendar needs no time-zone work
 * at all (business time = elapsed time), whatever its zone, because every local
 * day is fully open — even the 23 h and 25 h days of a DST change.
 */
export function isAlwaysOpen(calendar: BusinessCalendar): boolean {
  if (calendar.holidays.length > 0) return false;
  return WEEKDAYS.every((day) => {
    const intervals = calendar.week[day];
    const only = intervals[0];
    return intervals.length === 1 && only !== undefined && only[0] === 0 && only[1] === MINUTES_PER_DAY;
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Problems with a calendar, [] when it is usable. Workspace overrides are data
 * typed in by people, so they are checked before the clock arithmetic trusts them
 * (which assumes sorted, non-overlapping, in-range intervals).
 */
export function validateCalendar(calendar: BusinessCalendar): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(calendar.timeZone)) problems.push(`unknown time zone "${calendar.timeZone}"`);
  let openMinutes = 0;
  for (const day of WEEKDAYS) {
    let previousEnd = 0;
    for (const [start, end] of calendar.week[day]) {
      if (
        !Number.isInteger(start) ||
        !Number.isInteger(end) ||
        start < 0 ||
        end > MINUTES_PER_DAY ||
        start >= end
      ) {
        problems.push(
          `${day}: interval [${start}, ${end}) must satisfy 0 ≤ start < end ≤ ${MINUTES_PER_DAY}`,
        );
      } else if (start < previousEnd) {
        problems.push(`${day}: intervals must be sorted and must not overlap`);
      } else {
        openMinutes += end - start;
      }
      previousEnd = Math.max(previousEnd, end);
    }
  }
  if (openMinutes === 0) problems.push('calendar is never open: no SLA clock could ever run');
  for (const date of calendar.holidays) {
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      problems.push(`holiday "${date}" is not a YYYY-MM-DD date`);
    }
  }
  return problems;
}
