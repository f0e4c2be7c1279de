import { describe, expect, it } from 'vitest';
import { SPARK_INTENTS } from '../demo/spark-texts';
import { heldOutRows } from './model.fixture';
import { detectRisks } from './rules';

const flags = (text: string): string[] => [...new Set(detectRisks(text).map((m) => m.flag))];

describe('detectRisks', () => {
  it.each([
    'I lost all my files after the update',
    'My trip history has been wiped!',
    'Our data got corrupted overnight',
    "I can't restore my documents",
    'the records for 2024 were deleted',
    'We had a data loss incident',
  ])('flags data loss: %s', (text) => {
    expect(flags(text)).toEqual(['data_loss']);
  });

  it.each([
    'I think my account was hacked',
    'Someone logged into my account from Brazil',
    'unauthorized login attempt on my profile',
    'Got a phishing email pretending to be you',
    'my payout details were changed without my permission',
  ])('flags security: %s', (text) => {
    expect(flags(text)).toEqual(['security']);
  });

  it.each([
    'I lost my password',
    'please delete my account',
    'my order is lost',
    'where is my package, it is missing',
    'Can someone help me with my account?',
    'I deleted the wrong address, can I change it?',
  ])('leaves everyday requests alone: %s', (text) => {
    expect(detectRisks(text)).toEqual([]);
  });

  it('reports the matched words, to show the agent why', () => {
    expect(detectRisks('Help!! ALL my trip history has been WIPED')).toEqual([
      { flag: 'data_loss', phrase: 'history has been wiped' },
    ]);
  });

  it('flags none of the held-out Bitext rows, which hold no data-loss or security request', () => {
    expect(heldOutRows.filter((r) => detectRisks(r.text).length > 0)).toEqual([]);
  });

  it("catches most of the demo's own data-loss and security texts, and no other demo text", () => {
    const risky = SPARK_INTENTS.filter((s) => s.area === 'data_loss' || s.area === 'security');
    const other = SPARK_INTENTS.filter((s) => !risky.includes(s));
    const caught = risky.flatMap((s) => s.utterances.filter((u) => flags(u).includes(s.area)));
    const total = risky.reduce((n, s) => n + s.utterances.length, 0);
    expect(caught.length / total).toBeGreaterThanOrEqual(0.75);
    expect(other.flatMap((s) => s.utterances.filter((u) => detectRisks(u).length > 0))).toEqual([]);
  });
});
