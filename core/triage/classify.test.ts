import { describe, expect, it } from 'vitest';
import { bitextAreaMapping } from '../demo/catalog';
import type { TriageInput } from './classify';
import { HUMAN_TRIAGE_THRESHOLD, parseTriageModel, triage } from './classify';
import { heldOutRows, shippedModel as model } from './model.fixture';

const ticket = (body: string, extra: Partial<TriageInput> = {}): TriageInput => ({
  subject: '',
  body,
  customerTier: 'SMB',
  ...extra,
});

describe('triage', () => {
  it('classifies a plain request and maps it to the Spark Drive area', () => {
    const r = triage(
      model,
      ticket('I want to cancel order 370795561790, please', { subject: 'Cancel my order' }),
    );
    expect(r).toMatchObject({
      category: 'ORDER',
      intent: 'cancel_order',
      productArea: 'orders',
      issueTier: 1,
      suggestedPriority: 'normal',
      needsHumanTriage: false,
      risks: [],
    });
    expect(r.confidence).toBeGreaterThan(0.9);
    expect(r.alternatives[0]).toEqual({ intent: 'cancel_order', p: r.confidence });
  });

  it('uses the same area and tier mapping as the demo generator', () => {
    for (const row of heldOutRows.slice(0, 200)) {
      const r = triage(model, ticket(row.text));
      expect({ area: r.productArea, tier: r.issueTier }).toEqual({
        area: bitextAreaMapping(r.intent, r.category).area,
        tier: bitextAreaMapping(r.intent, r.category).issueTier,
      });
    }
  });

  it('reads the text through HTML markup', () => {
    const r = triage(model, ticket('<p>I forgot my <b>password</b>&nbsp;and cannot recover it</p>'));
    expect(r.intent).toBe('recover_password');
    expect(r.productArea).toBe('account_access');
  });

  it('sends data loss to tier 3, the data_loss area and at least high priority', () => {
    const r = triage(model, ticket('I lost all my files after the update'));
    expect(r).toMatchObject({ productArea: 'data_loss', issueTier: 3, suggestedPriority: 'high' });
    expect(r.risks).toEqual([{ flag: 'data_loss', phrase: 'lost all my files' }]);
  });

  it('makes Enterprise data loss urgent: DOMAIN.md defines it as Sev 1', () => {
    const r = triage(
      model,
      ticket('Our delivery records for March were deleted', { customerTier: 'Enterprise' }),
    );
    expect(r).toMatchObject({ productArea: 'data_loss', issueTier: 3, suggestedPriority: 'urgent' });
  });

  it('sends security to tier 3 and the security area; security wins when both match', () => {
    expect(triage(model, ticket('I think my account was hacked', { customerTier: 'Pro' }))).toMatchObject({
      productArea: 'security',
      issueTier: 3,
      suggestedPriority: 'high',
    });
    const both = triage(model, ticket('A hacker wiped all our data'));
    expect(both.productArea).toBe('security');
    expect(both.risks.map((m) => m.flag).sort()).toEqual(['data_loss', 'security']);
  });

  it('makes an Enterprise Sev 1 urgent, whatever it is about', () => {
    const text = 'Where is my order? I need to track it';
    expect(triage(model, ticket(text, { customerTier: 'Enterprise', severity: 1 })).suggestedPriority).toBe(
      'urgent',
    );
    expect(triage(model, ticket(text, { customerTier: 'Enterprise', severity: 2 })).suggestedPriority).toBe(
      'normal',
    );
    expect(triage(model, ticket(text, { customerTier: 'Pro', severity: 1 })).suggestedPriority).toBe('high');
    expect(triage(model, ticket(text, { customerTier: 'Enterprise' })).suggestedPriority).toBe('normal');
  });

  it('places Spark Drive issues the model has no intent for by their area phrase', () => {
    const r = triage(
      model,
      ticket("My weekly payout didn't arrive in my bank account", { subject: 'Payout missing' }),
    );
    expect(r).toMatchObject({
      category: 'SPARK_DRIVE',
      intent: 'payout_issue',
      productArea: 'payments',
      issueTier: 2,
      needsHumanTriage: false,
      areaRule: { area: 'payments', phrase: 'payout' },
    });
    // A risk outranks the area phrase: a payout account changed by someone else is security.
    const stolen = triage(model, ticket('My payout details were changed without my permission'));
    expect(stolen).toMatchObject({ productArea: 'security', areaRule: null, issueTier: 3 });
  });

  it('asks for a human when the model is unsure, e.g. an off-topic or empty text', () => {
    for (const body of ['my cat is orange', '']) {
      const r = triage(model, ticket(body));
      expect(r.confidence).toBeLessThan(HUMAN_TRIAGE_THRESHOLD);
      expect(r.needsHumanTriage).toBe(true);
    }
  });
});

describe('parseTriageModel', () => {
  it('rejects another format and an intent without a category', () => {
    expect(() => parseTriageModel({ ...model, format: 'something-else' })).toThrow();
    const [first = ''] = model.intent.labels;
    const categoryOf = Object.fromEntries(Object.entries(model.categoryOf).filter(([k]) => k !== first));
    expect(() => parseTriageModel({ ...model, categoryOf })).toThrow(/category/);
  });
});
