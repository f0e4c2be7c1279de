import { describe, expect, it } from 'vitest';
import type { Ticket, TicketState } from '../tickets/model';
import { historyOf, makeTicket } from '../tickets/test-factory';
import { DEFAULT_SLA_POLICIES, latestKnownTime, slaComplianceOf, slaStatus } from './index';

const at = (iso: string): number => Date.parse(iso);
const MON = '2024-01-08';
const RESOLUTION = { rootCause: 'Stale cache', workaround: 'Log out and in', fixEta: null, releaseId: null };

/** A Pro email, Tier 1, Sev 3, created Monday 10:00. */
function ticket(over: Partial<Ticket> = {}): Ticket {
  return makeTicket({
    id: 't-1',
    ref: 'SD-1',
    subject: 'Cannot log in',
    customerId: 'c-1',
    customerTier: 'Pro',
    createdAt: at(`${MON}T10:00:00Z`),
    ...over,
  });
}

const history = (...steps: [TicketState, string][]) =>
  historyOf(steps.map(([to, iso]) => [to, at(iso)] as const));

/** Resolved the next day at `resolvedIso`, first reply at `replyIso`. */
function resolved(replyIso: string, resolvedIso: string, over: Partial<Ticket> = {}): Ticket {
  return ticket({
    state: 'resolved',
    history: history(['in_progress', replyIso], ['resolved', resolvedIso]),
    firstResponseAt: at(replyIso),
    lastAgentReplyAt: at(replyIso),
    resolvedAt: at(resolvedIso),
    resolution: RESOLUTION,
    ...over,
  });
}

describe('slaComplianceOf', () => {
  it('is true when every contractual target was met', () => {
    // Pro, business hours: 24 h first response and resolution = Thu 10:00.
    expect(slaComplianceOf(resolved(`${MON}T11:00:00Z`, '2024-01-10T15:00:00Z'))).toBe(true);
  });

  it('is false when one target was missed', () => {
    expect(slaComplianceOf(resolved(`${MON}T11:00:00Z`, '2024-01-11T10:00:01Z'))).toBe(false);
  });

  it('is null while a target is open and within budget', () => {
    const open = ticket({
      state: 'in_progress',
      history: history(['in_progress', `${MON}T11:00:00Z`]),
      firstResponseAt: at(`${MON}T11:00:00Z`),
    });
    expect(slaComplianceOf(open)).toBeNull();
    expect(slaComplianceOf(open, DEFAULT_SLA_POLICIES, { now: at('2024-01-09T10:00:00Z') })).toBeNull();
  });

  it('is false for an open ticket once a target is breached at `now`', () => {
    const open = ticket({
      state: 'in_progress',
      history: history(['in_progress', `${MON}T11:00:00Z`]),
      firstResponseAt: at(`${MON}T11:00:00Z`),
    });
    expect(slaComplianceOf(open, DEFAULT_SLA_POLICIES, { now: at('2024-01-11T10:00:01Z') })).toBe(false);
  });

  it('is null for SMB (best effort) unless internal goals are asked for', () => {
    const smb = resolved(`${MON}T11:00:00Z`, '2024-01-10T15:00:00Z', { customerTier: 'SMB' });
    expect(slaComplianceOf(smb)).toBeNull();
    expect(slaComplianceOf(smb, DEFAULT_SLA_POLICIES, { includeNonContractual: true })).toBe(true);
  });

  it('judges a finished ticket the same whenever it is asked', () => {
    const t = resolved(`${MON}T11:00:00Z`, '2024-01-10T15:00:00Z', {
      state: 'closed',
      closedAt: at('2024-01-12T09:00:00Z'),
      history: history(
        ['in_progress', `${MON}T11:00:00Z`],
        ['resolved', '2024-01-10T15:00:00Z'],
        ['closed', '2024-01-12T09:00:00Z'],
      ),
    });
    expect(latestKnownTime(t)).toBe(at('2024-01-12T09:00:00Z'));
    expect(slaComplianceOf(t, DEFAULT_SLA_POLICIES, { now: at('2025-01-01T00:00:00Z') })).toBe(true);
  });
});

describe('scale', () => {
  it('computes status for 100k tickets in a few seconds', () => {
    const base = at('2024-01-01T00:00:00Z');
    const tiers = ['SMB', 'Pro', 'Enterprise'] as const;
    const channels = ['phone', 'chat', 'email', 'portal'] as const;
    const t0 = performance.now();
    let open = 0;
    for (let i = 0; i < 100_000; i++) {
      const createdAt = base + i * 97_000;
      const t = ticket({
        createdAt,
        customerTier: tiers[i % 3],
        channel: channels[i % 4],
        severity: i % 10 === 0 ? 1 : 3,
        issueTier: ((i % 3) + 1) as 1 | 2 | 3,
        state: 'waiting_on_customer',
        history: history(
          ['in_progress', new Date(createdAt + 60_000).toISOString()],
          ['waiting_on_customer', new Date(createdAt + 3_600_000).toISOString()],
        ),
        firstResponseAt: createdAt + 60_000,
      });
      if (slaStatus(t, base + 100_000 * 97_000).worst) open++;
    }
    expect(open).toBe(100_000);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
