/**
 * The environment at a glance: app and version (flagged when older than the
 * latest known release), device, OS, locale, who and when, what the user
 * reported, and what was redacted before storage.
 */
import {
  describeRedactions,
  summariseApi,
  totalRedactions,
  type StoredBundle,
  type TelemetryMeta,
} from '../../../../core/telemetry';
import { dateTime, formatBytes, plural } from './format';

export function Overview({ meta, bundle }: { meta: TelemetryMeta; bundle: StoredBundle }) {
  const api = summariseApi(bundle.apiTrace, 0);
  const redacted = totalRedactions(meta.redactions);
  return (
    <div className="tm-overview">
      <dl className="tm-env" aria-label="Environment">
        <dt>App</dt>
        <dd>
          {meta.appName} <strong>{meta.appVersion}</strong>
          {bundle.app.build && <span className="muted"> (build {bundle.app.build})</span>}{' '}
          {meta.outdated ? (
            <span className="tm-badge warn">Outdated · latest {meta.latestVersion}</span>
          ) : meta.latestVersion ? (
            <span className="tm-badge ok">Latest</span>
          ) : null}
        </dd>
        <dt>Device</dt>
        <dd>{meta.device}</dd>
        <dt>OS</dt>
        <dd>{meta.os}</dd>
        <dt>Locale</dt>
        <dd>
          {bundle.locale ?? '—'}
          {bundle.timezone && <span className="muted"> · {bundle.timezone}</span>}
        </dd>
        <dt>User</dt>
        <dd>{bundle.userId}</dd>
        <dt>Captured</dt>
        <dd>
          {dateTime(bundle.capturedAt)}
          {bundle.sessionStartedAt && (
            <span className="muted"> · session from {dateTime(bundle.sessionStartedAt)}</span>
          )}
        </dd>
        <dt>Contents</dt>
        <dd>
          {plural(meta.counts.logs, 'log line')} ({plural(meta.counts.errors, 'error')},{' '}
          {plural(meta.counts.warnings, 'warning')}) · {plural(api.total, 'API call')} ({api.failed} failed) ·{' '}
          {plural(meta.counts.attachments, 'file')} · {formatBytes(meta.bytes)}
        </dd>
        {bundle.orderNumbers.length > 0 && (
          <>
            <dt>Orders</dt>
            <dd>{bundle.orderNumbers.join(', ')}</dd>
          </>
        )}
      </dl>
      {bundle.errorMessages.length > 0 && (
        <section aria-label="Errors the user saw" className="tm-said">
          <h4>Error shown to the user</h4>
          {bundle.errorMessages.map((m, i) => (
            <blockquote key={i}>{m}</blockquote>
          ))}
        </section>
      )}
      {bundle.userMessages.length > 0 && (
        <section aria-label="What the user wrote" className="tm-said">
          <h4>User wrote in the app</h4>
          {bundle.userMessages.map((m, i) => (
            <blockquote key={i}>{m.text}</blockquote>
          ))}
        </section>
      )}
      <p className="tm-redactions" aria-label="Redactions">
        <strong>Redacted before storage:</strong>{' '}
        {redacted === 0 ? 'nothing needed redacting.' : describeRedactions(meta.redactions, ' · ')}
      </p>
    </div>
  );
}
