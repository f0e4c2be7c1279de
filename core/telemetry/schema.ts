/**
 * The telemetry bundle a customer app sends with (or after) a support request.
 *
 * Strict at the top level so a misspelt field ("log" for "logs") is an error the
 * app's developers see, not data that silently goes missing. Lenient where real
 * apps differ and the meaning is still clear: times as ISO 8601 strings or epoch
 * numbers (seconds or milliseconds), log levels under their common names
 * (syslog, bunyan/pino numbers, java.util.logging, Android), API calls with a
 * full URL or a path. Everything is normalised here, so the rest of the system
 * sees one shape.
 */
import { z } from 'zod';
import { TELEMETRY_LIMITS as L } from './limits';
import { normaliseBundle } from './normalise';

const text = (max: number = L.text) => z.string().max(max);
const short = z.string().trim().min(1).max(L.short);

/** Epoch seconds below this are taken for seconds (1e11 ms is 1973; 1e11 s is the year 5138). */
const SECONDS_BELOW = 1e11;
const EARLIEST = Date.UTC(2000, 0, 1);
/** A date and time with no zone: taken as UTC (the JavaScript default, local time, would depend on the server). */
const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** A point in time: ISO 8601 or epoch seconds / milliseconds → epoch ms. */
export const timeSchema = z.union([z.number().finite(), z.string().max(64)]).transform((value, ctx) => {
  const epoch = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value) ? Number(value) : null;
  const ms =
    epoch !== null
      ? epoch < SECONDS_BELOW
        ? epoch * 1000
        : epoch
      : Date.parse(
          ZONELESS.test(value as string) ? `${(value as string).replace(' ', 'T')}Z` : (value as string),
        );
  if (!Number.isFinite(ms) || ms < EARLIEST) {
    ctx.addIssue({
      code: 'custom',
      message: `not a time: expected ISO 8601 or epoch seconds/milliseconds after 2000, got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return Math.round(ms);
});

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Level names of common logging libraries, mapped onto the four the viewer filters by. */
const LEVEL_NAMES: Record<string, LogLevel> = {
  trace: 'debug',
  verbose: 'debug',
  debug: 'debug',
  fine: 'debug',
  finer: 'debug',
  finest: 'debug',
  v: 'debug',
  d: 'debug',
  info: 'info',
  information: 'info',
  notice: 'info',
  log: 'info',
  config: 'info',
  i: 'info',
  warn: 'warn',
  warning: 'warn',
  w: 'warn',
  error: 'error',
  err: 'error',
  severe: 'error',
  fatal: 'error',
  critical: 'error',
  crit: 'error',
  alert: 'error',
  emerg: 'error',
  emergency: 'error',
  panic: 'error',
  assert: 'error',
  e: 'error',
  f: 'error',
  wtf: 'error',
};

/** Numeric levels: bunyan / pino (10 trace … 60 fatal) or syslog severities (0 emergency … 7 debug). */
function numericLevel(n: number): LogLevel | null {
  if (!Number.isInteger(n)) return null;
  if (n >= 10) return n < 30 ? 'debug' : n < 40 ? 'info' : n < 50 ? 'warn' : n <= 60 ? 'error' : null;
  if (n >= 0 && n <= 7) return n <= 3 ? 'error' : n === 4 ? 'warn' : n <= 6 ? 'info' : 'debug';
  return null;
}

export const levelSchema = z.union([z.string().max(32), z.number()]).transform((value, ctx) => {
  const level =
    typeof value === 'number' ? numericLevel(value) : (LEVEL_NAMES[value.trim().toLowerCase()] ?? null);
  if (!level) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown log level ${JSON.stringify(value)} (use debug, info, warn or error, or a common alias)`,
    });
    return z.NEVER;
  }
  return level;
});

const contextValue = z.union([z.string().max(L.contextValue), z.number(), z.boolean(), z.null()]);

export const logEntrySchema = z.strictObject({
  level: levelSchema,
  time: timeSchema,
  message: text(),
  /** Structured fields: flat, scalar values (nested values arrive as JSON text, see normalise.ts). */
  context: z
    .record(z.string().max(L.short), contextValue)
    .refine((c) => Object.keys(c).length <= L.contextKeys, `at most ${L.contextKeys} context keys`)
    .optional(),
});

export const HTTP_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'CONNECT',
] as const;

export const apiCallSchema = z.strictObject({
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(HTTP_METHODS)),
  /** A path with its query, or a full URL (the viewer shows the path). */
  path: z.string().min(1).max(L.path),
  /** HTTP status; null or 0 when no response came back (timeout, no network). */
  status: z.number().int().min(0).max(599).nullable(),
  durationMs: z
    .number()
    .finite()
    .min(0)
    .max(24 * 60 * 60 * 1000),
  startedAt: timeSchema,
  requestId: z.string().max(L.short).optional(),
  error: text().optional(),
});

/** Files the user attached: screenshots, or text such as a crash report. */
export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'text/plain',
  'application/json',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const attachmentSchema = z.strictObject({
  name: short,
  contentType: z.enum(ATTACHMENT_TYPES),
  /** The file, base64-encoded. */
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil((L.attachmentBytes * 4) / 3) + 4 + 1024),
});

export const userMessageSchema = z.strictObject({
  time: timeSchema.optional(),
  text: text().min(1),
});

/** The bundle in its own names (what TypeScript callers build). */
export const canonicalBundleSchema = z.strictObject({
  /** The app's own id of its user (not an agent or customer id of this workspace). */
  userId: short,
  app: z.strictObject({
    name: short,
    version: z.string().trim().min(1).max(64),
    build: z.string().max(64).optional(),
  }),
  device: z.strictObject({
    model: z.string().max(L.short).optional(),
    browser: z.string().max(L.short).optional(),
    os: short,
    osVersion: z.string().max(64).optional(),
  }),
  locale: z.string().max(35).optional(),
  timezone: z.string().max(64).optional(),
  /** When the app put the bundle together. */
  capturedAt: timeSchema,
  sessionStartedAt: timeSchema.optional(),
  logs: z.array(logEntrySchema).max(L.logs).default([]),
  apiTrace: z.array(apiCallSchema).max(L.apiCalls).default([]),
  attachments: z.array(attachmentSchema).max(L.attachments).default([]),
  orderNumbers: z.array(short).max(L.orderNumbers).default([]),
  /** Error messages the user saw and reported, word for word. */
  errorMessages: z.array(text().min(1)).max(L.errorMessages).default([]),
  /** What the user wrote in the app when reporting. */
  userMessages: z.array(userMessageSchema).max(L.userMessages).default([]),
});

/** What the intake accepts: the bundle, with other apps' common names read as its own (normalise.ts). */
export const telemetryBundleSchema = z.preprocess(normaliseBundle, canonicalBundleSchema);

/** A bundle as received (before normalisation). */
export type TelemetryBundleInput = z.input<typeof canonicalBundleSchema>;
/** A bundle after validation: times in epoch ms, levels and methods normalised. */
export type TelemetryBundle = z.output<typeof canonicalBundleSchema>;
export type LogEntry = TelemetryBundle['logs'][number];
export type ApiCall = TelemetryBundle['apiTrace'][number];
export type UserMessage = TelemetryBundle['userMessages'][number];
