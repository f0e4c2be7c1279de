import { describe, expect, it } from 'vitest';
import type { IssueTier, TicketState } from '../tickets/model';
import { assessFcr, firstContactResolution } from './fcr';
import { DAY, HOUR, T0, historyOf, makeTicket } from './test-factories';

/** Resolved at T0 + 1 h after triage and work; `later` steps follow. */
const R = T0 + HOUR;
function resolvedTicket(opts: {
  replies?: number;
  later?: readonly (readonly [TicketState, number])[];
  tier?: IssueTier;
}) {
  const history = historyOf([
    ['triaged', T0 + 1],
    ['in_progress', T0 + 2],
    ['resolved', R],
    ...(opts.later ?? []),
  ]);
  const last = history[history.length - 1]!;
  const resolvedAt = [...history].reverse().find((c) => c.to === 'resolved')!.at;
  const open = !['resolved', 'verified', 'closed'].includes(last.to);
  return makeTicket({
    issueTier: opts.tier ?? 1,
    agentReplyCount: opts.replies ?? 1,
    history,
    state: last.to,
    stateChangedAt: last.at,
    resolvedAt: open ? null : resolvedAt,
  });
}

const single = resolvedTicket({});
const twoReplies = resolvedTicket({ replies: 2, tier: 2 });
const reopenedAfter2dResolvedAgain = resolvedTicket({
  later: [
    ['in_progress', R + 2 * DAY],
    ['resolved', R + 3 * DAY],
  ],
});
const reopenedAfter8dResolvedAgain = resolvedTicket({
  later: [
    ['closed', R + DAY],
    ['in_progress', R + 8 * DAY],
    ['resolved', R + 9 * DAY],
  ],
});
const reopenedAfter2dStillOpen = resolvedTicket({ later: [['in_progress', R + 2 * DAY]] });
const reopenedAfter10dStillOpen = resolvedTicket({ later: [['in_progress', R + 10 * DAY]] });
const neverResolved = makeTicket({ state: 'in_progress', history: historyOf([['in_progress', T0]]) });
const noReplies = resolvedTicket({ replies: 0 });

describe('assessFcr', () => {
  it('is FCR with one reply and no reopen', () => {
    expect(assessFcr(single)).toEqual({ firstResolvedAt: R, outcome: 'fcr' });
    expect(assessFcr(noReplies).outcome).toBe('fcr');
  });

  it('is not FCR with two public replies', () => {
    expect(assessFcr(twoReplies).outcome).toBe('multiple_replies');
  });

  it('is not FCR when reopened 2 days after resolution, even once resolved again', () => {
    expect(assessFcr(reopenedAfter2dResolvedAgain)).toEqual({
      firstResolvedAt: R,
      outcome: 'reopened_within_7d',
    });
    expect(assessFcr(reopenedAfter2dStillOpen).outcome).toBe('reopened_within_7d');
  });

  it('is still FCR when reopened 8 days after resolution and resolved again', () => {
    expect(assessFcr(reopenedAfter8dResolvedAgain).outcome).toBe('fcr');
  });

  it('is not FCR while currently reopened, however late the reopen', () => {
    expect(assessFcr(reopenedAfter10dStillOpen).outcome).toBe('currently_reopened');
  });

  it('counts a reopen exactly 7 days later as within 7 days, 1 ms more as not', () => {
    const at7d = resolvedTicket({
      later: [
        ['in_progress', R + 7 * DAY],
        ['resolved', R + 8 * DAY],
      ],
    });
    const after7d = resolvedTicket({
      later: [
        ['in_progress', R + 7 * DAY + 1],
        ['resolved', R + 8 * DAY],
      ],
    });
    expect(assessFcr(at7d).outcome).toBe('reopened_within_7d');
    expect(assessFcr(after7d).outcome).toBe('fcr');
  });

  it('measures a reopen from the latest resolution before it', () => {
    // Resolved at R, reopened at R+10d (late), resolved at R+11d, reopened at R+12d (1 d after) → not FCR.
    const t = resolvedTicket({
      later: [
        ['in_progress', R + 10 * DAY],
        ['resolved', R + 11 * DAY],
        ['in_progress', R + 12 * DAY],
        ['resolved', R + 13 * DAY],
      ],
    });
    expect(assessFcr(t).outcome).toBe('reopened_within_7d');
  });

  it('counts a reopen from Verified or Closed', () => {
    const t = resolvedTicket({
      later: [
        ['verified', R + HOUR],
        ['closed', R + DAY],
        ['in_progress', R + 2 * DAY],
        ['resolved', R + 3 * DAY],
      ],
    });
    expect(assessFcr(t).outcome).toBe('reopened_within_7d');
  });

  it('falls back to resolvedAt when the history has no resolution (imported ticket)', () => {
    const imported = makeTicket({ state: 'closed', history: [], resolvedAt: T0 + 5, agentReplyCount: 1 });
    expect(assessFcr(imported)).toEqual({ firstResolvedAt: T0 + 5, outcome: 'fcr' });
  });

  it('treats a reopen with no resolution before it in the history as a quick one', () => {
    const truncated = makeTicket({
      state: 'resolved',
      resolvedAt: T0 + 30 * DAY,
      history: [
        { from: 'closed', to: 'in_progress', at: T0 + 20 * DAY, by: 'a' },
        { from: 'in_progress', to: 'resolved', at: T0 + 30 * DAY, by: 'a' },
      ],
    });
    expect(assessFcr(truncated).outcome).toBe('reopened_within_7d');
  });

  it('leaves a never-resolved ticket out', () => {
    expect(assessFcr(neverResolved)).toEqual({ firstResolvedAt: null, outcome: null });
  });
});

describe('firstContactResolution', () => {
  const all = [
    single,
    twoReplies,
    reopenedAfter2dResolvedAgain,
    reopenedAfter8dResolvedAgain,
    reopenedAfter2dStillOpen,
    reopenedAfter10dStillOpen,
    neverResolved,
    noReplies,
  ];

  it('is FCR tickets / tickets resolved at least once, currently reopened ones included', () => {
    // Resolved at least once: 7 (neverResolved out). FCR: single, reopenedAfter8d, noReplies = 3 → 3/7.
    const r = firstContactResolution(all);
    expect(r.overall).toEqual({ value: 3 / 7, hits: 3, total: 7 });
    expect(r.outcomes).toEqual({ fcr: 3, multiple_replies: 1, reopened_within_7d: 2, currently_reopened: 1 });
    // twoReplies is the only Tier 2 ticket: Tier 1 = 3/6 = 0.5, Tier 2 = 0/1, Tier 3 no data.
    expect(r.byIssueTier[1].value).toBe(0.5);
    expect(r.byIssueTier[2]).toEqual({ value: 0, hits: 0, total: 1 });
    expect(r.byIssueTier[3].value).toBeNull();
  });

  it('windows on the first resolution, not the latest', () => {
    // reopenedAfter2dResolvedAgain was re-resolved at R+3d, but first resolved at R: outside [R+1d, R+10d).
    const late = makeTicket({
      state: 'resolved',
      agentReplyCount: 1,
      resolvedAt: R + 2 * DAY,
      history: historyOf([
        ['in_progress', R + DAY],
        ['resolved', R + 2 * DAY],
      ]),
    });
    const r = firstContactResolution([reopenedAfter2dResolvedAgain, late], {
      from: R + DAY,
      to: R + 10 * DAY,
    });
    expect(r.overall).toEqual({ value: 1, hits: 1, total: 1 });
  });

  it('is null with no resolved ticket', () => {
    expect(firstContactResolution([neverResolved]).overall.value).toBeNull();
    expect(firstContactResolution([]).overall.value).toBeNull();
  });
});
