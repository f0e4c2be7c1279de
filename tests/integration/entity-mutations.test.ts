/**
 * Mutations on rows other than tickets (saved views, console work records) on a
 * real server and database: written once, pulled by colleagues, deletions pulled
 * as tombstones, someone else's row refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../core/tickets/model';
import { DEMO_AGENT_EMAIL, DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { startServer, type RunningServer } from '../../server/start';
import { DATABASES, type TestDatabase } from './support/databases';
import { mutation, pullAfter, push, signIn, type TestSession } from './support/client';

for (const kind of DATABASES) {
  describe(`entity mutations on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let agent: TestSession;
    let supervisor: TestSession;

    const view = (viewId: string, name: string) => ({
      viewId,
      name,
      query: 'is:open priority:urgent',
      sort: { column: 'sla', desc: false },
      groupBy: 'state',
      shared: true,
    });

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ ...database, demoTickets: 100 });
      agent = await signIn(server.url, DEMO_AGENT_EMAIL);
      supervisor = await signIn(server.url, DEMO_SUPERVISOR_EMAIL);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('saves a shared view that a colleague pulls, and a delete reaches them as a tombstone', async () => {
      const saved = await push(agent, 'c-views', [
        mutation('c-views', 1, 'view.save', view('v-urgent', 'Urgent')),
      ]);
      expect(saved.body.results).toMatchObject([{ status: 'applied' }]);
      const syncId = saved.body.results[0]?.syncId ?? 0;
      expect(syncId).toBeGreaterThan(0);

      const seen = (await pullAfter(supervisor, syncId - 1)).find((c) => c.kind === 'view');
      expect(seen).toMatchObject({
        id: 'v-urgent',
        deleted: false,
        data: { name: 'Urgent', ownerId: agent.userId },
      });

      // The supervisor cannot rename or delete the agent's view; nothing is written.
      const refused = await push(supervisor, 'c-sup', [
        mutation('c-sup', 1, 'view.save', view('v-urgent', 'Mine now')),
        mutation('c-sup', 2, 'view.delete', { viewId: 'v-urgent' }),
      ]);
      expect(refused.body.results.map((r) => r.code)).toEqual(['forbidden', 'forbidden']);

      const deleted = await push(agent, 'c-views', [
        mutation('c-views', 2, 'view.delete', { viewId: 'v-urgent' }),
      ]);
      expect(deleted.body.results).toMatchObject([{ status: 'applied' }]);
      const tombstone = (await pullAfter(supervisor, syncId)).filter((c) => c.kind === 'view');
      expect(tombstone).toMatchObject([{ id: 'v-urgent', deleted: true }]);

      // Saving the same id again brings it back (undo of a delete).
      const again = await push(agent, 'c-views', [
        mutation('c-views', 3, 'view.save', view('v-urgent', 'Urgent again')),
      ]);
      expect(again.body.results).toMatchObject([{ status: 'applied' }]);
      const back = (await pullAfter(agent, deleted.body.results[0]?.syncId ?? 0)).find(
        (c) => c.kind === 'view',
      );
      expect(back).toMatchObject({ deleted: false, data: { name: 'Urgent again' } });
    });

    it('adds console work sessions to one work record, once per mutation', async () => {
      const rows = await server.db.query<{ data: Ticket }>(
        `select data from entities where kind = 'ticket' and data->>'channel' = 'email' limit 1`,
      );
      const ticket = rows[0]?.data;
      if (!ticket) throw new Error('no email ticket in the demo');
      const work = {
        contactId: `work:${ticket.id}:${agent.userId}:x`,
        ticketId: ticket.id,
        channel: 'email',
      };
      const first = mutation('c-work', 1, 'contact.record', {
        ...work,
        startedAt: 1,
        activeMs: 60_000,
        resolved: false,
      });
      const second = mutation('c-work', 2, 'contact.record', {
        ...work,
        startedAt: 2,
        activeMs: 30_000,
        resolved: true,
      });
      await push(agent, 'c-work', [first, second]);
      await push(agent, 'c-work', [first, second]); // a retry after a lost answer: nothing added twice
      const stored = await server.db.query<{
        data: { activeMs: number; resolved: boolean; agentId: string };
      }>(`select data from entities where kind = 'contact' and id = $1`, [work.contactId]);
      expect(stored[0]?.data).toMatchObject({ activeMs: 90_000, resolved: true, agentId: agent.userId });
    });
  });
}
