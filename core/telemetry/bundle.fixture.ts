/** Hand-made bundles for the telemetry tests. */
import type { TelemetryBundleInput } from './schema';

export const T0 = Date.UTC(2026, 10, 23, 14, 0, 0);

export function sampleBundle(overrides: Partial<TelemetryBundleInput> = {}): TelemetryBundleInput {
  return {
    userId: 'drv-8812',
    app: { name: 'Spark Driver', version: '4.9.2', build: '812' },
    device: { model: 'Pixel 7', os: 'Android', osVersion: '14' },
    locale: 'en-GB',
    timezone: 'Europe/London',
    capturedAt: new Date(T0 + 60_000).toISOString(),
    logs: [
      { level: 'info', time: T0, message: 'App resumed' },
      { level: 'warning', time: T0 + 1_000, message: 'Slow response from payouts' },
      {
        level: 'ERROR',
        time: T0 + 2_000,
        message: 'Payout request failed',
        context: { orderId: 'ORD-2291-7730', retry: 1 },
      },
    ],
    apiTrace: [
      { method: 'get', path: '/v2/orders?page=1', status: 200, durationMs: 120, startedAt: T0 },
      {
        method: 'POST',
        path: 'https://api.spark.example/v2/payouts',
        status: 502,
        durationMs: 1_800,
        startedAt: T0 + 1_500,
        requestId: 'req-77',
        error: 'upstream timeout',
      },
      { method: 'GET', path: '/v2/wallet', status: null, durationMs: 30_000, startedAt: T0 + 3_000 },
      { method: 'GET', path: '/v2/profile', status: 200, durationMs: 90, startedAt: T0 + 4_000 },
    ],
    orderNumbers: ['ORD-2291-7730'],
    errorMessages: ['Something went wrong (E502)'],
    userMessages: [{ time: T0 + 50_000, text: 'My payout is stuck' }],
    ...overrides,
  };
}
