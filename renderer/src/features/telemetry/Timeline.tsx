/**
 * One time line of what happened: log lines, API calls and what the customer
 * said (in the app and in the ticket), so cause and complaint line up.
 * It opens on the first failure (a failed call or an error), where diagnosis
 * starts; choosing a log line opens it in the log viewer.
 */
import { useMemo, useState } from 'react';
import {
  buildTimeline,
  type CustomerNote,
  type StoredBundle,
  type TimelineEntry,
} from '../../../../core/telemetry';
import { clock } from './format';
import { VirtualRows } from './VirtualRows';

interface Props {
  bundle: StoredBundle;
  ticketMessages: readonly CustomerNote[];
  onOpenLog: (time: number) => void;
}

const label = (e: TimelineEntry) =>
  e.source === 'log'
    ? `Log · ${e.level}`
    : e.source === 'api'
      ? e.failed
        ? 'API · failed'
        : 'API'
      : 'Customer';

export function Timeline({ bundle, ticketMessages, onOpenLog }: Props) {
  const [allLevels, setAllLevels] = useState(false);
  const entries = useMemo(
    () => buildTimeline(bundle, ticketMessages, allLevels ? 'debug' : 'warn'),
    [bundle, ticketMessages, allLevels],
  );
  const firstFailure = useMemo(() => {
    const index = entries.findIndex(
      (e) => (e.source === 'api' && e.failed) || (e.source === 'log' && e.level === 'error'),
    );
    return index < 0 ? null : { index, nonce: 0 };
  }, [entries]);
  return (
    <div className="tm-timeline">
      <div className="tm-toolbar">
        <label className="tm-check">
          <input type="checkbox" checked={allLevels} onChange={(e) => setAllLevels(e.target.checked)} />{' '}
          Include debug and info logs
        </label>
        <span className="spacer" />
        <span className="tm-shown">{entries.length.toLocaleString()} events</span>
      </div>
      <VirtualRows
        items={entries}
        label="Timeline"
        estimate={28}
        scrollTo={firstFailure}
        empty="Nothing to show."
        rowClass={(e) =>
          `tm-event source-${e.source}${e.source === 'log' ? ` level-${e.level}` : ''}${e.source === 'api' && e.failed ? ' failed' : ''}`
        }
        row={(e) => (
          <>
            <time className="tm-time" dateTime={new Date(e.at).toISOString()}>
              {clock(e.at)}
            </time>
            <span className="tm-source">{label(e)}</span>
            {e.source === 'log' ? (
              <button type="button" className="tm-link" onClick={() => onOpenLog(e.at)}>
                {e.text}
              </button>
            ) : (
              <span className="tm-msg">{e.text}</span>
            )}
          </>
        )}
      />
    </div>
  );
}
