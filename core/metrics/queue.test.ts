import { describe, expect, it } from 'vitest';
import { answerRates, serviceLevel } from './queue';
import { DAY, T0, makeContact } from './test-factories';

const answeredAfter = (ms: number | null, channel: 'phone' | 'chat' | 'email' = 'phone') =>
  makeContact({ channel, answered: true, speedOfAnswerMs: ms });
const abandoned = (channel: 'phone' | 'chat' = 'phone') =>
  makeContact({ channel, answered: false, speedOfAnswerMs: null });

const contacts = [
  answeredAfter(5_000), // within 20 s
  answeredAfter(20_000), // exactly 20 s: within
  answeredAfter(20_001), // just over
  answeredAfter(45_000),
  abandoned(),
  abandoned(),
  answeredAfter(null), // answered, wait not recorded: not provably within
  answeredAfter(10_000, 'chat'),
  abandoned('chat'),
  answeredAfter(null, 'email'), // not a queued channel: never in service level
];

describe('serviceLevel', () => {
  it('defaults to answered within 20 s / offered, abandoned calls in the denominator', () => {
    // Phone: offered 7, answered 5, within 2 → 2/7 standard, 2/5 of answered.
    const r = serviceLevel(contacts, { channels: ['phone'] });
    expect(r.standard).toEqual({ value: 2 / 7, hits: 2, total: 7 });
    expect(r.ofAnswered).toEqual({ value: 0.4, hits: 2, total: 5 });
    expect(r).toMatchObject({ thresholdMs: 20_000, offered: 7, answered: 5, abandoned: 2 });
  });

  it('covers phone and chat by default, never email', () => {
    // Offered 7 + 2 = 9, answered 5 + 1 = 6, within 2 + 1 = 3 → 3/9 standard, 3/6 of answered.
    const r = serviceLevel(contacts);
    expect(r.standard.value).toBe(1 / 3);
    expect(r.ofAnswered.value).toBe(0.5);
  });

  it('takes the threshold as a parameter', () => {
    // Within 60 s on phone: 5, 20, 20.001, 45 s → 4/7 and 4/5.
    const r = serviceLevel(contacts, { channels: ['phone'], thresholdMs: 60_000 });
    expect(r.standard.value).toBe(4 / 7);
    expect(r.ofAnswered.value).toBe(0.8);
  });

  it('windows on startedAt and is null with nothing offered', () => {
    const w = { from: T0 + DAY, to: T0 + 2 * DAY };
    expect(serviceLevel(contacts, { window: w }).standard.value).toBeNull();
    const onlyAbandoned = serviceLevel([abandoned()]);
    expect(onlyAbandoned.standard).toEqual({ value: 0, hits: 0, total: 1 });
    expect(onlyAbandoned.ofAnswered.value).toBeNull();
  });
});

describe('answerRates', () => {
  it('is answered / offered and abandoned / offered, phone by default', () => {
    // Phone: 7 offered, 5 answered, 2 abandoned.
    const r = answerRates(contacts);
    expect(r).toMatchObject({ offered: 7, answered: 5, abandoned: 2 });
    expect(r.answerRate.value).toBe(5 / 7);
    expect(r.abandonRate.value).toBe(2 / 7);
    expect(answerRates(contacts, { channel: 'chat' }).abandonRate.value).toBe(0.5);
  });

  it('is null with no call offered', () => {
    const r = answerRates([answeredAfter(1_000, 'chat')]);
    expect(r.answerRate.value).toBeNull();
    expect(r.abandonRate.value).toBeNull();
    expect(
      answerRates([makeContact({ startedAt: T0 })], { window: { from: T0 + 1, to: T0 + 2 } }).offered,
    ).toBe(0);
  });
});
