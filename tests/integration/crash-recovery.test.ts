/**
 * Crashes, for real: the server process is killed with SIGKILL in the middle of
 * applying a 500-mutation batch, restarted on the same data, and the client
 * (which never saw a response) pushes the whole batch again. Every mutation
 * must end up applied exactly once: none lost, none doubled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import type { PushResponse } from '../../core/sync';
import { api, mutation, signIn } from './support/client';
import { DATABASES, type TestDatabase } from './support/databases';
import { startServerProcess, stopServerProcess, type ServerProcess } from './support/process';

const BATCH = 500;

for (const kind of DATABASES) {
  describe(`server killed mid-batch on ${kind.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c();
    });

    it('applies every mutation exactly once after restart and re-push', async () => {
      let args: string[];
      let env: Record<string, string | undefined> = {};
      if (kind.name === 'pglite') {
        const dir = mkdtempSync(join(tmpdir(), 'spark-crash-'));
        cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
        args = ['--data-dir', dir, '--demo-tickets', '40'];
      } else {
        const database: TestDatabase = await kind.create();
        cleanups.push(() => database.drop());
        args = ['--demo-tickets', '40'];
        env = { DATABASE_URL: database.databaseUrl };
      }

      let server: ServerProcess = await startServerProcess(args, env);
      cleanups.push(() => stopServerProcess(server));
      const session = await signIn(server.url, DEMO_AGENT_EMAIL);
      const pulled = await api<{ changes: { kind: string; id: string }[] }>(
        session,
        '/api/sync/pull?cursor=0&limit=10000',
      );
      const ticketId = pulled.body.changes.find((c) => c.kind === 'ticket')?.id ?? '';
      const batch = Array.from({ length: BATCH }, (_, i) =>
        mutation('c-crash', i + 1, 'ticket.add_message', {
          ticketId,
          messageId: `crash-msg-${i + 1}`,
          kind: 'internal_note',
          body: `note ${i + 1}`,
        }),
      );

      // Push, and kill the server as soon as it has committed the first mutations.
      const inFlight = api(session, '/api/sync/push', { clientId: 'c-crash', mutations: batch }).catch(
        (e: unknown) => e,
      );
      let processed = 0;
      while (processed === 0) {
        const page = await api<{ lastSeq: number }>(
          session,
          '/api/sync/pull?cursor=0&limit=1&clientId=c-crash',
        );
        processed = page.body.lastSeq;
      }
      await stopServerProcess(server, 'SIGKILL');
      const lost = await inFlight;
      expect(lost).toBeInstanceOf(Error); // the client never got its answer

      server = await startServerProcess(args, env);
      const again = await signIn(server.url, DEMO_AGENT_EMAIL);
      const before = await api<{ lastSeq: number }>(
        again,
        '/api/sync/pull?cursor=0&limit=1&clientId=c-crash',
      );
      console.log(`${kind.name}: ${before.body.lastSeq} of ${BATCH} mutations were committed before SIGKILL`);
      expect(before.body.lastSeq).toBeGreaterThan(0);
      expect(before.body.lastSeq).toBeLessThan(BATCH); // the crash really was mid-batch

      const retry = await api<PushResponse>(again, '/api/sync/push', {
        clientId: 'c-crash',
        mutations: batch,
      });
      expect(retry.status).toBe(200);
      expect(retry.body.lastSeq).toBe(BATCH);
      expect(retry.body.results).toHaveLength(BATCH);
      expect(retry.body.results.every((r) => r.status === 'applied')).toBe(true);

      // Exactly once: every note is there, none twice.
      const notes = new Map<string, number>();
      let cursor = 0;
      for (;;) {
        const { body: page } = await api<{
          changes: { kind: string; id: string }[];
          cursor: number;
          hasMore: boolean;
        }>(again, `/api/sync/pull?cursor=${cursor}&limit=5000`);
        for (const c of page.changes)
          if (c.kind === 'message' && c.id.startsWith('crash-msg-'))
            notes.set(c.id, (notes.get(c.id) ?? 0) + 1);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(notes.size).toBe(BATCH);
      expect([...notes.values()].every((n) => n === 1)).toBe(true);
    });
  });
}
