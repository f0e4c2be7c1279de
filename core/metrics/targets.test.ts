import { describe, expect, it } from 'vitest';
import type { KpiTargets } from './targets';
import { kpiTargets, rateAgainstTarget } from './targets';
import { MINUTE } from './test-factories';

describe('rateAgainstTarget', () => {
  it('rates higher-is-better KPIs, the target itself being good', () => {
    expect(rateAgainstTarget('csat', 4.5)).toBe('good');
    expect(rateAgainstTarget('csat', 4.49)).toBe('warn');
    expect(rateAgainstTarget('csat', 4)).toBe('warn');
    expect(rateAgainstTarget('csat', 3.99)).toBe('bad');
    expect(rateAgainstTarget('sla_compliance', 0.95)).toBe('good');
    expect(rateAgainstTarget('sla_compliance', 0.94)).toBe('warn');
    expect(rateAgainstTarget('fcr', 0.9)).toBe('good');
    expect(rateAgainstTarget('nps', 40)).toBe('good');
    expect(rateAgainstTarget('nps', 19)).toBe('bad');
  });

  it('rates lower-is-better KPIs', () => {
    expect(rateAgainstTarget('abandon_rate', 0.05)).toBe('good');
    expect(rateAgainstTarget('abandon_rate', 0.06)).toBe('warn');
    expect(rateAgainstTarget('abandon_rate', 0.081)).toBe('bad');
  });

  it('rates AHT against a band: too short is a warning too', () => {
    expect(rateAgainstTarget('aht_chat', 6 * MINUTE)).toBe('good');
    expect(rateAgainstTarget('aht_chat', 12 * MINUTE)).toBe('good');
    expect(rateAgainstTarget('aht_chat', 5 * MINUTE)).toBe('warn');
    expect(rateAgainstTarget('aht_chat', 13 * MINUTE)).toBe('warn');
    expect(rateAgainstTarget('aht_chat', 4 * MINUTE)).toBe('bad');
    expect(rateAgainstTarget('aht_chat', 16 * MINUTE)).toBe('bad');
    expect(rateAgainstTarget('aht_phone', 15 * MINUTE)).toBe('good');
    expect(rateAgainstTarget('aht_phone', 21 * MINUTE)).toBe('warn');
  });

  it('paints NaN bad rather than good', () => {
    expect(rateAgainstTarget('csat', Number.NaN)).toBe('bad');
    expect(rateAgainstTarget('abandon_rate', Number.NaN)).toBe('bad');
    expect(rateAgainstTarget('aht_phone', Number.NaN)).toBe('bad');
  });

  it('uses a workspace’s own targets when given', () => {
    const strict: KpiTargets = {
      ...kpiTargets,
      csat: { kind: 'at_least', unit: 'score', target: 4.8, warnFrom: 4.6 },
    };
    expect(rateAgainstTarget('csat', 4.7, strict)).toBe('warn');
  });

  it('exports the playbook targets as data', () => {
    expect(kpiTargets.aht_chat).toMatchObject({ min: 6 * MINUTE, max: 12 * MINUTE });
    expect(kpiTargets.aht_phone).toMatchObject({ min: 10 * MINUTE, max: 20 * MINUTE });
    expect(kpiTargets.fcr).toMatchObject({ target: 0.7 });
    expect(kpiTargets.nps).toMatchObject({ target: 40 });
  });
});
