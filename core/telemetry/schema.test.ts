import { describe, expect, it } from 'vitest';
import { sampleBundle, T0 } from './bundle.fixture';
import { TELEMETRY_LIMITS } from './limits';
import { telemetryBundleSchema } from './schema';

const parse = (v: unknown) => telemetryBundleSchema.safeParse(v);
const firstIssue = (v: unknown) => {
  const r = parse(v);
  return r.success ? null : `${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`;
};

describe('telemetryBundleSchema', () => {
  it('normalises times, levels and methods', () => {
    const b = telemetryBundleSchema.parse(sampleBundle());
    expect(b.capturedAt).toBe(T0 + 60_000);
    expect(b.logs.map((l) => l.level)).toEqual(['info', 'warn', 'error']);
    expect(b.apiTrace[0]?.method).toBe('GET');
    expect(b.attachments).toEqual([]);
  });

  it('reads epoch seconds, epoch milliseconds, numeric strings and ISO times alike', () => {
    const at = (time: unknown) =>
      telemetryBundleSchema.parse(
        sampleBundle({ logs: [{ level: 'info', time: time as number, message: 'x' }] }),
      ).logs[0]?.time;
    expect(at(T0 / 1000)).toBe(T0);
    expect(at(T0)).toBe(T0);
    expect(at(String(T0))).toBe(T0);
    expect(at('2026-11-23T15:00:00+01:00')).toBe(T0);
  });

  it('maps the levels of common logging libraries, and numeric bunyan and syslog levels', () => {
    const levels = ['TRACE', 'Verbose', 'notice', 'SEVERE', 'fatal', 'W', 30, 50, 60, 3, 4, 6, 7];
    const b = telemetryBundleSchema.parse(
      sampleBundle({ logs: levels.map((level) => ({ level, time: T0, message: 'x' })) }),
    );
    expect(b.logs.map((l) => l.level)).toEqual([
      'debug',
      'debug',
      'info',
      'error',
      'error',
      'warn',
      'info',
      'error',
      'error',
      'error',
      'warn',
      'info',
      'debug',
    ]);
  });

  it('refuses unknown fields, unknown levels, bad times and bad methods with a path', () => {
    expect(firstIssue({ ...sampleBundle(), log: [] })).toMatch(/Unrecognized key/);
    expect(firstIssue(sampleBundle({ logs: [{ level: 'loud', time: T0, message: 'x' }] }))).toMatch(
      /^logs\.0\.level: unknown log level "loud"/,
    );
    expect(firstIssue(sampleBundle({ capturedAt: 'yesterday' }))).toMatch(/^capturedAt: not a time/);
    expect(firstIssue(sampleBundle({ capturedAt: 42 }))).toMatch(/^capturedAt: not a time/);
    expect(
      firstIssue(
        sampleBundle({
          apiTrace: [{ method: 'BREW', path: '/', status: 200, durationMs: 1, startedAt: T0 }],
        }),
      ),
    ).toMatch(/^apiTrace\.0\.method/);
  });

  it('refuses a bundle over the count limits', () => {
    const logs = Array.from({ length: TELEMETRY_LIMITS.logs + 1 }, () => ({
      level: 'info',
      time: T0,
      message: 'x',
    }));
    expect(firstIssue(sampleBundle({ logs }))).toMatch(/^logs: Too big/);
  });

  it('refuses attachment types that are not allowed (SVG can carry scripts)', () => {
    const attachments = [
      { name: 'x.svg', contentType: 'image/svg+xml' as 'image/png', dataBase64: 'PHN2Zz4=' },
    ];
    expect(firstIssue(sampleBundle({ attachments }))).toMatch(/^attachments\.0\.contentType/);
  });

  it('needs the user, app, device and capture time', () => {
    const { userId: _u, ...rest } = sampleBundle();
    expect(firstIssue(rest)).toMatch(/^userId/);
    expect(firstIssue(sampleBundle({ app: { name: 'x', version: '' } }))).toMatch(/^app\.version/);
  });
});
