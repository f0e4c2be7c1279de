import { describe, expect, it } from 'vitest';
import { demoSources } from './sources.fixture';
import { MACRO_PLACEHOLDERS } from '../macros/model';
import { formatRef } from '../tickets/ref';
import { PRODUCT_AREAS } from '../workspace/model';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_AGENT_EMAIL,
  DEMO_SUPERVISOR_EMAIL,
  createDemoWorld,
  generateTicket,
  generateTicketChunks,
  generateWorkspace,
} from './index';

const sources = demoSources;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('generateWorkspace: determinism', () => {
  it('gives identical output for the same seed', () => {
    const a = generateWorkspace({ seed: 'demo', tickets: 300, now: NOW, sources });
    const b = generateWorkspace({ seed: 'demo', tickets: 300, now: NOW, sources });
    expect(b).toEqual(a);
  });

  it('gives different output for a different seed', () => {
    const a = generateWorkspace({ seed: 1, tickets: 200, now: NOW, sources });
    const b = generateWorkspace({ seed: 2, tickets: 200, now: NOW, sources });
    expect(b.tickets.map((t) => t.subject)).not.toEqual(a.tickets.map((t) => t.subject));
    expect(b.customers.map((c) => c.name)).not.toEqual(a.customers.map((c) => c.name));
  });

  it('generates the same ticket alone, in chunks and in the whole workspace', () => {
    const options = { seed: 9, tickets: 250, now: NOW, sources };
    const whole = generateWorkspace(options);
    const world = createDemoWorld(options);
    const chunks = [...generateTicketChunks(world, 64)];
    expect(chunks).toHaveLength(4);
    expect(chunks.flatMap((c) => c.tickets)).toEqual(whole.tickets);
    expect(chunks.flatMap((c) => c.messages)).toEqual(whole.messages);
    expect(chunks.flatMap((c) => c.contacts)).toEqual(whole.contacts);
    expect(generateTicket(world, 123).ticket).toEqual(whole.tickets[123]);
  });
});

describe('generateWorkspace: shape', () => {
  const demo = generateWorkspace({ seed: 42, tickets: 1000, now: NOW, sources });

  it('has the Spark Drive workspace and SD refs from SD-10001, unique and in creation order', () => {
    expect(demo.workspace).toEqual({ id: 'ws-spark-drive', name: 'Spark Drive', refPrefix: 'SD' });
    expect(demo.tickets[0]?.ref).toBe(formatRef('SD', 10001));
    expect(new Set(demo.tickets.map((t) => t.ref)).size).toBe(demo.tickets.length);
    expect(new Set(demo.tickets.map((t) => t.id)).size).toBe(demo.tickets.length);
    for (let i = 1; i < demo.tickets.length; i++) {
      expect(demo.tickets[i]!.createdAt).toBeGreaterThanOrEqual(demo.tickets[i - 1]!.createdAt);
    }
  });

  it('has ~40 agents, a supervisor per squad, one admin and the named demo users', () => {
    const byRole = (r: string) => demo.users.filter((u) => u.role === r);
    expect(byRole('agent').length).toBeGreaterThanOrEqual(35);
    expect(byRole('agent').length).toBeLessThanOrEqual(45);
    expect(byRole('supervisor')).toHaveLength(demo.squads.length);
    expect(byRole('admin')).toHaveLength(1);
    const find = (email: string) => demo.users.find((u) => u.email === email);
    expect(find(DEMO_AGENT_EMAIL)?.role).toBe('agent');
    expect(find(DEMO_SUPERVISOR_EMAIL)?.role).toBe('supervisor');
    expect(find(DEMO_ADMIN_EMAIL)?.role).toBe('admin');
    expect(new Set(demo.users.map((u) => u.email)).size).toBe(demo.users.length);
    expect(new Set(demo.users.map((u) => u.id)).size).toBe(demo.users.length);
  });

  it('has ~6 squads that together own every product area exactly once', () => {
    expect(demo.squads.length).toBe(6);
    const owned = demo.squads.flatMap((s) => s.productAreas).sort();
    expect(owned).toEqual([...PRODUCT_AREAS].sort());
  });

  it('links every ticket to a known customer with the same tier, and users that exist', () => {
    const customers = new Map(demo.customers.map((c) => [c.id, c]));
    const users = new Set(demo.users.map((u) => u.id));
    const squads = new Map(demo.squads.map((s) => [s.id, s]));
    const tickets = new Set(demo.tickets.map((t) => t.id));
    for (const t of demo.tickets) {
      expect(customers.get(t.customerId)?.tier).toBe(t.customerTier);
      if (t.assigneeId !== null) expect(users.has(t.assigneeId)).toBe(true);
      if (t.squadId !== null) expect(squads.get(t.squadId)?.productAreas).toContain(t.productArea);
      for (const id of t.linkedTicketIds) expect(tickets.has(id)).toBe(true);
    }
  });

  it('gives every Enterprise customer an account manager and nobody else one', () => {
    const users = new Set(demo.users.map((u) => u.id));
    for (const c of demo.customers) {
      if (c.tier === 'Enterprise') expect(users.has(c.accountManagerId ?? '')).toBe(true);
      else expect(c.accountManagerId).toBeNull();
    }
    expect(new Set(demo.customers.map((c) => c.email)).size).toBe(demo.customers.length);
  });

  it('renders every placeholder in messages and uses only known ones in macros', () => {
    for (const m of demo.messages) expect(m.body).not.toMatch(/\{\{|\}\}/);
    const known = new Set<string>(MACRO_PLACEHOLDERS);
    for (const m of demo.macros) {
      for (const [, name] of m.body.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g))
        expect(known.has(name ?? '')).toBe(true);
    }
    expect(new Set(demo.macros.map((m) => m.id)).size).toBe(demo.macros.length);
  });

  it('has KB articles from ABCD and Spark Drive, owned by users, some overdue for review', () => {
    const users = new Set(demo.users.map((u) => u.id));
    expect(demo.kbArticles.some((a) => a.id.startsWith('kb-abcd-'))).toBe(true);
    expect(demo.kbArticles.some((a) => a.productArea === 'background_check')).toBe(true);
    expect(demo.kbArticles.some((a) => a.productArea === 'app_crash' && a.reproSteps.length > 0)).toBe(true);
    for (const a of demo.kbArticles) {
      expect(users.has(a.ownerId)).toBe(true);
      expect(PRODUCT_AREAS).toContain(a.productArea);
      expect(a.reviewedAt).toBeGreaterThanOrEqual(a.createdAt);
      expect(a.reviewedAt).toBeLessThanOrEqual(NOW);
    }
    const overdue = demo.kbArticles.filter((a) => NOW - a.reviewedAt > 90 * 86_400_000).length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(demo.kbArticles.length / 2);
    expect(new Set(demo.kbArticles.map((a) => a.id)).size).toBe(demo.kbArticles.length);
  });

  it('handles zero tickets', () => {
    const empty = generateWorkspace({ seed: 1, tickets: 0, now: NOW, sources });
    expect(empty.tickets).toEqual([]);
    expect(empty.customers.length).toBeGreaterThan(0);
  });
});
