import { describe, expect, it } from 'vitest';
import { meanTimeToAcknowledge, meanTimeToResolve } from './response-times';
import { DAY, HOUR, MINUTE, T0, makeTicket } from './test-factories';

describe('meanTimeToAcknowledge', () => {
  const window = { from: T0, to: T0 + DAY };
  const tickets = [
    makeTicket({ channel: 'email', createdAt: T0, firstResponseAt: T0 + 30 * MINUTE }), // 30 min
    makeTicket({ channel: 'chat', createdAt: T0 + HOUR, firstResponseAt: T0 + HOUR + 2 * MINUTE }), // 2 min
    makeTicket({ channel: 'email', createdAt: T0 + 2 * HOUR, firstResponseAt: T0 + 3.5 * HOUR }), // 90 min
    makeTicket({ channel: 'phone', createdAt: T0 + 3 * HOUR, firstResponseAt: null }), // awaiting
    makeTicket({ channel: 'chat', createdAt: T0 + 4 * HOUR, firstResponseAt: T0 + 4 * HOUR - 5000 }), // skew → 0
    makeTicket({ channel: 'email', createdAt: T0 + DAY, firstResponseAt: T0 + DAY + MINUTE }), // at `to`: out
    makeTicket({ channel: 'chat', createdAt: T0 - 1, firstResponseAt: T0 + 9 * HOUR }), // before: out
  ];

  it('averages created → first response over answered tickets created in the window', () => {
    // (30 + 2 + 90 + 0) / 4 = 30.5 min; email (30 + 90) / 2 = 60 min; chat (2 + 0) / 2 = 1 min.
    const r = meanTimeToAcknowledge(tickets, window);
    expect(r.overall).toEqual({ value: 30.5 * MINUTE, sum: 122 * MINUTE, count: 4 });
    expect(r.byChannel.email.value).toBe(60 * MINUTE);
    expect(r.byChannel.chat.value).toBe(MINUTE);
    expect(r.byChannel.phone.value).toBeNull();
    expect(r.awaiting).toBe(1);
  });

  it('is null when nobody has been answered yet', () => {
    const r = meanTimeToAcknowledge([makeTicket({ firstResponseAt: null })]);
    expect(r.overall.value).toBeNull();
    expect(r.awaiting).toBe(1);
    expect(meanTimeToAcknowledge([]).overall.value).toBeNull();
  });
});

describe('meanTimeToResolve', () => {
  const window = { from: T0 + DAY, to: T0 + 8 * DAY };
  const tickets = [
    makeTicket({ issueTier: 1, createdAt: T0, resolvedAt: T0 + DAY }), // 24 h, on `from`: in
    makeTicket({ issueTier: 1, createdAt: T0, resolvedAt: T0 + 36 * HOUR }), // 36 h
    makeTicket({ issueTier: 2, createdAt: T0 - 2 * DAY, resolvedAt: T0 + 2 * DAY }), // 96 h, created before: in
    makeTicket({ issueTier: 3, createdAt: T0 + 5 * DAY, resolvedAt: T0 + 8 * DAY }), // at `to`: out
    makeTicket({ issueTier: 3, state: 'in_progress', createdAt: T0 + 2 * DAY, resolvedAt: null }), // reopened: out
  ];

  it('averages created → resolved over tickets resolved in the window', () => {
    // (24 + 36 + 96) / 3 = 52 h; Tier 1 (24 + 36) / 2 = 30 h; Tier 2 96 h; Tier 3 no data.
    const r = meanTimeToResolve(tickets, window);
    expect(r.overall.value).toBe(52 * HOUR);
    expect(r.overall.count).toBe(3);
    expect(r.byIssueTier[1].value).toBe(30 * HOUR);
    expect(r.byIssueTier[2].value).toBe(96 * HOUR);
    expect(r.byIssueTier[3].value).toBeNull();
  });

  it('without a window covers every resolved ticket', () => {
    // (24 + 36 + 96 + 72) / 4 = 57 h.
    expect(meanTimeToResolve(tickets).overall.value).toBe(57 * HOUR);
  });

  it('is null with no resolved ticket', () => {
    expect(meanTimeToResolve([makeTicket({ resolvedAt: null })]).overall.value).toBeNull();
  });
});
