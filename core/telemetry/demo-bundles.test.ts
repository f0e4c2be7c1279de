import { describe, expect, it } from 'vitest';
import { summariseApi } from './analyse';
import { T0 } from './bundle.fixture';
import { demoBundle, encodeBase64 } from './demo-bundles';
import { redactBundle } from './stored';
import { telemetryBundleSchema } from './schema';

describe('demo bundles', () => {
  it('are valid, deterministic, fail somewhere, and carry personal data for redaction to catch', () => {
    for (let variant = 0; variant < 5; variant++) {
      const input = demoBundle(variant, T0, `tkt-${variant}`);
      expect(demoBundle(variant, T0, `tkt-${variant}`)).toEqual(input);
      const bundle = telemetryBundleSchema.parse(input);
      expect(bundle.logs.length).toBeGreaterThan(200);
      expect(summariseApi(bundle.apiTrace).failed).toBeGreaterThan(0);
      expect(bundle.capturedAt).toBeLessThan(T0);
      const { redactions } = redactBundle(bundle);
      expect(Object.values(redactions).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }
  });

  it('encodeBase64 matches the standard encoding', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'FATAL EXCEPTION: main\n  at x']) {
      expect(encodeBase64(text)).toBe(Buffer.from(text, 'latin1').toString('base64'));
    }
  });
});
