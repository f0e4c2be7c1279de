/**
 * The server on a real database (PGlite and PostgreSQL): migrations, demo seed,
 * sign-in, paged pull, and the bad-input paths. Nothing is mocked.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/database';
import { migrate, MIGRATIONS } from '../../server/db/migrations';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../../server/demo/seed';
import { startServer, type RunningServer } from '../../server/start';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import { DATABASES, type TestDatabase } from './support/databases';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const TICKETS = 120;

/** What the endpoints under test answer: a session, or an error. */
interface ApiBody {
  token: string;
  error: { code: string; message: string };
}

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as ApiBody };
}

for (const kind of DATABASES) {
  describe(`server foundation on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let token: string;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ ...database, demoTickets: TICKETS, tokenTtlMs: 60_000 });
      const login = await post(server.url, '/api/auth/login', {
        email: DEMO_AGENT_EMAIL,
        password: DEMO_PASSWORD,
      });
      expect(login.status).toBe(200);
      token = login.body.token;
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('has applied every migration once, and a second run applies nothing', async () => {
      const rows = await server.db.query<{ id: number }>('select id from schema_migrations order by id');
      expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
      expect(await migrate(server.db)).toEqual([]);
    });

    it("runs a transaction's queries issued together one after another, in order, without pg's warning", async () => {
      // How many queries each PostgreSQL connection has in flight at once, at most (pg 8
      // queues a second one itself, with a deprecation warning; pg 9 refuses it). PGlite
      // has no pg connection: there the answers and their order are what is checked.
      const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
      const original = proto.query;
      const inFlight = new WeakMap<object, number>();
      let most = 0;
      proto.query = function (this: object, ...args: unknown[]) {
        const result = original.apply(this, args);
        if (result instanceof Promise) {
          inFlight.set(this, (inFlight.get(this) ?? 0) + 1);
          most = Math.max(most, inFlight.get(this) ?? 0);
          const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
          result.then(done, done);
        }
        return result;
      };
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      try {
        const answers = await server.db.transaction((tx) =>
          Promise.all([
            tx.query<{ n: number }>('select 1 as n from pg_sleep(0.05)'),
            tx.query<{ n: number }>('select 2 as n'),
            tx.query<{ n: number }>('select 3 as n'),
          ]),
        );
        expect(answers.map((rows) => rows[0]?.n)).toEqual([1, 2, 3]);
        // A failed query fails its transaction, which rolls back only once the others
        // issued with it are done; the next one on the database still runs.
        await expect(
          server.db.transaction((tx) =>
            Promise.all([tx.query('select no_such_column'), tx.query('select pg_sleep(0.05)')]),
          ),
        ).rejects.toThrow(/no_such_column/);
        expect(await server.db.query<{ n: number }>('select 4 as n')).toEqual([{ n: 4 }]);
        await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      } finally {
        proto.query = original;
        process.off('warning', onWarning);
      }
      expect(most).toBeLessThanOrEqual(1);
      expect(warnings.filter((m) => m.includes('already executing a query'))).toEqual([]);
    });

    it('seeds the demo workspace once', async () => {
      const counts = await server.db.query<{ kind: string; n: number }>(
        'select kind, count(*)::int as n from entities group by kind',
      );
      const byKind = Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)]));
      expect(byKind.ticket).toBe(TICKETS);
      expect(byKind.customer).toBeGreaterThan(0);
      expect(byKind.message).toBeGreaterThanOrEqual(TICKETS);
      expect(await seedDemoIfEmpty(server.db, { tickets: 5, now: NOW })).toBe(false);
      const again = await server.db.query<{ n: number }>(
        `select count(*)::int as n from entities where kind = 'ticket'`,
      );
      expect(Number(again[0]?.n)).toBe(TICKETS);
    });

    it('gives every row a distinct syncId, and pull pages through all of them exactly once (archived ones read, not sent)', async () => {
      const total = await server.db.query<{ n: number; max: number }>(
        'select count(*)::int as n, max(sync_id) as max from entities',
      );
      const seen = new Set<string>();
      let cursor = 0;
      let pages = 0;
      for (;;) {
        const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=97`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        const page = (await res.json()) as {
          changes: { kind: string; id: string; syncId: number }[];
          cursor: number;
          hasMore: boolean;
        };
        for (const c of page.changes) {
          expect(c.syncId).toBeGreaterThan(cursor);
          const key = `${c.kind}:${c.id}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
        expect(page.changes.length).toBeLessThanOrEqual(97);
        cursor = page.cursor;
        pages++;
        if (!page.hasMore) break;
      }
      // Closed tickets' messages up to the closing are archived: read (a page holds up to 97
      // rows read) but not handed out (see sync-routes.ts and archived-threads.test.ts).
      const archived = await server.db.query<{ n: number }>(
        `select count(*)::int as n from entities e where e.kind = 'message' and exists (
           select 1 from entities t where t.kind = 'ticket' and t.id = e.data->>'ticketId'
              and t.data->>'state' = 'closed' and (e.data->>'createdAt')::bigint <= (t.data->>'closedAt')::bigint)`,
      );
      expect(Number(archived[0]?.n)).toBeGreaterThan(0);
      expect(seen.size).toBe(Number(total[0]?.n) - Number(archived[0]?.n));
      expect(cursor).toBe(Number(total[0]?.max));
      expect(pages).toBe(Math.ceil(Number(total[0]?.n) / 97));
    });

    it("serves the agent's own open queue first, with its customers and messages", async () => {
      const me = (
        await server.db.query<{ id: string }>('select id from users where email = $1', [DEMO_AGENT_EMAIL])
      )[0]?.id;
      // Take two open tickets into my queue, as the console's "Assign to me" does.
      const open = await server.db.query<{ id: string; assignee: string | null }>(
        `select id, data->>'assigneeId' as assignee from entities where kind = 'ticket'
           and data->>'state' in ('new', 'triaged', 'in_progress') order by id limit 2`,
      );
      expect(open).toHaveLength(2);
      const assign = await post(
        server.url,
        '/api/sync/push',
        {
          clientId: 'c-mine',
          mutations: open.map((t, i) => ({
            mid: `c-mine-${i}`,
            clientId: 'c-mine',
            seq: i + 1,
            name: 'ticket.set_fields',
            args: { ticketId: t.id, set: { assigneeId: me } },
            base: { assigneeId: t.assignee },
            at: NOW,
          })),
        },
        { authorization: `Bearer ${token}` },
      );
      expect(assign.status).toBe(200);

      const res = await fetch(`${server.url}/api/sync/bootstrap/mine`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const { changes } = (await res.json()) as {
        changes: { kind: string; id: string; data: Record<string, unknown> }[];
      };
      const expected = await server.db.query<{ id: string }>(
        `select id from entities where kind = 'ticket' and data->>'assigneeId' = $1
           and data->>'state' not in ('resolved', 'verified', 'closed')`,
        [me],
      );
      const tickets = changes.filter((c) => c.kind === 'ticket');
      for (const t of open) expect(tickets.map((x) => x.id)).toContain(t.id);
      expect(tickets.map((t) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
      const customerIds = new Set(changes.filter((c) => c.kind === 'customer').map((c) => c.id));
      for (const t of tickets) expect(customerIds.has(String(t.data.customerId))).toBe(true);
      const ticketIds = new Set(tickets.map((t) => t.id));
      for (const m of changes.filter((c) => c.kind === 'message'))
        expect(ticketIds.has(String(m.data.ticketId))).toBe(true);
      expect(changes.some((c) => c.kind === 'user' && c.id === me)).toBe(true);
    });

    it('rejects a wrong password, an unknown user, malformed JSON, unknown fields and an oversized body', async () => {
      const wrong = await post(server.url, '/api/auth/login', { email: DEMO_AGENT_EMAIL, password: 'nope' });
      expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'bad_credentials' } } });
      const unknown = await post(server.url, '/api/auth/login', {
        email: 'nobody@spark.demo',
        password: DEMO_PASSWORD,
      });
      expect(unknown).toMatchObject({ status: 401, body: { error: { code: 'bad_credentials' } } });
      const malformed = await post(server.url, '/api/auth/login', '{"email": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/JSON/i);
      const extra = await post(server.url, '/api/auth/login', {
        email: DEMO_AGENT_EMAIL,
        password: DEMO_PASSWORD,
        admin: true,
      });
      expect(extra).toMatchObject({ status: 422, body: { error: { code: 'invalid_payload' } } });
      const huge = await post(server.url, '/api/auth/login', {
        email: DEMO_AGENT_EMAIL,
        password: 'x'.repeat(2 * 1024 * 1024),
      });
      expect(huge).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    });

    it('demands a valid, unexpired token', async () => {
      const none = await fetch(`${server.url}/api/sync/pull`);
      expect(none.status).toBe(401);
      const forged = await fetch(`${server.url}/api/sync/pull`, {
        headers: { authorization: `Bearer ${token.slice(0, -2)}xx` },
      });
      expect(forged.status).toBe(401);
      const badQuery = await fetch(`${server.url}/api/sync/pull?cursor=-1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(badQuery.status).toBe(422);
    });
  });
}

describe('expired tokens', () => {
  it('are refused with token_expired so the client can ask the agent to sign in again', async () => {
    let clock = NOW;
    const server = await startServer({
      dataDir: 'memory://',
      demoTickets: 10,
      tokenTtlMs: 1_000,
      now: () => clock,
    });
    try {
      const login = await post(server.url, '/api/auth/login', {
        email: DEMO_AGENT_EMAIL,
        password: DEMO_PASSWORD,
      });
      const auth = { authorization: `Bearer ${login.body.token}` };
      expect((await fetch(`${server.url}/api/sync/pull`, { headers: auth })).status).toBe(200);
      clock += 1_001;
      const expired = await fetch(`${server.url}/api/sync/pull`, { headers: auth });
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('token_expired');
    } finally {
      await server.close();
    }
  });
});

describe('PGlite on disk', () => {
  it('keeps its data across restarts', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'spark-pglite-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await migrate(first);
      await seedDemoIfEmpty(first, { tickets: 15, now: NOW });
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      const rows = await second.query<{ n: number }>(
        `select count(*)::int as n from entities where kind = 'ticket'`,
      );
      expect(Number(rows[0]?.n)).toBe(15);
      expect(await migrate(second)).toEqual([]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
