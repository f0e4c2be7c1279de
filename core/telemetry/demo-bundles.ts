/**
 * Demo telemetry for the demo workspace: what a driver's Spark Driver app
 * would send with a report, in a few realistic failure patterns (payouts
 * timing out upstream, an order the app cannot find, a crash after a token
 * expired, a login locked out, routes timing out on a weak network). Each has
 * a few hundred log lines (the viewer is virtualised), an API trace with the
 * failure in it, and some personal data the redaction must catch.
 * Deterministic for a seed.
 */
import { Rng, hashSeed } from '../demo/random';
import type { TelemetryBundleInput } from './schema';

export const DEMO_APP = { name: 'Spark Driver', latestVersion: '4.12.0' } as const;

type Logs = NonNullable<TelemetryBundleInput['logs']>;
type Calls = NonNullable<TelemetryBundleInput['apiTrace']>;

interface Scenario {
  version: string;
  device: TelemetryBundleInput['device'];
  locale: string;
  /** The failing stretch: calls and logs relative to the failure time t (ms). */
  failure: (t: number, rng: Rng) => { calls: Calls; logs: Logs };
  errorMessages: string[];
  userMessage: string;
  attachCrashLog?: boolean;
}

const ORDER = (rng: Rng) => `ORD-${rng.between(1000, 9999)}-${rng.between(1000, 9999)}`;

const SCENARIOS: Scenario[] = [
  {
    version: '4.9.2',
    device: { model: 'Pixel 7', os: 'Android', osVersion: '14' },
    locale: 'en-GB',
    failure: (t: number, rng: Rng): { calls: Calls; logs: Logs } => ({
      calls: [
        {
          method: 'POST',
          path: '/v2/payouts',
          status: 502,
          durationMs: 10_012,
          startedAt: t,
          requestId: `req-${rng.between(10000, 99999)}`,
          error: 'Bad gateway: upstream payments provider timed out',
        },
        {
          method: 'POST',
          path: '/v2/payouts',
          status: 502,
          durationMs: 10_004,
          startedAt: t + 12_000,
          requestId: `req-${rng.between(10000, 99999)}`,
          error: 'Bad gateway: upstream payments provider timed out',
        },
        { method: 'GET', path: '/v2/wallet/balance', status: 200, durationMs: 240, startedAt: t + 23_000 },
      ],
      logs: [
        { level: 'info', time: t - 200, message: 'Cash out tapped: amount 182.40 GBP to card ending 4242' },
        {
          level: 'debug',
          time: t - 150,
          message: 'Payout payload built for card 4000 0566 5566 5556',
          context: { currency: 'GBP', amount: 182.4 },
        },
        {
          level: 'error',
          time: t + 10_013,
          message: 'Payout request failed: HTTP 502 Bad gateway',
          context: {
            attempt: 1,
            authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkcnYifQ.c2lnbmF0dXJlc2lnbg',
          },
        },
        { level: 'warn', time: t + 10_020, message: 'Retrying payout in 2s' },
        {
          level: 'error',
          time: t + 22_005,
          message: 'Payout request failed: HTTP 502 Bad gateway',
          context: { attempt: 2 },
        },
        { level: 'error', time: t + 22_010, message: 'Showing error dialog E502 to user' },
      ],
    }),
    errorMessages: ['Payout failed. Please try again later. (E502)'],
    userMessage:
      'I tried to cash out twice and it fails every time. My email is jordan.miles@example.com, call me on +44 7700 900123.',
  },
  {
    version: '4.12.0',
    device: { model: 'iPhone 14', os: 'iOS', osVersion: '17.6' },
    locale: 'es-ES',
    failure: (t: number, rng: Rng): { calls: Calls; logs: Logs } => {
      const order = ORDER(rng);
      return {
        calls: [
          {
            method: 'GET',
            path: `/v2/orders/${order}`,
            status: 404,
            durationMs: 180,
            startedAt: t,
            requestId: `req-${rng.between(10000, 99999)}`,
            error: 'order not found in region eu-west',
          },
          {
            method: 'GET',
            path: '/v2/orders?status=active',
            status: 200,
            durationMs: 2_400,
            startedAt: t + 1_000,
          },
          {
            method: 'POST',
            path: `/v2/orders/${order}/complete`,
            status: 409,
            durationMs: 310,
            startedAt: t + 6_000,
            error: 'order already completed by dispatcher',
          },
        ],
        logs: [
          { level: 'info', time: t - 500, message: `Opening order ${order} from push notification` },
          { level: 'warn', time: t + 181, message: `Order ${order} not found; refreshing active orders` },
          {
            level: 'error',
            time: t + 6_311,
            message: `Could not complete ${order}: 409 conflict`,
            context: { customerEmail: 'lucia.r@example.es' },
          },
        ],
      };
    },
    errorMessages: ['No se pudo completar el pedido.'],
    userMessage: 'The app says my delivery cannot be completed but the customer has the food.',
  },
  {
    version: '4.10.1',
    device: { model: 'Galaxy A54', os: 'Android', osVersion: '13' },
    locale: 'en-US',
    failure: (t: number, rng: Rng): { calls: Calls; logs: Logs } => ({
      calls: [
        {
          method: 'GET',
          path: '/v2/session?access_token=tok_live_8f7a6b5c4d3e2f1a',
          status: 401,
          durationMs: 95,
          startedAt: t,
          requestId: `req-${rng.between(10000, 99999)}`,
          error: 'token expired',
        },
        {
          method: 'POST',
          path: '/v2/auth/refresh',
          status: 500,
          durationMs: 1_250,
          startedAt: t + 200,
          error: 'internal error',
        },
      ],
      logs: [
        { level: 'warn', time: t + 96, message: 'Session expired; refreshing token' },
        { level: 'error', time: t + 1_452, message: 'Token refresh failed: HTTP 500' },
        {
          level: 'fatal',
          time: t + 1_460,
          message:
            'FATAL EXCEPTION: main java.lang.NullPointerException: Attempt to invoke virtual method String Session.getDriverId() on a null object reference',
        },
      ],
    }),
    errorMessages: ['Spark Driver keeps stopping'],
    userMessage: 'App crashes every time I open it since this morning.',
    attachCrashLog: true,
  },
  {
    version: '4.11.0',
    device: { browser: 'Chrome 131', os: 'Windows', osVersion: '11' },
    locale: 'en-IN',
    failure: (t: number, rng: Rng): { calls: Calls; logs: Logs } => ({
      calls: [
        {
          method: 'POST',
          path: '/v2/auth/login?email=raj.k@example.in&password=Summer2026!',
          status: 401,
          durationMs: 420,
          startedAt: t,
          requestId: `req-${rng.between(10000, 99999)}`,
        },
        { method: 'POST', path: '/v2/auth/login', status: 401, durationMs: 380, startedAt: t + 9_000 },
        {
          method: 'POST',
          path: '/v2/auth/login',
          status: 429,
          durationMs: 12,
          startedAt: t + 15_000,
          error: 'too many attempts; locked for 30 minutes',
        },
      ],
      logs: [
        { level: 'warn', time: t + 421, message: 'Login rejected: bad credentials' },
        { level: 'warn', time: t + 9_381, message: 'Login rejected: bad credentials' },
        { level: 'error', time: t + 15_013, message: 'Account locked after 3 failed attempts' },
      ],
    }),
    errorMessages: ['Your account is temporarily locked.'],
    userMessage: 'I reset my password and still cannot log in, now it says locked. Phone 98765 43210.',
  },
  {
    version: '4.8.0',
    device: { model: 'Moto G32', os: 'Android', osVersion: '12' },
    locale: 'pt-BR',
    failure: (t: number): { calls: Calls; logs: Logs } => ({
      calls: [
        {
          method: 'GET',
          path: '/v2/routes/next',
          status: null,
          durationMs: 30_000,
          startedAt: t,
          error: 'timeout: no response in 30 s',
        },
        {
          method: 'GET',
          path: '/v2/routes/next',
          status: null,
          durationMs: 30_000,
          startedAt: t + 31_000,
          error: 'timeout: no response in 30 s',
        },
        { method: 'GET', path: '/v2/routes/next', status: 200, durationMs: 8_900, startedAt: t + 62_000 },
      ],
      logs: [
        { level: 'warn', time: t + 5_000, message: 'Network type changed: LTE -> EDGE' },
        { level: 'error', time: t + 30_001, message: 'Route fetch timed out' },
        { level: 'error', time: t + 61_001, message: 'Route fetch timed out' },
      ],
    }),
    errorMessages: ['Não foi possível carregar a rota.'],
    userMessage: 'Map stays blank for minutes before showing the route. WhatsApp me on +55 11 91234-5678.',
  },
];

const ROUTINE_CALLS = [
  '/v2/profile',
  '/v2/orders?status=active',
  '/v2/wallet/balance',
  '/v2/notifications',
  '/v2/earnings/week',
  '/v2/config',
];
const ROUTINE_LOGS: [string, string][] = [
  ['debug', 'Location update sent'],
  ['debug', 'GPS fix accuracy 8 m'],
  ['info', 'Screen viewed: Home'],
  ['info', 'Screen viewed: Orders'],
  ['debug', 'Cache hit for config'],
  ['info', 'Push token registered'],
  ['debug', 'Battery 64%, power saver off'],
];

/** A bundle for a ticket created at `reportedAt`, in pattern `variant`, with a PNG screenshot if given. */
export function demoBundle(
  variant: number,
  reportedAt: number,
  seed: string,
  screenshotBase64?: string,
): TelemetryBundleInput {
  const rng = new Rng(hashSeed(seed));
  const s = SCENARIOS[variant % SCENARIOS.length] as Scenario;
  const failureAt = reportedAt - 5 * 60_000;
  const sessionStart = failureAt - 20 * 60_000;
  const failing = s.failure(failureAt, rng);
  const logs: Logs = [];
  const calls: Calls = [];
  // Routine traffic around the failure: a log line every ~3 s, a call every ~20 s.
  for (let t = sessionStart; t < reportedAt - 60_000; t += rng.between(1_000, 5_000)) {
    // An occasional warning, as real apps have, without drowning the failure's.
    const [level, message] = rng.chance(0.03)
      ? ['warn', 'Slow frame rendering: 48 ms']
      : rng.pick(ROUTINE_LOGS);
    logs.push({ level, time: t, message });
  }
  for (let t = sessionStart; t < reportedAt - 60_000; t += rng.between(10_000, 30_000)) {
    calls.push({
      method: 'GET',
      path: rng.pick(ROUTINE_CALLS),
      status: 200,
      durationMs: Math.round(rng.logNormal(160, 0.6)),
      startedAt: t,
      requestId: `req-${rng.between(10000, 99999)}`,
    });
  }
  logs.push(...failing.logs);
  calls.push(...failing.calls);
  const byTime = (a: { time: unknown }, b: { time: unknown }) => Number(a.time) - Number(b.time);
  logs.sort(byTime);
  calls.sort((a, b) => Number(a.startedAt) - Number(b.startedAt));
  const attachments: NonNullable<TelemetryBundleInput['attachments']> = [];
  if (screenshotBase64)
    attachments.push({ name: 'screenshot.png', contentType: 'image/png', dataBase64: screenshotBase64 });
  if (s.attachCrashLog) {
    const crash = [
      'FATAL EXCEPTION: main',
      'Process: com.spark.driver, PID: 8812',
      'java.lang.NullPointerException: Attempt to invoke virtual method String Session.getDriverId()',
      '    at com.spark.driver.home.HomeViewModel.load(HomeViewModel.kt:88)',
      '    at com.spark.driver.MainActivity.onResume(MainActivity.kt:142)',
      'Device owner: sam.lee@example.com',
    ].join('\n');
    attachments.push({ name: 'crash.txt', contentType: 'text/plain', dataBase64: encodeBase64(crash) });
  }
  return {
    userId: `drv-${rng.between(100000, 999999)}`,
    app: { name: DEMO_APP.name, version: s.version, build: String(rng.between(700, 900)) },
    device: s.device,
    locale: s.locale,
    capturedAt: reportedAt - 30_000,
    sessionStartedAt: sessionStart,
    logs,
    apiTrace: calls,
    attachments,
    orderNumbers: [ORDER(rng)],
    errorMessages: s.errorMessages,
    userMessages: [{ time: reportedAt - 40_000, text: s.userMessage }],
  };
}

/** Base64 of Latin-1 text without Buffer or btoa (core has neither); the demo texts are ASCII. */
export function encodeBase64(text: string): string {
  const bytes = Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += abc[(n >> 18) & 63] ?? '';
    out += abc[(n >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (abc[(n >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (abc[n & 63] ?? '') : '=';
  }
  return out;
}
