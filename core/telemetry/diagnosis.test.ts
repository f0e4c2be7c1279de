import { describe, expect, it } from 'vitest';
import { sampleBundle, T0 } from './bundle.fixture';
import { consoleDiagnosticsBundle, describeUserAgent } from './console-diagnostics';
import { diagnosisText } from './diagnosis';
import { buildMeta } from './meta';
import { telemetryBundleSchema } from './schema';
import { redactBundle, type StoredBundle } from './stored';

function stored(input = sampleBundle()): StoredBundle {
  const parsed = telemetryBundleSchema.parse(input);
  const { bundle, redactions } = redactBundle(parsed);
  return {
    ...bundle,
    id: 'tb-1',
    ticketId: 'tkt-1',
    source: 'app',
    receivedAt: T0 + 61_000,
    attachments: [],
    redactions,
  };
}

describe('redactBundle + buildMeta', () => {
  it('redacts every string field and counts it; the metadata carries the counts', () => {
    const s = stored(
      sampleBundle({
        userId: 'ana@mail.example',
        logs: [
          { level: 'error', time: T0, message: 'card 4242424242424242 declined', context: { token: 'abc' } },
        ],
        apiTrace: [
          { method: 'GET', path: '/login?password=hunter2', status: 401, durationMs: 5, startedAt: T0 },
        ],
        userMessages: [{ text: 'call me on +44 20 7946 0958' }],
        errorMessages: ['Email ana@mail.example not verified'],
      }),
    );
    expect(JSON.stringify(s)).not.toMatch(/ana@mail|4242424242424242|hunter2|7946|"abc"/);
    expect(s.redactions).toEqual({ email: 2, phone: 1, card: 1, token: 1, password: 1 });
    const meta = buildMeta(s, '4.12.0', 1234);
    expect(meta).toMatchObject({
      outdated: true,
      latestVersion: '4.12.0',
      userId: '[email redacted]',
      headline: 'GET /login → 401',
      counts: { logs: 1, errors: 1, apiCalls: 1, failedCalls: 1, attachments: 0 },
      bytes: 1234,
    });
  });
});

describe('diagnosisText', () => {
  it('summarises where, what failed first, what was slow and what the user saw', () => {
    const s = stored();
    const text = diagnosisText(buildMeta(s, '4.12.0', 100), s);
    expect(text).toContain('Spark Driver 4.9.2 (OUTDATED: latest is 4.12.0) on Pixel 7 · Android 14 · en-GB');
    expect(text).toContain('API: 4 calls, 2 failed (50.0 %)');
    expect(text).toContain(
      'First failure at 14:00:01 UTC: POST /v2/payouts → 502 in 1.8 s, request req-77, "upstream timeout".',
    );
    expect(text).toContain('Slowest: GET /v2/wallet 30 s; POST /v2/payouts 1.8 s; GET /v2/orders 120 ms.');
    expect(text).toContain('First error at 14:00:02 UTC: "Payout request failed"');
    expect(text).toContain('Error shown to the user: "Something went wrong (E502)".');
    expect(text).toContain('Orders: ORD-2291-7730.');
    expect(text).toContain('Nothing needed redacting.');
  });
});

describe('console diagnostics', () => {
  it('is a valid bundle with the sync state and recent errors', () => {
    const input = consoleDiagnosticsBundle({
      consoleVersion: '0.1.0',
      userAgent:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      locale: 'en-GB',
      timezone: 'Europe/London',
      agentId: 'u-ava',
      now: T0,
      sync: {
        online: false,
        pending: 3,
        conflicts: 1,
        failed: 0,
        lastSyncedAt: T0 - 1000,
        error: 'The server cannot be reached.',
      },
      recentErrors: [{ at: T0 - 500, message: 'TypeError: x is undefined' }],
      description: 'Queue stopped updating',
    });
    const b = telemetryBundleSchema.parse(input);
    expect(b.app).toEqual({ name: 'Spark Console', version: '0.1.0' });
    expect(b.device).toMatchObject({ os: 'Linux', browser: 'Chrome 131.0.0.0' });
    expect(b.logs.map((l) => l.level)).toEqual(['error', 'warn']);
    expect(b.logs[1]?.message).toBe(
      'Sync: offline, 3 pending, 1 conflicts, 0 failed; last problem: The server cannot be reached.',
    );
    expect(b.userMessages[0]?.text).toBe('Queue stopped updating');
  });

  it('reads common user agents', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Electron/41.7.1 Safari/537.36',
      ),
    ).toEqual({
      os: 'Windows',
      osVersion: '10.0',
      browser: 'Electron 41.7.1',
    });
    expect(
      describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Version/17.1 Safari/605.1.15'),
    ).toEqual({
      os: 'macOS',
      osVersion: '10.15.7',
      browser: 'Safari 17.1',
    });
  });
});
