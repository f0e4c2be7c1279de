/**
 * Sync figures on a real server and database: push throughput (mutations/s)
 * and reconnect convergence (a client with 500 queued mutations pushes them and
 * pulls until caught up), on each database the machine has.
 */
import { performance } from 'node:perf_hooks';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import type { PushResponse } from '../../core/sync';
import { startServer } from '../../server/start';
import { api, mutation, signIn, type TestSession } from '../integration/support/client';
import { DATABASES } from '../integration/support/databases';

export interface SyncSample {
  database: string;
  pushPerSecond: number;
  reconnectMs: number;
}

async function ticketIds(session: TestSession): Promise<string[]> {
  const ids: string[] = [];
  let cursor = 0;
  for (;;) {
    const { body } = await api<{ changes: { kind: string; id: string }[]; cursor: number; hasMore: boolean }>(
      session,
      `/api/sync/pull?cursor=${cursor}&limit=10000`,
    );
    for (const c of body.changes) if (c.kind === 'ticket') ids.push(c.id);
    cursor = body.cursor;
    if (!body.hasMore) return ids;
  }
}

/** A realistic mix: tags, internal notes and priority changes on many tickets. */
function workload(clientId: string, count: number, tickets: string[], firstSeq = 1) {
  return Array.from({ length: count }, (_, i) => {
    const ticketId = tickets[i % tickets.length] ?? '';
    const seq = firstSeq + i;
    if (i % 3 === 0) return mutation(clientId, seq, 'ticket.tags', { ticketId, add: [`bench-${i % 7}`] });
    if (i % 3 === 1) {
      return mutation(clientId, seq, 'ticket.add_message', {
        ticketId,
        messageId: `${clientId}-n${seq}`,
        kind: 'internal_note',
        body: 'Checked the payout ledger.',
      });
    }
    return mutation(clientId, seq, 'ticket.tags', { ticketId, add: ['bench'], remove: [`bench-${i % 7}`] });
  });
}

export async function measureSync(mutations: number, runs: number): Promise<SyncSample[]> {
  const samples: SyncSample[] = [];
  for (const kind of DATABASES) {
    for (let run = 0; run < runs; run++) {
      const database = await kind.create();
      const server = await startServer({ ...database, demoTickets: 2_000 });
      // Not measured here: the bootstrap snapshot's first build, in the background after start.
      await server.bootstrapSnapshots?.allReady();
      try {
        const session = await signIn(server.url, DEMO_AGENT_EMAIL);
        const tickets = await ticketIds(session);

        const batch = workload(`bench-push-${run}`, mutations, tickets);
        const t0 = performance.now();
        for (let i = 0; i < batch.length; i += 500) {
          const res = await api<PushResponse>(session, '/api/sync/push', {
            clientId: `bench-push-${run}`,
            mutations: batch.slice(i, i + 500),
          });
          if (res.status !== 200) throw new Error(`push failed: ${res.status}`);
        }
        const pushMs = performance.now() - t0;

        // Reconnect: 500 queued mutations, pushed in the client's batch size, then pull to convergence.
        const clientId = `bench-reconnect-${run}`;
        const queued = workload(clientId, 500, tickets);
        const before = await api<{ cursor: number }>(session, '/api/sync/pull?cursor=0&limit=1');
        let cursor = before.body.cursor;
        const t1 = performance.now();
        for (let i = 0; i < queued.length; i += 200) {
          await api(session, '/api/sync/push', { clientId, mutations: queued.slice(i, i + 200) });
        }
        for (;;) {
          const { body } = await api<{ cursor: number; hasMore: boolean }>(
            session,
            `/api/sync/pull?cursor=${cursor}&limit=5000`,
          );
          cursor = body.cursor;
          if (!body.hasMore) break;
        }
        samples.push({
          database: kind.name,
          pushPerSecond: (mutations / pushMs) * 1000,
          reconnectMs: performance.now() - t1,
        });
      } finally {
        await server.close();
        await database.drop();
      }
    }
  }
  return samples;
}
