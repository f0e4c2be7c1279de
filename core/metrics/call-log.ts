/**
 * Telephony call-log import: the CSV text of a phone system's export →
 * ContactRecords (channel 'phone') for the wallboard's queue KPIs.
 *
 * Columns are found by header, not position: exports differ in column order,
 * case and wording, so headers are compared with case, spaces and punctuation
 * removed ("Answered (Y/N)" → `answeredyn`) against the aliases below. Unknown
 * columns are ignored. Date, time, answered, resolved, speed of answer, talk
 * duration and satisfaction are required: without one of them a KPI would come
 * out as a plausible wrong number (e.g. no speed column → service level 0 %),
 * so a missing one is a single fatal error naming it. Call id, agent and topic
 * are optional.
 *
 * Values:
 * - Date `YYYY-MM-DD` + time `H:MM:SS` are the local wall-clock time of the
 *   export's phone system, turned into epoch ms with a fixed `utcOffsetMinutes`
 *   (default 0: the times are taken as UTC). A fixed offset, not a time-zone
 *   name: core/ has no tz database, and a call log is usually read for one
 *   period; a log spanning a DST change needs to be split or converted first.
 * - Answered / resolved: Y/N, Yes/No, True/False or 1/0, any case.
 * - Speed of answer: seconds (decimals allowed). Talk duration: `H:MM:SS`.
 *   The sample's column is called "AvgTalkDuration" but holds each call's talk time.
 * - Satisfaction: an integer 1–5; empty = no survey answer.
 * - Abandoned call (answered = N): empty speed, talk and rating, as the
 *   exports leave them → speedOfAnswerMs null, talkMs 0, rating null. A speed
 *   on an abandoned call is ignored (some systems put the time to abandon
 *   there; ContactRecord keeps no wait for unanswered contacts). A talk time or
 *   rating on one is contradictory and reported.
 * - Answered call with an empty speed → speedOfAnswerMs null (wait not
 *   recorded; service level counts it as not within the threshold). An
 *   answered call without a talk duration is reported: a 0 would drag talk time down.
 * - Hold and wrap-up are not in such exports: holdMs and afterContactWorkMs are
 *   0, so handle time is talk time.
 *
 * Bad rows are never dropped silently: each is listed in `errors` with its
 * line number (as an editor shows it) and every problem found in it, and the
 * good rows are still returned.
 */
import type { ContactRecord } from './contact';
import type { CsvRecord } from '../util/csv';
import { CsvSyntaxError, parseCsv } from '../util/csv';

export interface CallLogError {
  /** 1-based line in the file; 1 is the header. */
  line: number;
  message: string;
}

export interface CallLogResult {
  contacts: ContactRecord[];
  /** The file line of each contact, same order (to name a row in later checks, e.g. duplicates). */
  lines: number[];
  errors: CallLogError[];
  /** True when the file could not be read at all: `errors` holds that one error and `contacts` is empty. */
  fatal: boolean;
}

export interface CallLogOptions {
  /** Offset of the export's clock from UTC in minutes: 60 for UTC+01:00, −300 for UTC−05:00. Default 0. */
  utcOffsetMinutes?: number;
}

type Column =
  'id' | 'agent' | 'date' | 'time' | 'topic' | 'answered' | 'resolved' | 'speed' | 'talk' | 'rating';

const COLUMNS: Record<Column, { label: string; required: boolean; aliases: readonly string[] }> = {
  id: { label: 'Call Id', required: false, aliases: ['callid', 'id', 'contactid'] },
  agent: { label: 'Agent', required: false, aliases: ['agent', 'agentname', 'agentid'] },
  date: { label: 'Date', required: true, aliases: ['date', 'calldate'] },
  time: { label: 'Time', required: true, aliases: ['time', 'calltime', 'starttime'] },
  topic: { label: 'Topic', required: false, aliases: ['topic', 'calltopic', 'reason', 'subject'] },
  answered: { label: 'Answered (Y/N)', required: true, aliases: ['answered', 'answeredyn', 'isanswered'] },
  resolved: { label: 'Resolved', required: true, aliases: ['resolved', 'resolvedyn', 'isresolved'] },
  speed: {
    label: 'Speed of answer in seconds',
    required: true,
    // Only headers that say seconds or nothing: a "(ms)" column must not be read as seconds.
    aliases: ['speedofanswerinseconds', 'speedofanswer', 'speedofanswers', 'speedofanswerseconds', 'asa'],
  },
  talk: {
    label: 'Talk duration',
    required: true,
    aliases: ['avgtalkduration', 'talkduration', 'talktime', 'talkdurationhhmmss'],
  },
  rating: {
    label: 'Satisfaction rating',
    required: true,
    aliases: ['satisfactionrating', 'satisfaction', 'rating', 'csat'],
  },
};

const normalize = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const fatal = (message: string, line = 1): CallLogResult => ({
  contacts: [],
  lines: [],
  errors: [{ line, message }],
  fatal: true,
});

export function parseCallLog(text: string, options: CallLogOptions = {}): CallLogResult {
  const offsetMs = (options.utcOffsetMinutes ?? 0) * 60_000;
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return fatal('a quoted field is never closed', e.line);
  }
  const [header, ...rows] = records;
  if (header === undefined) return fatal('the file is empty: no header row');

  const index: Partial<Record<Column, number>> = {};
  const names = Object.keys(COLUMNS) as Column[];
  for (const [k, raw] of header.fields.entries()) {
    const col = names.find((c) => COLUMNS[c].aliases.includes(normalize(raw)));
    if (col === undefined) continue;
    const seen = index[col];
    if (seen !== undefined) {
      return fatal(`columns "${header.fields[seen]}" and "${raw}" both look like ${COLUMNS[col].label}`);
    }
    index[col] = k;
  }
  const missing = names.filter((c) => COLUMNS[c].required && index[c] === undefined);
  if (missing.length > 0) {
    const labels = missing.map((c) => COLUMNS[c].label).join(', ');
    return fatal(`missing required column(s): ${labels} (header: ${header.fields.join(', ')})`);
  }

  const contacts: ContactRecord[] = [];
  const lines: number[] = [];
  const errors: CallLogError[] = [];
  for (const { line, fields } of rows) {
    if (fields.length !== header.fields.length) {
      errors.push({ line, message: `has ${fields.length} fields, the header has ${header.fields.length}` });
      continue;
    }
    const cell = (c: Column) => {
      const k = index[c];
      return k === undefined ? '' : (fields[k] ?? '').trim();
    };
    const problems: string[] = [];
    const answered = yesNo(cell('answered'));
    if (answered === null) problems.push(`unknown Answered value "${cell('answered')}" (expected Y or N)`);
    // An abandoned call's resolution is often left blank: nothing was resolved on it.
    const resolved = cell('resolved') === '' && answered === false ? false : yesNo(cell('resolved'));
    if (resolved === null) problems.push(`unknown Resolved value "${cell('resolved')}" (expected Y or N)`);

    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell('date'));
    const time = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(cell('time'));
    let startedAt = Number.NaN;
    if (date === null) problems.push(`unparsable date "${cell('date')}" (expected YYYY-MM-DD)`);
    if (time === null || Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3]) > 59) {
      problems.push(`unparsable time "${cell('time')}" (expected HH:MM:SS)`);
    } else if (date !== null) {
      const [y, mo, d] = [Number(date[1]), Number(date[2]) - 1, Number(date[3])];
      const utc = Date.UTC(y, mo, d, Number(time[1]), Number(time[2]), Number(time[3]));
      // Date.UTC rolls 2021-02-30 over to March: compare back to catch impossible dates.
      const check = new Date(utc);
      if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo || check.getUTCDate() !== d) {
        problems.push(`unparsable date "${cell('date')}" (no such day)`);
      } else startedAt = utc - offsetMs;
    }

    let speedOfAnswerMs: number | null = null;
    let talkMs = 0;
    let rating: number | null = null;
    if (answered === true) {
      const speed = cell('speed');
      if (/^\d+(\.\d+)?$/.test(speed)) speedOfAnswerMs = Math.round(Number(speed) * 1000);
      else if (speed !== '') problems.push(`unparsable speed of answer "${speed}" (expected seconds)`);
      const talk = durationMs(cell('talk'));
      if (talk !== null) talkMs = talk;
      else if (cell('talk') === '') problems.push('an answered call has no talk duration');
      else problems.push(`unparsable talk duration "${cell('talk')}" (expected HH:MM:SS)`);
      const score = cell('rating');
      if (/^[1-5]$/.test(score)) rating = Number(score);
      else if (score !== '') problems.push(`satisfaction rating "${score}" is not a whole number 1–5`);
    } else if (answered === false) {
      const talk = cell('talk');
      if ((talk !== '' && durationMs(talk) !== 0) || cell('rating') !== '') {
        problems.push('an abandoned call (Answered N) has a talk duration or satisfaction rating');
      }
    }

    if (problems.length > 0 || answered === null || resolved === null) {
      errors.push({ line, message: problems.join('; ') });
      continue;
    }
    lines.push(line);
    contacts.push({
      id: cell('id') || `line-${line}`,
      ticketId: null,
      agentId: cell('agent') || null,
      channel: 'phone',
      startedAt,
      answered,
      speedOfAnswerMs,
      talkMs,
      holdMs: 0,
      afterContactWorkMs: 0,
      activeMs: 0,
      resolved,
      rating,
      topic: cell('topic') || null,
    });
  }
  return { contacts, lines, errors, fatal: false };
}

function yesNo(value: string): boolean | null {
  const v = value.toLowerCase();
  if (v === 'y' || v === 'yes' || v === 'true' || v === '1') return true;
  if (v === 'n' || v === 'no' || v === 'false' || v === '0') return false;
  return null;
}

/** `H:MM:SS` (hours may exceed 24) → ms; null when empty or malformed. */
function durationMs(value: string): number | null {
  const m = /^(\d+):([0-5]\d):([0-5]\d)$/.exec(value);
  return m === null ? null : ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
}
