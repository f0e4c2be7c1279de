/**
 * The recent API trace: a summary (error rate, latency, the first failure,
 * the slowest calls) and a waterfall of every call on one time axis, failed
 * calls in red and marked in words as well as colour. The list opens on the
 * first failure.
 */
import { useMemo, useState } from 'react';
import {
  displayPath,
  formatDuration,
  isFailedCall,
  summariseApi,
  type ApiCall,
} from '../../../../core/telemetry';
import { clock, clockShort } from './format';
import { VirtualRows } from './VirtualRows';

const statusText = (c: ApiCall) => (c.status ? String(c.status) : 'no response');

export function ApiTrace({ calls }: { calls: readonly ApiCall[] }) {
  const summary = useMemo(() => summariseApi(calls), [calls]);
  const [failedOnly, setFailedOnly] = useState(false);
  const rows = useMemo(() => {
    const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
    return failedOnly ? sorted.filter(isFailedCall) : sorted;
  }, [calls, failedOnly]);
  const span = Math.max(1, summary.end - summary.start);
  // Open on the first failure: that is where a specialist starts reading.
  const firstFailed = useMemo(() => {
    const index = rows.findIndex(isFailedCall);
    return index < 0 ? null : { index, nonce: 0 };
  }, [rows]);

  if (calls.length === 0) return <p className="tm-empty">The app sent no API calls.</p>;
  const first = summary.firstFailure;
  return (
    <div className="tm-api">
      <dl className="tm-stats" aria-label="API summary">
        <div>
          <dt>Calls</dt>
          <dd>{summary.total.toLocaleString()}</dd>
        </div>
        <div className={summary.failed > 0 ? 'bad' : ''}>
          <dt>Failed</dt>
          <dd>
            {summary.failed} ({(summary.errorRate * 100).toFixed(1)} %)
          </dd>
        </div>
        <div>
          <dt>Median / p95</dt>
          <dd>
            {formatDuration(summary.p50)} / {formatDuration(summary.p95)}
          </dd>
        </div>
      </dl>
      {first && (
        <p className="tm-first-failure">
          <strong>First failure</strong> at {clock(first.startedAt)}: {first.method} {displayPath(first.path)}{' '}
          → {statusText(first)} in {formatDuration(first.durationMs)}
          {first.requestId && <> · request {first.requestId}</>}
          {first.error && <> · “{first.error}”</>}
        </p>
      )}
      <div className="tm-slowest">
        <strong>Slowest:</strong>{' '}
        {summary.slowest.map((c, i) => (
          <span key={i} className="tm-slow">
            {c.method} {displayPath(c.path).split('?')[0]} {formatDuration(c.durationMs)}
          </span>
        ))}
      </div>
      <div className="tm-toolbar">
        <label className="tm-check">
          <input type="checkbox" checked={failedOnly} onChange={(e) => setFailedOnly(e.target.checked)} />{' '}
          Failed calls only
        </label>
        <span className="spacer" />
        <span className="tm-axis" aria-hidden="true">
          {clockShort(summary.start)} → {clockShort(summary.end)}
        </span>
      </div>
      <VirtualRows
        items={rows}
        label="API calls"
        estimate={28}
        scrollTo={firstFailed}
        empty="No failed calls."
        rowClass={(c) => `tm-call${isFailedCall(c) ? ' failed' : ''}`}
        row={(c) => {
          const failed = isFailedCall(c);
          const left = ((c.startedAt - summary.start) / span) * 100;
          const width = Math.max(0.4, (c.durationMs / span) * 100);
          return (
            <>
              <time className="tm-time" dateTime={new Date(c.startedAt).toISOString()}>
                {clock(c.startedAt)}
              </time>
              <span className={`tm-status${failed ? ' failed' : ''}`}>
                {failed && <span className="visually-hidden">Failed: </span>}
                {c.status ? (
                  c.status
                ) : (
                  // No status fits no column: a dash, and the words for screen readers and on hover.
                  <span title="no response">
                    —<span className="visually-hidden">no response</span>
                  </span>
                )}
              </span>
              <span className="tm-method">{c.method}</span>
              <span className="tm-path" title={c.path}>
                {displayPath(c.path)}
                {c.error && <span className="tm-call-error"> {c.error}</span>}
              </span>
              <span className="tm-dur">{formatDuration(c.durationMs)}</span>
              <span className="tm-bar-track" aria-hidden="true">
                <span
                  className="tm-bar"
                  style={{ left: `${Math.min(left, 99.6)}%`, width: `${Math.min(width, 100 - left)}%` }}
                />
              </span>
            </>
          );
        }}
      />
    </div>
  );
}
