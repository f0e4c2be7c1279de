import { describe, expect, it } from 'vitest';
import { buildTimeline, displayPath, indexAtTime, isFailedCall, summariseApi } from './analyse';
import { sampleBundle, T0 } from './bundle.fixture';
import { telemetryBundleSchema } from './schema';

const bundle = telemetryBundleSchema.parse(sampleBundle());

describe('summariseApi', () => {
  it('counts failures (error status, no response, recorded error) and finds the first and the slowest', () => {
    const s = summariseApi(bundle.apiTrace);
    expect(s.total).toBe(4);
    expect(s.failed).toBe(2);
    expect(s.errorRate).toBe(0.5);
    expect(s.firstFailure?.path).toBe('https://api.spark.example/v2/payouts');
    expect(s.slowest.map((c) => c.path)).toEqual([
      '/v2/wallet',
      'https://api.spark.example/v2/payouts',
      '/v2/orders?page=1',
    ]);
    expect(s.p50).toBe(120);
    expect(s.p95).toBe(30_000);
    expect(s.start).toBe(T0);
    expect(s.end).toBe(T0 + 3_000 + 30_000);
  });

  it('treats a 2xx with a recorded error as failed, and a 3xx without one as not', () => {
    const call = bundle.apiTrace[0];
    if (!call) throw new Error('fixture');
    expect(isFailedCall({ ...call, status: 200, error: 'bad json' })).toBe(true);
    expect(isFailedCall({ ...call, status: 304 })).toBe(false);
    expect(isFailedCall({ ...call, status: 0 })).toBe(true);
  });

  it('is all zeros for no calls', () => {
    expect(summariseApi([])).toMatchObject({ total: 0, failed: 0, errorRate: 0, firstFailure: null, p95: 0 });
  });
});

describe('buildTimeline', () => {
  it('lines up logs, calls and customer messages in time order, filtered by level', () => {
    const t = buildTimeline(bundle, [{ at: T0 + 120_000, text: 'Any news?' }], 'warn');
    expect(t.map((e) => `${e.source}@${e.at - T0}`)).toEqual([
      'api@0',
      'log@1000',
      'api@1500',
      'log@2000',
      'api@3000',
      'api@4000',
      'customer@50000',
      'customer@120000',
    ]);
    expect(t[2]).toMatchObject({ source: 'api', failed: true });
    expect(t[2]?.text).toBe('POST /v2/payouts → 502 (1800 ms) upstream timeout');
  });

  it('places an in-app message with no time at the capture time', () => {
    const b = { ...bundle, userMessages: [{ text: 'help' }] };
    expect(buildTimeline(b, []).at(-1)).toMatchObject({ source: 'customer', at: T0 + 60_000 });
  });
});

describe('helpers', () => {
  it('displayPath drops scheme and host', () => {
    expect(displayPath('https://api.x.io:8443/a/b?c=1')).toBe('/a/b?c=1');
    expect(displayPath('https://api.x.io')).toBe('/');
    expect(displayPath('/a')).toBe('/a');
  });

  it('indexAtTime finds the first entry at or after a time', () => {
    const logs = [{ time: 10 }, { time: 20 }, { time: 20 }, { time: 30 }];
    expect(indexAtTime(logs, 5)).toBe(0);
    expect(indexAtTime(logs, 20)).toBe(1);
    expect(indexAtTime(logs, 25)).toBe(3);
    expect(indexAtTime(logs, 99)).toBe(3);
    expect(indexAtTime([], 1)).toBe(0);
  });
});
