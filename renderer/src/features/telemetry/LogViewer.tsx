/**
 * The bundle's log, virtualised: filter by level, search text (message and
 * context), and jump to a time (local clock time on the day the logs start).
 */
import { useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import {
  countLevels,
  indexAtTime,
  LOG_LEVELS,
  type LogEntry,
  type LogLevel,
} from '../../../../core/telemetry';
import { clock, contextLine } from './format';
import { VirtualRows } from './VirtualRows';

interface Props {
  logs: readonly LogEntry[];
  /** A time to jump to from elsewhere (the timeline); the nonce repeats a jump. */
  jump: { time: number; nonce: number } | null;
}

const LEVEL_LABEL: Record<LogLevel, string> = { debug: 'Debug', info: 'Info', warn: 'Warn', error: 'Error' };

/** `HH:MM[:SS]` on the day of `reference`, local time; null when not a time. */
function timeOnDay(value: string, reference: number): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(reference);
  d.setHours(Number(m[1]), Number(m[2]), Number(m[3] ?? 0), 0);
  return Number.isNaN(d.getTime()) ? null : d.getTime();
}

/** Esc leaves the field (as in the composer) instead of closing the ticket. */
function leaveOnEscape(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === 'Escape') {
    event.stopPropagation();
    event.currentTarget.blur();
  }
}

export function LogViewer({ logs, jump }: Props) {
  const ids = useId();
  const [levels, setLevels] = useState<ReadonlySet<LogLevel>>(new Set(LOG_LEVELS));
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const [timeInput, setTimeInput] = useState('');
  const [jumpError, setJumpError] = useState<string | null>(null);
  const [localJump, setLocalJump] = useState<{ time: number; nonce: number } | null>(null);

  // Apps do not always send their log in order; the viewer shows it in time order (stable).
  const sorted = useMemo(
    () =>
      logs
        .map((entry, i) => ({
          entry,
          i,
          text: `${entry.message} ${contextLine(entry.context)}`.toLowerCase(),
        }))
        .sort((a, b) => a.entry.time - b.entry.time || a.i - b.i),
    [logs],
  );
  const counts = useMemo(() => countLevels(logs), [logs]);
  const visible = useMemo(
    () => sorted.filter((r) => levels.has(r.entry.level) && (deferred === '' || r.text.includes(deferred))),
    [sorted, levels, deferred],
  );
  const target = localJump && (!jump || localJump.nonce > jump.nonce) ? localJump : jump;
  const scrollTo = useMemo(() => {
    if (!target || visible.length === 0) return null;
    return {
      index: indexAtTime(
        visible.map((r) => r.entry),
        target.time,
      ),
      nonce: target.nonce,
    };
  }, [target, visible]);
  const highlighted = scrollTo?.index ?? -1;

  function toggle(level: LogLevel) {
    const next = new Set(levels);
    if (next.has(level)) next.delete(level);
    else next.add(level);
    setLevels(next);
  }

  function go() {
    const first = sorted[0]?.entry.time;
    const time = first === undefined ? null : timeOnDay(timeInput, first);
    if (time === null) {
      setJumpError('Enter a time as HH:MM or HH:MM:SS.');
      return;
    }
    setJumpError(null);
    setLocalJump({ time, nonce: Date.now() });
  }

  return (
    <div className="tm-logs">
      <div className="tm-toolbar">
        <div role="group" aria-label="Log levels" className="tm-levels">
          {LOG_LEVELS.map((level) => (
            <button
              key={level}
              type="button"
              className={`tm-level-toggle level-${level}`}
              aria-pressed={levels.has(level)}
              onClick={() => toggle(level)}
            >
              {LEVEL_LABEL[level]} <span className="tm-count">{counts[level].toLocaleString()}</span>
            </button>
          ))}
        </div>
        <input
          type="search"
          className="tm-search"
          aria-label="Search logs"
          placeholder="Search logs"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={leaveOnEscape}
        />
        <form
          className="tm-jump"
          onSubmit={(e) => {
            e.preventDefault();
            go();
          }}
        >
          <label htmlFor={`${ids}-time`}>Jump to</label>
          <input
            id={`${ids}-time`}
            type="text"
            inputMode="numeric"
            placeholder="HH:MM:SS"
            size={8}
            value={timeInput}
            aria-invalid={jumpError !== null}
            aria-describedby={jumpError ? `${ids}-jump-error` : undefined}
            onChange={(e) => setTimeInput(e.target.value)}
            onKeyDown={leaveOnEscape}
          />
          <button type="submit" className="ghost">
            Go
          </button>
        </form>
      </div>
      {jumpError && (
        <p id={`${ids}-jump-error`} role="alert" className="error">
          {jumpError}
        </p>
      )}
      <p className="tm-shown" aria-live="polite">
        {visible.length.toLocaleString()} of {logs.length.toLocaleString()} lines
      </p>
      <VirtualRows
        items={visible}
        label="Log lines"
        scrollTo={scrollTo}
        empty="No log lines match."
        rowClass={(r, i) => `tm-log level-${r.entry.level}${i === highlighted ? ' tm-target' : ''}`}
        row={(r) => (
          <>
            <time className="tm-time" dateTime={new Date(r.entry.time).toISOString()}>
              {clock(r.entry.time)}
            </time>
            <span className={`tm-level level-${r.entry.level}`}>{r.entry.level}</span>
            <span className="tm-msg">
              {r.entry.message}
              {r.entry.context && <span className="tm-context"> {contextLine(r.entry.context)}</span>}
            </span>
          </>
        )}
      />
    </div>
  );
}
