/**
 * Scale-out start-up: several server processes starting together on one
 * PostgreSQL must migrate once and seed once (advisory locks), and accept each
 * other's tokens (the secret lives in the database). Real processes, real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DEMO_AGENT_EMAIL } from '../../core/demo';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { api, listenForPoke, mutation, signIn } from './support/client';
import { DATABASES, type TestDatabase } from './support/databases';
import { startServerProcess, stopServerProcess, type ServerProcess } from './support/process';

const postgres = DATABASES.find((d) => d.name === 'postgres');

const startProcess = (databaseUrl: string) =>
  startServerProcess(['--demo-tickets', '50'], { DATABASE_URL: databaseUrl });

describe.skipIf(!postgres)('two server processes on one PostgreSQL', () => {
  let database: TestDatabase;
  const servers: ServerProcess[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    database = await postgres!.create();
    const started = await Promise.all([
      startProcess(database.databaseUrl!),
      startProcess(database.databaseUrl!),
    ]);
    for (const s of started) {
      servers.push(s);
      urls.push(s.url);
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServerProcess(s)));
    await database?.drop();
  });

  it('migrated and seeded exactly once', async () => {
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      const ws = await client.query('select count(*)::int as n from workspaces');
      expect(ws.rows[0].n).toBe(1);
      const tickets = await client.query(`select count(*)::int as n from entities where kind = 'ticket'`);
      expect(tickets.rows[0].n).toBe(50);
    } finally {
      await client.end();
    }
  });

  it('a change pushed to one process pokes a client connected to the other (LISTEN/NOTIFY)', async () => {
    const [a, b] = urls as [string, string];
    const session = await signIn(a, DEMO_AGENT_EMAIL);
    const pokes = await listenForPoke(b, session.token);
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    const row = await client.query(`select id from entities where kind = 'ticket' limit 1`);
    await client.end();
    const push = await api(session, '/api/sync/push', {
      clientId: 'c-two',
      mutations: [mutation('c-two', 1, 'ticket.tags', { ticketId: row.rows[0].id, add: ['cross-process'] })],
    });
    expect(push.status).toBe(200);
    expect(await pokes.poked).toBe(true);
    pokes.close();
  });

  it('a token from one process is accepted by the other', async () => {
    const [a, b] = urls as [string, string];
    const login = await fetch(`${a}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_AGENT_EMAIL, password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const pull = await fetch(`${b}/api/sync/pull?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(pull.status).toBe(200);
  });
});
