/**
 * Intake, triage, routing and escalation on a real server and database: a
 * ticket submitted through the API (or logged in a console and pushed) is
 * triaged, gets the next ref, and lands with the right squad and agent; admins
 * change the rules and the next ticket follows them; bad input is refused
 * with a clear error and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../core/sync';
import type { Customer, Ticket } from '../../core/tickets/model';
import type { User } from '../../core/workspace/model';
import { DEFAULT_ROUTING_RULES } from '../../core/routing';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_AGENT_ID, DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { startServer, type RunningServer } from '../../server/start';
import { DATABASES, type TestDatabase } from './support/databases';
import { api, listenForPoke, mutation, signIn, type TestSession } from './support/client';

interface Created {
  ticket: Pick<
    Ticket,
    | 'id'
    | 'ref'
    | 'state'
    | 'priority'
    | 'issueTier'
    | 'productArea'
    | 'squadId'
    | 'assigneeId'
    | 'tags'
    | 'triage'
  >;
}
const REFUND = {
  subject: 'Refund not received',
  body: 'I asked for a refund of my last order two weeks ago and the money is still not back on my card.',
  channel: 'email',
};

for (const kind of DATABASES) {
  describe(`triage and routing on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let agent: TestSession;
    let admin: TestSession;
    let smb: Customer;
    let enterprise: Customer;
    let squadOf: Map<string, string[]>;

    const query = <T>(sql: string, params: unknown[] = []) => server.db.query<T>(sql, params);
    const ticketRow = async (id: string) =>
      (await query<{ data: Ticket }>(`select data from entities where kind = 'ticket' and id = $1`, [id]))[0]
        ?.data;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ ...database, demoTickets: 200 });
      agent = await signIn(server.url, DEMO_AGENT_EMAIL);
      admin = await signIn(server.url, DEMO_ADMIN_EMAIL);
      const customers = (
        await query<{ data: Customer }>(`select data from entities where kind = 'customer'`)
      ).map((r) => r.data);
      const pick = (tier: Customer['tier']) => {
        const c = customers.find((x) => x.tier === tier && (tier !== 'Enterprise' || x.accountManagerId));
        if (!c) throw new Error(`no ${tier} customer in the demo`);
        return c;
      };
      smb = pick('SMB');
      enterprise = pick('Enterprise');
      const users = (await query<{ data: User }>(`select data from entities where kind = 'user'`)).map(
        (r) => r.data,
      );
      squadOf = new Map(users.map((u) => [u.id, u.squadIds]));
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('routes an API ticket to the only online agent of the owning squad, with the next ref', async () => {
      const before = await query<{ n: number }>('select next_ticket_number as n from workspaces');
      const stream = await listenForPoke(server.url, agent.token); // Ava is online now
      try {
        const res = await api<Created>(agent, '/api/tickets', { ...REFUND, customerId: smb.id });
        expect(res.status).toBe(201);
        expect(res.body.ticket).toMatchObject({
          ref: `SD-${Number(before[0]?.n)}`,
          state: 'triaged',
          productArea: 'refunds',
          squadId: 'sq-payments',
          assigneeId: DEMO_AGENT_ID,
        });
        expect(res.body.ticket.triage?.routing?.reason).toContain('(online)');
        const stored = await ticketRow(res.body.ticket.id);
        expect(stored).toMatchObject({
          assigneeId: DEMO_AGENT_ID,
          customerTier: 'SMB',
          lastCustomerMessageAt: expect.any(Number),
        });
        const messages = await query<{ data: { body: string } }>(
          `select data from entities where kind = 'message' and data->>'ticketId' = $1`,
          [res.body.ticket.id],
        );
        expect(messages.map((m) => m.data.body)).toEqual([REFUND.body]);
      } finally {
        stream.close();
      }
    });

    it('with nobody online, picks the least loaded skilled agent of the squad', async () => {
      await new Promise((r) => setTimeout(r, 100)); // the closed stream is noticed
      const res = await api<Created>(agent, '/api/tickets', { ...REFUND, customerId: smb.id });
      const assignee = res.body.ticket.assigneeId ?? '';
      expect(squadOf.get(assignee)).toContain('sq-payments');
      expect(res.body.ticket.triage?.routing?.reason).toContain('nobody online');
      // Its load before this ticket was the lowest among the squad's refund-skilled agents.
      const loads = await query<{ id: string; open: number }>(
        `select u.id, (select count(*)::int from entities t where t.kind = 'ticket' and t.data->>'assigneeId' = u.id
                          and t.data->>'state' not in ('resolved','verified','closed') and t.id <> $1) as open
           from entities u where u.kind = 'user' and u.data->>'role' = 'agent'
            and u.data->'squadIds' ? 'sq-payments' and u.data->'skills' ? 'refunds'`,
        [res.body.ticket.id],
      );
      const min = Math.min(...loads.map((l) => l.open));
      expect(loads.find((l) => l.id === assignee)?.open).toBe(min);
    });

    it('sends Enterprise work to the named account manager, and security to Trust & Data at tier 3', async () => {
      const ent = await api<Created>(agent, '/api/tickets', {
        ...REFUND,
        customerId: enterprise.id,
        severity: 1,
      });
      expect(ent.body.ticket).toMatchObject({ assigneeId: enterprise.accountManagerId, priority: 'urgent' });
      const sec = await api<Created>(agent, '/api/tickets', {
        subject: 'Account hacked',
        body: 'Someone logged into my account last night and changed my payout bank details.',
        customerId: smb.id,
      });
      expect(sec.body.ticket).toMatchObject({
        productArea: 'security',
        issueTier: 3,
        priority: 'high',
        squadId: 'sq-trust',
      });
      expect(squadOf.get(sec.body.ticket.assigneeId ?? '')).toContain('sq-trust');
    });

    it('refuses bad intake with a clear error and writes nothing', async () => {
      const count = async () =>
        Number(
          (await query<{ n: number }>(`select count(*)::int as n from entities where kind = 'ticket'`))[0]?.n,
        );
      const before = await count();
      const noSubject = await api<{ error: { code: string; message: string } }>(agent, '/api/tickets', {
        ...REFUND,
        subject: '  ',
        customerId: smb.id,
      });
      expect(noSubject.status).toBe(422);
      expect(noSubject.body.error.message).toContain('A ticket needs a subject.');
      const unknown = await api<{ error: { code: string } }>(agent, '/api/tickets', {
        ...REFUND,
        customerId: 'cus-nope',
      });
      expect(unknown).toMatchObject({ status: 422, body: { error: { code: 'unknown_customer' } } });
      const anonymous = await fetch(`${server.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...REFUND, customerId: smb.id }),
      });
      expect(anonymous.status).toBe(401);
      expect(await count()).toBe(before);
    });

    it('creates a ticket pushed from a console once, triaged and routed by the server', async () => {
      const create = mutation('c-new', 1, 'ticket.create', {
        ...REFUND,
        ticketId: 't-offline-1',
        customerId: smb.id,
      });
      const first = await api<PushResponse>(agent, '/api/sync/push', {
        clientId: 'c-new',
        mutations: [create],
      });
      expect(first.body.results).toMatchObject([{ status: 'applied', syncId: expect.any(Number) }]);
      const again = await api<PushResponse>(agent, '/api/sync/push', {
        clientId: 'c-new',
        mutations: [
          create,
          mutation('c-new', 2, 'ticket.create', { ...REFUND, ticketId: 't-offline-1', customerId: smb.id }),
        ],
      });
      expect(again.body.results.map((r) => r.status)).toEqual(['applied', 'merged']);
      const stored = await ticketRow('t-offline-1');
      expect(stored).toMatchObject({ state: 'triaged', productArea: 'refunds', squadId: 'sq-payments' });
      expect(stored?.ref).toMatch(/^SD-\d+$/);
      const refs = await query(`select 1 from entities where kind = 'ticket' and data->>'ref' = $1`, [
        stored?.ref,
      ]);
      expect(refs).toHaveLength(1);
    });

    it('routes by the rules an admin saves; agents and unknown squads are refused', async () => {
      const moved = {
        // Orders agents do not list refunds among their skills yet: drop the skill requirement.
        rules: { ...DEFAULT_ROUTING_RULES, strategy: 'round_robin', requireAreaSkill: false },
        squads: [
          { squadId: 'sq-payments', name: 'Payments & Billing', productAreas: ['payments', 'billing'] },
          {
            squadId: 'sq-orders',
            name: 'Orders & Delivery',
            productAreas: ['orders', 'delivery', 'refunds'],
          },
        ],
      };
      const refused = await api<PushResponse>(agent, '/api/sync/push', {
        clientId: 'c-agent-settings',
        mutations: [mutation('c-agent-settings', 1, 'routing.save', moved)],
      });
      expect(refused.body.results).toMatchObject([{ status: 'rejected', code: 'forbidden' }]);
      const unknown = await api<PushResponse>(admin, '/api/sync/push', {
        clientId: 'c-admin',
        mutations: [
          mutation('c-admin', 1, 'routing.save', {
            ...moved,
            rules: { ...moved.rules, fallbackSquadId: 'sq-ghost' },
          }),
        ],
      });
      expect(unknown.body.results).toMatchObject([{ status: 'rejected', code: 'unknown_squad' }]);

      const saved = await api<PushResponse>(admin, '/api/sync/push', {
        clientId: 'c-admin',
        mutations: [mutation('c-admin', 2, 'routing.save', moved)],
      });
      expect(saved.body.results).toMatchObject([{ status: 'applied' }]);
      const a = await api<Created>(agent, '/api/tickets', { ...REFUND, customerId: smb.id });
      const b = await api<Created>(agent, '/api/tickets', { ...REFUND, customerId: smb.id });
      expect(a.body.ticket.squadId).toBe('sq-orders');
      expect(squadOf.get(a.body.ticket.assigneeId ?? '')).toContain('sq-orders');
      // Round robin: the second ticket goes to the next agent in turn, not the same one.
      expect(b.body.ticket.assigneeId).not.toBe(a.body.ticket.assigneeId);
      expect(b.body.ticket.triage?.routing?.reason).toContain('next in turn');
    });

    it('escalates with a reason, refuses one without, and records triage corrections', async () => {
      const t = (await api<Created>(agent, '/api/tickets', { ...REFUND, customerId: smb.id })).body.ticket;
      const noReason = await api<{ error: { code: string; message: string } }>(agent, '/api/sync/push', {
        clientId: 'c-esc',
        mutations: [mutation('c-esc', 1, 'ticket.escalate', { ticketId: t.id, level: 4, reason: '' })],
      });
      expect(noReason.status).toBe(422);
      expect(noReason.body.error.message).toContain('Escalating needs a reason.');
      const res = await api<PushResponse>(agent, '/api/sync/push', {
        clientId: 'c-esc',
        mutations: [
          mutation('c-esc', 1, 'ticket.escalate', {
            ticketId: t.id,
            level: 4,
            reason: 'Refunds failing for many drivers',
          }),
          mutation('c-esc', 2, 'ticket.correct_triage', { ticketId: t.id, set: { productArea: 'payments' } }),
        ],
      });
      expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const stored = await ticketRow(t.id);
      expect(stored).toMatchObject({ state: 'escalated', productArea: 'payments' });
      expect(stored?.escalations?.[0]).toMatchObject({ level: 4, by: agent.userId, acknowledgedAt: null });
      // The level acknowledges, not the agent who escalated; the timer then stops.
      const supervisor = await signIn(server.url, DEMO_SUPERVISOR_EMAIL);
      const ownAck = await api<PushResponse>(agent, '/api/sync/push', {
        clientId: 'c-esc',
        mutations: [mutation('c-esc', 3, 'ticket.acknowledge_escalation', { ticketId: t.id })],
      });
      expect(ownAck.body.results).toMatchObject([{ status: 'rejected', code: 'forbidden' }]);
      const ack = await api<PushResponse>(supervisor, '/api/sync/push', {
        clientId: 'c-sup-ack',
        mutations: [mutation('c-sup-ack', 1, 'ticket.acknowledge_escalation', { ticketId: t.id })],
      });
      expect(ack.body.results).toMatchObject([{ status: 'applied' }]);
      expect((await ticketRow(t.id))?.escalations?.[0]).toMatchObject({ acknowledgedBy: supervisor.userId });
      expect(stored?.triage?.corrections).toEqual([
        { field: 'productArea', from: 'refunds', to: 'payments', by: agent.userId, at: expect.any(Number) },
      ]);
    });
  });
}
