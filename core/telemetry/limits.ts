/**
 * Bounds of a telemetry bundle. A customer app sends at most this much; the
 * server refuses more with a clear error rather than truncating silently, so
 * the app's developers learn what to trim.
 */
export const TELEMETRY_LIMITS = {
  /** Whole request body (JSON, attachments base64-encoded inside it). */
  bodyBytes: 8 * 1024 * 1024,
  /** One attachment, decoded. */
  attachmentBytes: 3 * 1024 * 1024,
  attachments: 8,
  logs: 20_000,
  apiCalls: 5_000,
  userMessages: 50,
  orderNumbers: 50,
  errorMessages: 50,
  /** One log message, error text or user message. */
  text: 8_000,
  /** Keys in one log entry's context. */
  contextKeys: 50,
  contextValue: 2_000,
  short: 200,
  path: 2_048,
} as const;
