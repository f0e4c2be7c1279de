/**
 * KB findability on a real server and database: an agent's searches are
 * appended to their own per-day record (two searches, one row), a colleague
 * pulls them, and nobody can write into another agent's record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbFindabilityRecord } from '../../core/kb';
import { findabilityOf } from '../../core/kb';
import { DEMO_AGENT_EMAIL, DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { startServer, type RunningServer } from '../../server/start';
import { DATABASES, type TestDatabase } from './support/databases';
import { mutation, pullAfter, push, signIn, type TestSession } from './support/client';

for (const kind of DATABASES) {
  describe(`kb.record on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let agent: TestSession;
    let supervisor: TestSession;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ ...database, demoTickets: 20 });
      agent = await signIn(server.url, DEMO_AGENT_EMAIL);
      supervisor = await signIn(server.url, DEMO_SUPERVISOR_EMAIL);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it("appends searches to the agent's day record, pulled by a colleague; another agent's record is refused", async () => {
      const day = '2026-11-23';
      const recordId = `${agent.userId}:${day}`;
      const pushed = await push(agent, 'c-kb', [
        mutation('c-kb', 1, 'kb.record', {
          recordId,
          day,
          query: 'Weekly payout',
          articleId: 'kb-payout-missing',
        }),
        mutation('c-kb', 2, 'kb.record', { recordId, day, query: 'instant pay 402', articleId: null }),
      ]);
      expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'merged']);

      const rows = (await pullAfter(supervisor, 0, 10_000)).filter((c) => c.kind === 'kb_findability');
      expect(rows.map((r) => r.id)).toEqual([recordId]);
      const stats = findabilityOf(rows.map((r) => r.data as KbFindabilityRecord));
      expect([stats.searches, stats.withView, stats.viewsFromSearch.get('kb-payout-missing')]).toEqual([
        2, 1, 1,
      ]);

      const forged = await push(supervisor, 'c-sup-kb', [
        mutation('c-sup-kb', 1, 'kb.record', { recordId, day, query: 'x y', articleId: null }),
      ]);
      expect(forged.body.results).toMatchObject([{ status: 'rejected', code: 'forbidden' }]);
    });
  });
}
