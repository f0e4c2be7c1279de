/**
 * Closed tickets' threads are archived: the pull feed leaves their messages out
 * (while still moving the cursor past them), a console fetches such a thread on
 * demand, and reopening a ticket sends its thread through the feed again. Real
 * server, real database (PGlite and PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../core/sync';
import type { Message, Ticket } from '../../core/tickets/model';
import { DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { startServer, type RunningServer } from '../../server/start';
import { DATABASES, type TestDatabase } from './support/databases';
import { api, mutation, push, signIn, type TestSession } from './support/client';

/** Pages through the whole feed as a console would; answers every change and the final cursor. */
async function pullAll(s: TestSession, from = 0, limit = 500) {
  const changes: Change[] = [];
  let cursor = from;
  let pages = 0;
  for (;;) {
    const { body } = await api<{ changes: Change[]; cursor: number; hasMore: boolean }>(
      s,
      `/api/sync/pull?cursor=${cursor}&limit=${limit}`,
    );
    changes.push(...body.changes);
    expect(body.cursor).toBeGreaterThanOrEqual(cursor);
    cursor = body.cursor;
    pages += 1;
    if (!body.hasMore) return { changes, cursor, pages };
  }
}

for (const kind of DATABASES) {
  describe(`archived threads on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let supervisor: TestSession;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ ...database, demoTickets: 300 });
      supervisor = await signIn(server.url, DEMO_SUPERVISOR_EMAIL);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    const messageCounts = async () => {
      const rows = await server.db.query<{ ticket_id: string; n: number }>(
        `select data->>'ticketId' as ticket_id, count(*)::int as n from entities
          where kind = 'message' and not deleted group by 1`,
      );
      return new Map(rows.map((r) => [r.ticket_id, Number(r.n)]));
    };

    it("leaves closed tickets' messages out of the feed, keeps every other thread whole, and still reaches the head", async () => {
      const { changes, cursor } = await pullAll(supervisor);
      const tickets = changes.filter((c) => c.kind === 'ticket').map((c) => c.data as Ticket);
      const closed = new Set(tickets.filter((t) => t.state === 'closed').map((t) => t.id));
      expect(closed.size).toBeGreaterThan(50); // the demo is mostly history
      expect(tickets.length - closed.size).toBeGreaterThan(0);

      const pulled = new Map<string, number>();
      for (const c of changes.filter((c) => c.kind === 'message')) {
        const ticketId = (c.data as Message).ticketId;
        pulled.set(ticketId, (pulled.get(ticketId) ?? 0) + 1);
      }
      const stored = await messageCounts();
      for (const t of tickets) {
        if (closed.has(t.id)) expect(pulled.get(t.id), t.id).toBeUndefined();
        else expect(pulled.get(t.id) ?? 0, t.id).toBe(stored.get(t.id) ?? 0);
      }
      // Skipped rows still move the cursor: the console never reads them again.
      const head = await server.db.query<{ sync_id: number }>('select sync_id from workspaces');
      expect(cursor).toBe(Number(head[0]?.sync_id));
      const again = await api<{ changes: Change[]; hasMore: boolean }>(
        supervisor,
        `/api/sync/pull?cursor=${cursor}`,
      );
      expect(again.body).toMatchObject({ changes: [], hasMore: false });
    });

    it("serves a closed ticket's whole thread on demand, and 404 for a ticket that does not exist", async () => {
      const stored = await messageCounts();
      const closed = await server.db.query<{ id: string }>(
        `select id from entities where kind = 'ticket' and data->>'state' = 'closed' order by id limit 1`,
      );
      const ticketId = closed[0]?.id ?? '';
      const thread = await api<{ changes: Change[] }>(supervisor, `/api/sync/thread/${ticketId}`);
      expect(thread.status).toBe(200);
      expect(thread.body.changes).toHaveLength(stored.get(ticketId) ?? -1);
      expect(
        thread.body.changes.every((c) => c.kind === 'message' && (c.data as Message).ticketId === ticketId),
      ).toBe(true);

      const missing = await api<{ error: { code: string } }>(supervisor, '/api/sync/thread/tkt-nope');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('not_found');
      const anonymous = await fetch(`${server.url}/api/sync/thread/${ticketId}`);
      expect(anonymous.status).toBe(401);
    });

    it('sends a note written on a closed ticket after its closing, and only that note', async () => {
      const { cursor } = await pullAll(supervisor);
      const closed = await server.db.query<{ id: string }>(
        `select id from entities where kind = 'ticket' and data->>'state' = 'closed' order by id limit 1 offset 3`,
      );
      const ticketId = closed[0]?.id ?? '';
      const noted = await push(supervisor, 'c-qa', [
        mutation('c-qa', 1, 'ticket.add_message', {
          ticketId,
          messageId: 'msg-qa-review',
          kind: 'internal_note',
          body: 'QA review: good handling.',
        }),
      ]);
      expect(noted.body.results).toMatchObject([{ status: 'applied' }]);
      const after = await pullAll(supervisor, cursor);
      expect(after.changes.filter((c) => c.kind === 'message').map((c) => c.id)).toEqual(['msg-qa-review']);
    });

    it('sends a reopened ticket’s thread through the feed again', async () => {
      const { cursor } = await pullAll(supervisor);
      const closed = await server.db.query<{ id: string }>(
        `select t.id from entities t
          where t.kind = 'ticket' and t.data->>'state' = 'closed'
            and exists (select 1 from entities m where m.kind = 'message' and m.data->>'ticketId' = t.id)
          order by t.id desc limit 1`,
      );
      const ticketId = closed[0]?.id ?? '';
      const reopened = await push(supervisor, 'c-reopen', [
        mutation(
          'c-reopen',
          1,
          'ticket.transition',
          { ticketId, event: 'reopen', reason: 'Customer says the fix did not hold.' },
          { state: 'closed' },
        ),
      ]);
      expect(reopened.body.results, JSON.stringify(reopened.body.results)).toMatchObject([
        { status: 'applied' },
      ]);

      const after = await pullAll(supervisor, cursor);
      const ticket = after.changes.find((c) => c.kind === 'ticket' && c.id === ticketId);
      expect((ticket?.data as Ticket | undefined)?.state).toBe('in_progress');
      const messages = after.changes.filter((c) => c.kind === 'message');
      expect(messages.length).toBe((await messageCounts()).get(ticketId));
      expect(messages.every((c) => (c.data as Message).ticketId === ticketId && c.syncId > cursor)).toBe(
        true,
      );
    });
  });
}
