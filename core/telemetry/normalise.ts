/**
 * Apps name the same things differently: `timestamp` / `ts` / `@timestamp` for
 * a log line's time, `msg` for its message, `severity` for its level, `url`
 * and `statusCode` and `duration` for an API call, nested objects in a log's
 * fields, `image/jpg` or `text/plain; charset=utf-8` for a file's type. Before
 * the strict schema runs, the common variants are renamed to the bundle's own
 * names, so bundles from other apps are read as meant — and anything still
 * unknown is an error the app's developers see.
 *
 * A name is only taken when the bundle's own name is absent: a line with both
 * `time` and `timestamp` is ambiguous and refused as an unknown field.
 */
import { TELEMETRY_LIMITS as L } from './limits';

type Json = Record<string, unknown>;

const LOG_ALIASES: Record<string, readonly string[]> = {
  time: ['timestamp', 'ts', '@timestamp', 'date', 'datetime', 'loggedAt', 'logged_at'],
  message: ['msg', 'text', 'body', '@message'],
  level: ['severity', 'lvl', 'loglevel', 'logLevel', 'log_level', 'levelname'],
  context: ['fields', 'data', 'meta', 'metadata', 'extra', 'attributes', 'properties', 'ctx'],
};

const API_ALIASES: Record<string, readonly string[]> = {
  method: ['verb', 'httpMethod', 'http_method'],
  path: ['url', 'uri', 'endpoint', 'route'],
  status: ['statusCode', 'status_code', 'httpStatus', 'http_status', 'code'],
  durationMs: [
    'duration',
    'duration_ms',
    'durationMillis',
    'elapsed',
    'elapsedMs',
    'elapsed_ms',
    'latency',
    'latencyMs',
    'latency_ms',
    'took',
  ],
  startedAt: ['timestamp', 'time', 'ts', 'start', 'startTime', 'start_time', 'started_at', 'startedDateTime'],
  requestId: ['request_id', 'requestID', 'traceId', 'trace_id', 'correlationId', 'correlation_id'],
  error: ['errorMessage', 'error_message', 'err', 'message'],
};

/** Content types as apps send them → the bundle's own. */
const TYPE_ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'text/x-log': 'text/plain',
  'text/log': 'text/plain',
  'text/json': 'application/json',
};

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function rename(value: unknown, aliases: Record<string, readonly string[]>): unknown {
  if (!isObject(value)) return value;
  const out: Json = { ...value };
  for (const [name, others] of Object.entries(aliases)) {
    if (name in out) continue;
    const found = others.find((o) => o in out);
    if (found !== undefined) {
      out[name] = out[found];
      delete out[found];
    }
  }
  return out;
}

/** Nested values in a log's fields become JSON text (bounded), so structured logs fit the flat context. */
function flattenContext(context: unknown): unknown {
  if (!isObject(context)) return context;
  const out: Json = {};
  for (const [k, v] of Object.entries(context)) {
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
    else if (v === undefined) continue;
    else {
      const text = JSON.stringify(v) ?? String(v);
      out[k] = text.length > L.contextValue ? `${text.slice(0, L.contextValue - 1)}…` : text;
    }
  }
  return out;
}

/** A number sent as text ("502", "120.5") is read as the number. */
const numeric = (v: unknown): unknown =>
  typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v;

function normaliseLog(entry: unknown): unknown {
  const e = rename(entry, LOG_ALIASES);
  if (!isObject(e) || !('context' in e)) return e;
  return { ...e, context: flattenContext(e.context) };
}

function normaliseCall(entry: unknown): unknown {
  const c = rename(entry, API_ALIASES);
  if (!isObject(c)) return c;
  return { ...c, status: numeric(c.status), durationMs: numeric(c.durationMs) };
}

function normaliseAttachment(entry: unknown): unknown {
  if (!isObject(entry) || typeof entry.contentType !== 'string') return entry;
  const type = entry.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return { ...entry, contentType: TYPE_ALIASES[type] ?? type };
}

export function normaliseBundle(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out: Json = { ...value };
  if (Array.isArray(out.logs)) out.logs = out.logs.map(normaliseLog);
  if (Array.isArray(out.apiTrace)) out.apiTrace = out.apiTrace.map(normaliseCall);
  if (Array.isArray(out.attachments)) out.attachments = out.attachments.map(normaliseAttachment);
  return out;
}
