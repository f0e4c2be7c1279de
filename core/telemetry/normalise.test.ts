import { describe, expect, it } from 'vitest';
import { sampleBundle, T0 } from './bundle.fixture';
import { telemetryBundleSchema } from './schema';

/** Another app's bundle: pino-style log lines, a fetch-wrapper trace, loosely typed files. */
const foreign = () => ({
  ...sampleBundle(),
  logs: [
    {
      level: 30,
      ts: T0,
      msg: 'request done',
      fields: { user: { id: 7, plan: 'pro' }, tags: ['a', 'b'], ok: true },
    },
    { severity: 'WARNING', '@timestamp': '2026-11-23 14:00:01', message: 'slow' },
    { lvl: 'E', timestamp: String(T0 / 1000 + 2), text: 'boom' },
  ],
  apiTrace: [
    { verb: 'get', url: 'https://api.x.io/v1/a?b=1', statusCode: '502', duration: '120.5', startTime: T0 },
    {
      method: 'POST',
      uri: '/v1/b',
      code: 0,
      latency_ms: 30_000,
      started_at: T0 + 1,
      trace_id: 't-1',
      err: 'timeout',
    },
  ],
  attachments: [{ name: 'a.jpg', contentType: 'image/JPG', dataBase64: '/9j/4AAQ' }],
});

describe('bundles from other apps', () => {
  it('reads common alternative names as the bundle’s own', () => {
    const b = telemetryBundleSchema.parse(foreign());
    expect(b.logs).toEqual([
      {
        level: 'info',
        time: T0,
        message: 'request done',
        context: { user: '{"id":7,"plan":"pro"}', tags: '["a","b"]', ok: true },
      },
      { level: 'warn', time: T0 + 1_000, message: 'slow' },
      { level: 'error', time: T0 + 2_000, message: 'boom' },
    ]);
    expect(b.apiTrace).toEqual([
      { method: 'GET', path: 'https://api.x.io/v1/a?b=1', status: 502, durationMs: 120.5, startedAt: T0 },
      {
        method: 'POST',
        path: '/v1/b',
        status: 0,
        durationMs: 30_000,
        startedAt: T0 + 1,
        requestId: 't-1',
        error: 'timeout',
      },
    ]);
    expect(b.attachments[0]?.contentType).toBe('image/jpeg');
  });

  it('takes a date-time without a zone as UTC', () => {
    const b = telemetryBundleSchema.parse(sampleBundle({ capturedAt: '2026-11-23T14:00:00' }));
    expect(b.capturedAt).toBe(T0);
  });

  it('refuses a line that names one thing twice (time and timestamp) rather than guess', () => {
    const r = telemetryBundleSchema.safeParse(
      sampleBundle({ logs: [{ level: 'info', time: T0, timestamp: T0 + 5, message: 'x' } as never] }),
    );
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/Unrecognized key: "timestamp"/);
  });

  it('bounds a nested context value', () => {
    const big = { deep: 'x'.repeat(5_000) };
    const b = telemetryBundleSchema.parse(
      sampleBundle({ logs: [{ level: 'info', time: T0, message: 'x', context: { big } as never }] }),
    );
    expect(String(b.logs[0]?.context?.big).length).toBe(2_000);
  });
});
