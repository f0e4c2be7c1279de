/**
 * Push on a real server and database (PGlite and PostgreSQL): exactly-once under
 * duplicates, reordering and gaps; merge rules between two agents; bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationResult } from '../../core/sync';
import type { Message, Ticket } from '../../core/tickets/model';
import { DEMO_AGENT_EMAIL, DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { startServer, type RunningServer } from '../../server/start';
import { DATABASES, type TestDatabase } from './support/databases';
import { api, listenForPoke, mutation, push, signIn, type TestSession } from './support/client';

type Entity<T> = { data: T; sync_id: number };

for (const kind of DATABASES) {
  describe(`push on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let agent: TestSession;
    let supervisor: TestSession;
    let openTickets: Ticket[];

    async function ticket(id: string): Promise<Entity<Ticket>> {
      const rows = await server.db.query<Entity<Ticket>>(
        `select data, sync_id from entities where kind = 'ticket' and id = $1`,
        [id],
      );
      if (!rows[0]) throw new Error(`no ticket ${id}`);
      return rows[0];
    }
    let n = 0;
    const nextTicket = () => {
      const t = openTickets[n++];
      if (!t) throw new Error('ran out of open tickets');
      return t;
    };

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ ...database, demoTickets: 300 });
      agent = await signIn(server.url, DEMO_AGENT_EMAIL);
      supervisor = await signIn(server.url, DEMO_SUPERVISOR_EMAIL);
      const rows = await server.db.query<{ data: Ticket }>(
        `select data from entities where kind = 'ticket' and data->>'state' in ('in_progress', 'triaged', 'waiting_on_customer', 'escalated') order by id`,
      );
      openTickets = rows.map((r) => r.data);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('applies a guarded change with a matching base and gives it a new syncId', async () => {
      const t = nextTicket();
      const before = await ticket(t.id);
      const wanted = t.priority === 'urgent' ? 'low' : 'urgent';
      const res = await push(agent, 'c-apply', [
        mutation(
          'c-apply',
          1,
          'ticket.set_fields',
          { ticketId: t.id, set: { priority: wanted } },
          { priority: t.priority },
        ),
      ]);
      expect(res.status).toBe(200);
      expect(res.body.results).toMatchObject([{ seq: 1, status: 'applied' }]);
      expect(res.body.lastSeq).toBe(1);
      const after = await ticket(t.id);
      expect(after.data.priority).toBe(wanted);
      expect(after.data.fieldChanges?.priority?.by).toBe(agent.userId);
      expect(Number(after.sync_id)).toBeGreaterThan(Number(before.sync_id));
      expect(res.body.results[0]?.syncId).toBe(Number(after.sync_id));
    });

    it('applies each mutation exactly once under duplicate pushes, reordering and gaps', async () => {
      const t = nextTicket();
      const c = 'c-once';
      const m1 = mutation(c, 1, 'ticket.add_message', {
        ticketId: t.id,
        messageId: `${c}-msg1`,
        kind: 'internal_note',
        body: 'first',
      });
      const m2 = mutation(c, 2, 'ticket.tags', { ticketId: t.id, add: ['once-tag'] });
      const m3 = mutation(c, 3, 'ticket.add_message', {
        ticketId: t.id,
        messageId: `${c}-msg2`,
        kind: 'internal_note',
        body: 'second',
      });
      const m5 = mutation(c, 5, 'ticket.tags', { ticketId: t.id, add: ['after-gap'] });

      const first = await push(agent, c, [m2, m1]); // reordered in the batch
      expect(first.body.results.map((r: MutationResult) => [r.seq, r.status])).toEqual([
        [1, 'applied'],
        [2, 'applied'],
      ]);
      const again = await push(agent, c, [m1, m2, m3, m5]); // retry after a "lost response", plus more, with a gap
      expect(again.body.results.map((r: MutationResult) => [r.seq, r.status])).toEqual([
        [1, 'applied'],
        [2, 'applied'],
        [3, 'applied'],
      ]);
      expect(again.body.results[0]).toEqual(first.body.results[0]); // the recorded result, not a second application
      expect(again.body.lastSeq).toBe(3); // stopped at the gap before 5

      const messages = await server.db.query<{ data: Message }>(
        `select data from entities where kind = 'message' and data->>'ticketId' = $1 and id like $2`,
        [t.id, `${c}-%`],
      );
      expect(messages.map((m) => m.data.body).sort()).toEqual(['first', 'second']);
      const tags = (await ticket(t.id)).data.tags;
      expect(tags.filter((x) => x === 'once-tag')).toHaveLength(1);
      expect(tags).not.toContain('after-gap');
      const recorded = await server.db.query<{ n: number }>(
        'select count(*)::int as n from sync_mutations where client_id = $1',
        [c],
      );
      expect(Number(recorded[0]?.n)).toBe(3);
    });

    it('stores a reply delivered twice under different mutation ids once', async () => {
      const t = nextTicket();
      const body = { ticketId: t.id, messageId: 'reply-dup-1', kind: 'public_reply', body: 'We are on it.' };
      const a = await push(agent, 'c-dup-a', [mutation('c-dup-a', 1, 'ticket.add_message', body)]);
      const b = await push(agent, 'c-dup-b', [mutation('c-dup-b', 1, 'ticket.add_message', body)]);
      expect(a.body.results[0]?.status).toBe('applied');
      expect(b.body.results[0]?.status).toBe('merged');
      const rows = await server.db.query(
        `select 1 from entities where kind = 'message' and id = 'reply-dup-1'`,
      );
      expect(rows).toHaveLength(1);
      expect((await ticket(t.id)).data.agentReplyCount).toBe(t.agentReplyCount + 1);
    });

    it('surfaces a conflict when two agents change the same guarded field from the same base', async () => {
      const t = nextTicket();
      const base = { priority: t.priority };
      const [mine, theirs] =
        t.priority === 'high' ? (['low', 'urgent'] as const) : (['high', 'urgent'] as const);
      const first = await push(supervisor, 'c-sup', [
        mutation('c-sup', 1, 'ticket.set_fields', { ticketId: t.id, set: { priority: theirs } }, base),
      ]);
      expect(first.body.results[0]?.status).toBe('applied');
      const second = await push(agent, 'c-conf', [
        mutation('c-conf', 1, 'ticket.set_fields', { ticketId: t.id, set: { priority: mine } }, base),
      ]);
      expect(second.body.results[0]).toMatchObject({
        status: 'conflict',
        conflicts: [{ field: 'priority', yours: mine, theirs, base: t.priority, by: supervisor.userId }],
      });
      expect((await ticket(t.id)).data.priority).toBe(theirs); // the server keeps the first write until the agent chooses
    });

    it('merges tag edits from two agents', async () => {
      const t = nextTicket();
      await push(agent, 'c-tags-a', [
        mutation('c-tags-a', 1, 'ticket.tags', { ticketId: t.id, add: ['vip', 'refund'] }),
      ]);
      await push(supervisor, 'c-tags-b', [
        mutation('c-tags-b', 1, 'ticket.tags', { ticketId: t.id, add: ['escalation'], remove: ['refund'] }),
      ]);
      const tags = (await ticket(t.id)).data.tags;
      expect(tags).toEqual(expect.arrayContaining(['vip', 'escalation']));
      expect(tags).not.toContain('refund');
    });

    it('rejects a forbidden lifecycle move and a missing ticket per mutation, records them, and moves on', async () => {
      const t = nextTicket();
      const res = await push(agent, 'c-life', [
        mutation('c-life', 1, 'ticket.transition', { ticketId: t.id, event: 'verify' }, { state: t.state }),
        mutation('c-life', 2, 'ticket.tags', { ticketId: 'tkt-does-not-exist', add: ['x'] }),
        mutation('c-life', 3, 'ticket.tags', { ticketId: t.id, add: ['still-works'] }),
      ]);
      expect(res.body.results).toMatchObject([
        { seq: 1, status: 'rejected', code: 'forbidden_transition' },
        { seq: 2, status: 'rejected', code: 'not_found' },
        { seq: 3, status: 'applied' },
      ]);
      expect(res.body.results[0]?.reason).toMatch(/^Cannot verify a ticket/);
      expect((await ticket(t.id)).data.state).toBe(t.state);
    });

    it('answers malformed, oversized, unknown-field and unauthorised pushes with a 4xx and stores nothing', async () => {
      const t = nextTicket();
      const count = async () =>
        Number((await server.db.query<{ n: number }>('select count(*)::int as n from sync_mutations'))[0]?.n);
      const before = await count();
      const good = mutation('c-bad', 1, 'ticket.tags', { ticketId: t.id, add: ['x'] });

      expect((await api(agent, '/api/sync/push', '{"clientId":')).status).toBe(400);
      // A batch holding a malformed mutation is refused whole, naming it; the good one beside it is not applied either.
      const unknown = await api<{ error: { code: string; details: { seq: number; code: string }[] } }>(
        agent,
        '/api/sync/push',
        {
          clientId: 'c-bad',
          mutations: [good, mutation('c-bad', 2, 'ticket.no_such_thing', { ticketId: t.id })],
        },
      );
      expect(unknown.status).toBe(422);
      expect(unknown.body.error).toMatchObject({
        code: 'invalid_mutation',
        details: [{ seq: 2, code: 'unknown_mutation' }],
      });
      const badArgs = await api(agent, '/api/sync/push', {
        clientId: 'c-bad',
        mutations: [mutation('c-bad', 1, 'ticket.tags', { ticketId: t.id, add: ['x'], colour: 'red' })],
      });
      expect(badArgs.status).toBe(422);
      expect((await ticket(t.id)).data.tags).not.toContain('x');
      expect(
        (await api(agent, '/api/sync/push', { clientId: 'c-bad', mutations: [{ ...good, seq: 'one' }] }))
          .status,
      ).toBe(422);
      expect(
        (await api(agent, '/api/sync/push', { clientId: 'c-bad', mutations: [good], extra: 1 })).status,
      ).toBe(422);
      expect((await api(agent, '/api/sync/push', { clientId: 'c-bad', mutations: [] })).status).toBe(422);
      expect((await api(agent, '/api/sync/push', { clientId: 'c-other', mutations: [good] })).status).toBe(
        422,
      );
      const huge = mutation('c-bad', 1, 'ticket.add_message', {
        ticketId: t.id,
        messageId: 'big',
        kind: 'internal_note',
        body: 'x'.repeat(2_000_000),
      });
      expect((await api(agent, '/api/sync/push', { clientId: 'c-bad', mutations: [huge] })).status).toBe(413);
      const anonymous = await fetch(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'c-bad', mutations: [good] }),
      });
      expect(anonymous.status).toBe(401);
      expect(await count()).toBe(before);

      // A client id is bound to the user who first pushed with it.
      expect(
        (
          await push(agent, 'c-owned', [
            mutation('c-owned', 1, 'ticket.tags', { ticketId: t.id, add: ['y'] }),
          ])
        ).status,
      ).toBe(200);
      expect(
        (
          await push(supervisor, 'c-owned', [
            mutation('c-owned', 2, 'ticket.tags', { ticketId: t.id, add: ['z'] }),
          ])
        ).status,
      ).toBe(403);
    });

    it('pokes connected clients over SSE when something changes, and pull reports the client lastSeq', async () => {
      const t = nextTicket();
      const pokes = await listenForPoke(server.url, agent.token);
      expect(pokes.contentType).toContain('text/event-stream');
      await push(supervisor, 'c-poke', [
        mutation('c-poke', 1, 'ticket.tags', { ticketId: t.id, add: ['poked'] }),
      ]);
      expect(await pokes.poked).toBe(true);
      pokes.close();

      const pulled = await api<{ lastSeq: number }>(
        supervisor,
        '/api/sync/pull?cursor=0&limit=1&clientId=c-poke',
      );
      expect(pulled.body.lastSeq).toBe(1);
      const ahead = await api<{ reset: boolean; cursor: number }>(agent, '/api/sync/pull?cursor=999999999');
      expect(ahead.body).toMatchObject({ reset: true, cursor: 0 });
    });
  });
}
