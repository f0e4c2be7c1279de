/** The demo should look like a real support operation (DOMAIN.md): mixes, targets, tiers. */
import { describe, expect, it } from 'vitest';
import { demoSources } from './sources.fixture';
import { handleTimeMs } from '../metrics/contact';
import type { Ticket } from '../tickets/model';
import { isOpen } from '../tickets/model';
import { generateWorkspace } from './index';

const sources = demoSources;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const DAY = 86_400_000;
const demo = generateWorkspace({ seed: 2026, tickets: 8000, now: NOW, sources });
const { tickets } = demo;

const share = <T>(xs: readonly T[], pred: (x: T) => boolean): number => xs.filter(pred).length / xs.length;
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('demo realism', () => {
  it('splits customers ~70 % SMB, 22 % Pro, 8 % Enterprise', () => {
    expect(share(demo.customers, (c) => c.tier === 'SMB')).toBeCloseTo(0.7, 1);
    expect(share(demo.customers, (c) => c.tier === 'Pro')).toBeCloseTo(0.22, 1);
    expect(share(demo.customers, (c) => c.tier === 'Enterprise')).toBeCloseTo(0.08, 1);
  });

  it('spreads tickets over the last 90 days', () => {
    expect(tickets[0]!.createdAt).toBeGreaterThanOrEqual(NOW - 90 * DAY);
    expect(tickets[0]!.createdAt).toBeLessThan(NOW - 89 * DAY);
    expect(tickets.at(-1)!.createdAt).toBeGreaterThan(NOW - DAY);
    expect(share(tickets, (t) => t.createdAt > NOW - 30 * DAY)).toBeGreaterThan(0.3);
  });

  it('uses email most, then chat, then portal and phone', () => {
    const by = (c: Ticket['channel']) => share(tickets, (t) => t.channel === c);
    expect(by('email')).toBeGreaterThan(by('chat'));
    expect(by('chat')).toBeGreaterThan(by('portal'));
    expect(by('chat')).toBeGreaterThan(by('phone'));
    expect(by('phone')).toBeGreaterThan(0.05);
  });

  it('is mostly resolved history with a live backlog', () => {
    const open = tickets.filter((t) => isOpen(t.state));
    expect(open.length / tickets.length).toBeGreaterThan(0.003);
    expect(open.length / tickets.length).toBeLessThan(0.15);
    expect(share(tickets, (t) => t.state === 'closed')).toBeGreaterThan(0.7);
    const openStates = new Set(open.map((t) => t.state));
    expect(openStates.size).toBeGreaterThanOrEqual(3);
  });

  it('makes data loss and security Tier 3, and Sev 1 rare and Enterprise-only', () => {
    for (const t of tickets) {
      if (t.productArea === 'data_loss' || t.productArea === 'security') expect(t.issueTier).toBe(3);
      if (t.severity === 1) {
        expect(t.customerTier).toBe('Enterprise');
        expect(t.priority).toBe('urgent');
      }
    }
    const sev1 = share(tickets, (t) => t.severity === 1);
    expect(sev1).toBeGreaterThan(0);
    expect(sev1).toBeLessThan(0.02);
    expect(share(tickets, (t) => t.issueTier === 1)).toBeGreaterThan(0.4);
  });

  it('covers every product area and uses Bitext texts for subjects', () => {
    expect(new Set(tickets.map((t) => t.productArea)).size).toBe(
      demo.squads.flatMap((s) => s.productAreas).length,
    );
    const bitextUtterances = new Set(
      sources.bitext.intents.flatMap((i) => i.utterances.map((u) => u.toLowerCase())),
    );
    const fromBitext = share(tickets, (t) => bitextUtterances.has(t.subject.toLowerCase()));
    expect(fromBitext).toBeGreaterThan(0.5);
  });

  it('solves ~70–85 % of resolved tickets on first contact and reopens a few', () => {
    const resolved = tickets.filter((t) => t.history.some((h) => h.to === 'resolved'));
    const reopened = (t: Ticket) =>
      t.history.some(
        (h) =>
          h.from !== 'new' && h.to === 'in_progress' && ['resolved', 'verified', 'closed'].includes(h.from),
      );
    const fcr = share(resolved, (t) => t.agentReplyCount <= 1 && !reopened(t));
    expect(fcr).toBeGreaterThan(0.6);
    expect(fcr).toBeLessThan(0.85);
    expect(share(resolved, reopened)).toBeGreaterThan(0.02);
    expect(share(resolved, reopened)).toBeLessThan(0.12);
  });

  it('collects CSAT on some resolved tickets, averaging around 4.5', () => {
    const rated = tickets.filter((t) => t.csat !== null);
    expect(rated.length / tickets.length).toBeGreaterThan(0.2);
    expect(rated.length / tickets.length).toBeLessThan(0.5);
    expect(mean(rated.map((t) => t.csat!))).toBeGreaterThan(4.2);
    expect(mean(rated.map((t) => t.csat!))).toBeLessThan(4.7);
  });

  it('keeps handle times around the AHT targets (chat 6–12 min, phone 10–20 min)', () => {
    const aht = (channel: string) =>
      mean(demo.contacts.filter((c) => c.answered && c.channel === channel).map(handleTimeMs)) / 60_000;
    expect(aht('chat')).toBeGreaterThan(6);
    expect(aht('chat')).toBeLessThan(12);
    expect(aht('phone')).toBeGreaterThan(10);
    expect(aht('phone')).toBeLessThan(20);
    const phone = demo.contacts.filter((c) => c.channel === 'phone');
    expect(share(phone, (c) => !c.answered)).toBeLessThan(0.05);
  });

  it('answers phone and chat within their first-response targets most of the time', () => {
    const within = (channel: string, ms: number) =>
      share(
        tickets.filter((t) => t.channel === channel && t.firstResponseAt !== null),
        (t) => t.firstResponseAt! - t.createdAt <= ms,
      );
    expect(within('phone', 30_000)).toBeGreaterThan(0.75);
    expect(within('chat', 120_000)).toBeGreaterThan(0.8);
    expect(within('email', 24 * 3_600_000)).toBeGreaterThan(0.9);
  });

  it('averages 2–4 messages per ticket, with some internal notes', () => {
    expect(demo.messages.length / tickets.length).toBeGreaterThan(2);
    expect(demo.messages.length / tickets.length).toBeLessThan(4);
    expect(share(demo.messages, (m) => m.kind === 'internal_note')).toBeGreaterThan(0.01);
  });

  it('gives the demo agent a share of the work', () => {
    expect(tickets.filter((t) => t.assigneeId === 'u-ava').length).toBeGreaterThan(50);
  });
});
