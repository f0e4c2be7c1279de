import { describe, expect, it } from 'vitest';
import type { Channel, CustomerTier, Priority } from '../tickets/model';
import { ALWAYS_OPEN, DEFAULT_BUSINESS_HOURS } from './calendar';
import type { SlaPolicyFacts, SlaPolicySet } from './policies';
import { DEFAULT_SLA_POLICIES, policyFor, validatePolicySet } from './policies';

const S = 1000;
const H = 3_600_000;

const facts = (over: Partial<SlaPolicyFacts> = {}): SlaPolicyFacts => ({
  channel: 'email',
  priority: 'normal',
  issueTier: 1,
  severity: 3,
  customerTier: 'Pro',
  ...over,
});

describe('policyFor: first and next response by channel × priority × customer tier', () => {
  // [channel, priority, SMB/Pro, Enterprise]
  const table: [Channel, Priority, number, number][] = [
    ['phone', 'normal', 30 * S, 30 * S],
    ['phone', 'urgent', 30 * S, 30 * S],
    ['chat', 'low', 120 * S, 120 * S],
    ['chat', 'high', 120 * S, 120 * S],
    ['email', 'low', 24 * H, 2 * H],
    ['email', 'normal', 24 * H, 2 * H],
    ['email', 'high', 1 * H, 1 * H],
    ['email', 'urgent', 1 * H, 1 * H],
    ['portal', 'normal', 24 * H, 2 * H],
    ['portal', 'high', 1 * H, 1 * H],
  ];
  for (const [channel, priority, standard, enterprise] of table) {
    for (const customerTier of ['SMB', 'Pro', 'Enterprise'] as CustomerTier[]) {
      const expected = customerTier === 'Enterprise' ? enterprise : standard;
      it(`${customerTier} ${channel} ${priority}: ${expected / S} s`, () => {
        const p = policyFor(facts({ channel, priority, customerTier }));
        expect(p.budgets.first_response).toBe(expected);
        expect(p.budgets.next_response).toBe(expected);
      });
    }
  }
});

describe('policyFor: coverage per customer tier', () => {
  it('Enterprise runs 24×7 and is contractual', () => {
    const p = policyFor(facts({ customerTier: 'Enterprise' }));
    expect(p.calendar).toBe(ALWAYS_OPEN);
    expect(p.contractual).toBe(true);
  });

  it('Pro runs on business hours and is contractual', () => {
    const p = policyFor(facts({ customerTier: 'Pro' }));
    expect(p.calendar).toBe(DEFAULT_BUSINESS_HOURS);
    expect(p.contractual).toBe(true);
  });

  it('SMB runs on business hours as an internal goal (best effort)', () => {
    const p = policyFor(facts({ customerTier: 'SMB' }));
    expect(p.calendar).toBe(DEFAULT_BUSINESS_HOURS);
    expect(p.contractual).toBe(false);
  });

  it('pauses every target while waiting on the customer and is at risk below 20 %', () => {
    const p = policyFor(facts());
    expect(p.pauseStates).toEqual(['waiting_on_customer']);
    expect([...p.pausedTargets].sort()).toEqual([
      'first_response',
      'next_response',
      'resolution',
      'root_cause',
      'workaround',
    ]);
    expect(p.atRiskFraction).toBe(0.2);
  });
});

describe('policyFor: resolution and severity targets', () => {
  it('resolves Tier 1 in 24 h, Tier 2 and 3 in 72 h', () => {
    expect(policyFor(facts({ issueTier: 1 })).budgets.resolution).toBe(24 * H);
    expect(policyFor(facts({ issueTier: 2 })).budgets.resolution).toBe(72 * H);
    expect(policyFor(facts({ issueTier: 3 })).budgets.resolution).toBe(72 * H);
  });

  it('gives Enterprise Sev 1 a workaround (8 h) and a root-cause plan (72 h)', () => {
    const p = policyFor(facts({ customerTier: 'Enterprise', severity: 1, issueTier: 3 }));
    expect(p.budgets).toEqual({
      first_response: 2 * H,
      next_response: 2 * H,
      resolution: 72 * H,
      workaround: 8 * H,
      root_cause: 72 * H,
    });
  });

  it('gives no workaround or root-cause target to Enterprise Sev 2 nor to Pro Sev 1', () => {
    expect(policyFor(facts({ customerTier: 'Enterprise', severity: 2 })).budgets.workaround).toBeUndefined();
    const pro = policyFor(facts({ customerTier: 'Pro', severity: 1 })).budgets;
    expect(pro.workaround).toBeUndefined();
    expect(pro.root_cause).toBeUndefined();
  });
});

describe('workspace overrides', () => {
  it('uses the workspace calendar and numbers', () => {
    const newYork = { ...DEFAULT_BUSINESS_HOURS, timeZone: 'America/New_York' };
    const custom: SlaPolicySet = {
      ...DEFAULT_SLA_POLICIES,
      resolution: { 1: 8 * H, 2: 48 * H, 3: 96 * H },
      calendars: { ...DEFAULT_SLA_POLICIES.calendars, business_hours: newYork },
    };
    const p = policyFor(facts({ issueTier: 3 }), custom);
    expect(p.calendar).toBe(newYork);
    expect(p.budgets.resolution).toBe(96 * H);
    expect(validatePolicySet(custom)).toEqual([]);
  });

  it('throws on a tier that names an unknown calendar, and the validator says why', () => {
    const broken: SlaPolicySet = {
      ...DEFAULT_SLA_POLICIES,
      tiers: {
        ...DEFAULT_SLA_POLICIES.tiers,
        Pro: { ...DEFAULT_SLA_POLICIES.tiers.Pro, calendar: 'toString' },
      },
    };
    expect(() => policyFor(facts(), broken)).toThrow(/unknown calendar "toString"/);
    expect(validatePolicySet(broken)).toEqual(['tiers.Pro: unknown calendar "toString"']);
  });

  it('accepts the defaults and reports bad numbers', () => {
    expect(validatePolicySet(DEFAULT_SLA_POLICIES)).toEqual([]);
    const bad: SlaPolicySet = {
      ...DEFAULT_SLA_POLICIES,
      atRiskFraction: 1.5,
      resolution: { 1: 0, 2: 72 * H, 3: 72 * H },
      firstResponse: { ...DEFAULT_SLA_POLICIES.firstResponse, chat: { standardMs: -1, priorityMs: 60 * S } },
    };
    expect(validatePolicySet(bad)).toEqual([
      'atRiskFraction must be within [0, 1], got 1.5',
      'firstResponse.chat: budgets must be > 0 ms',
      'resolution.1: budget must be > 0 ms',
    ]);
  });
});
