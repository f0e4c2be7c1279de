/**
 * Telemetry intake on a real server and database (PGlite and PostgreSQL):
 * valid, malformed, oversized, unauthenticated and PII-laden bundles, with
 * exactly what is (and is not) stored checked in the database itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL } from '../../core/demo';
import { sampleBundle, T0 } from '../../core/telemetry/bundle.fixture';
import { TELEMETRY_LIMITS, type StoredBundle, type TelemetryMeta } from '../../core/telemetry';
import { startServer, type RunningServer } from '../../server/start';
import { DEMO_INGEST_KEY, seedDemoTelemetry } from '../../server/telemetry/demo';
import { demoScreenshotPng } from '../../server/telemetry/demo-screenshot';
import { api, signIn, type TestSession } from './support/client';
import { DATABASES, type TestDatabase } from './support/databases';

const RATE_LIMIT = 20;

interface ErrorBody {
  error: { code: string; message: string };
}

async function intake(
  base: string,
  path: string,
  body: unknown,
  key: string | null,
  contentType = 'application/json',
) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(key ? { 'x-spark-ingest-key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & ErrorBody };
}

/** The PII a driver's app might send, each value checked to be nowhere in the database afterwards. */
const PII = {
  email: 'jordan.miles@example.com',
  phone: '+44 7700 900123',
  card: '4000 0566 5566 5556',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkcnYifQ.c2lnbmF0dXJlc2lnbg',
  password: 'Summer2026!',
  apiKey: 'sk_live_51HxYz12345678abcd',
};

function piiBundle() {
  return sampleBundle({
    logs: [
      { level: 'info', time: T0, message: `Signed in as ${PII.email}` },
      {
        level: 'error',
        time: T0 + 1,
        message: `Charge failed for card ${PII.card}`,
        context: { auth: `Bearer ${PII.jwt}` },
      },
      { level: 'debug', time: T0 + 2, message: 'config', context: { stripeKey: PII.apiKey } },
    ],
    apiTrace: [
      {
        method: 'POST',
        path: `/v2/auth/login?user=jm&password=${PII.password}`,
        status: 401,
        durationMs: 300,
        startedAt: T0,
      },
    ],
    userMessages: [{ time: T0 + 5, text: `Call me on ${PII.phone}` }],
    attachments: [
      {
        name: 'screen.png',
        contentType: 'image/png',
        dataBase64: demoScreenshotPng(20, 20).toString('base64'),
      },
      {
        name: 'log.txt',
        contentType: 'text/plain',
        dataBase64: Buffer.from(`user ${PII.email}\n`).toString('base64'),
      },
    ],
  });
}

for (const kind of DATABASES) {
  describe(`telemetry intake on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let agent: TestSession;
    let admin: TestSession;

    /** Everything intake could write: a refused bundle must change none of it. */
    const footprint = async () =>
      (
        await server.db.query<Record<string, number>>(
          `select (select count(*)::int from telemetry_bundles) as bundles,
                  (select count(*)::int from telemetry_attachments) as attachments,
                  (select count(*)::int from entities) as entities,
                  (select max(sync_id)::int from workspaces) as sync_id,
                  (select max(next_ticket_number)::int from workspaces) as next_ticket`,
        )
      )[0];

    /** A fresh key per test, so the per-key rate limit does not couple tests. */
    async function newKey(latestVersion: string | null = '4.12.0'): Promise<string> {
      const res = await api<{ key: string }>(admin, '/api/admin/ingestion-keys', {
        appName: 'Spark Driver',
        latestVersion,
      });
      expect(res.status).toBe(201);
      return res.body.key;
    }

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({
        ...database,
        demoTickets: 60,
        telemetry: { rateLimit: { max: RATE_LIMIT, timeWindowMs: 60_000 } },
      });
      agent = await signIn(server.url, DEMO_AGENT_EMAIL);
      admin = await signIn(server.url, DEMO_ADMIN_EMAIL);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('seeds demo bundles on open demo tickets, with their metadata in the pull', async () => {
      const pulled = await api<{ changes: { kind: string; data: TelemetryMeta }[] }>(
        agent,
        '/api/sync/pull?cursor=0&limit=10000',
      );
      const metas = pulled.body.changes.filter((c) => c.kind === 'telemetry').map((c) => c.data);
      expect(metas.length).toBe(6);
      expect(metas.some((m) => m.outdated)).toBe(true);
      expect(metas.every((m) => m.counts.logs > 50 && m.counts.failedCalls > 0)).toBe(true);
      expect(metas.some((m) => m.redactions.email > 0 && m.redactions.card > 0)).toBe(true);
      // Seeding again (a second process starting on the same database) adds nothing.
      const again = await Promise.all([
        seedDemoTelemetry(server.db, Date.now()),
        seedDemoTelemetry(server.db, Date.now()),
      ]);
      expect(again).toEqual([0, 0]);
      const count = await server.db.query<{ n: number }>(
        `select count(*)::int as n from entities where kind = 'telemetry'`,
      );
      expect(Number(count[0]?.n)).toBe(6);
    });

    it('creates a ticket with a PII-laden bundle and stores it redacted, exactly', async () => {
      const key = await newKey();
      const before = await footprint();
      const res = await intake(
        server.url,
        '/api/intake/tickets',
        {
          subject: 'Payout stuck',
          message: `Please help, ${PII.email}`,
          customer: { name: 'Jordan Miles' },
          telemetry: piiBundle(),
        },
        key,
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        ticketRef: expect.stringMatching(/^SD-\d+$/),
        outdated: true,
        latestVersion: '4.12.0',
        // Bundle: email ×2 (log, text attachment), card, bearer JWT, API key, password, phone; message: email.
        redactions: { email: 3, card: 1, token: 2, password: 1, phone: 1 },
      });
      const after = await footprint();
      // One ticket, one customer message, one new customer, one telemetry row; one bundle, two attachments.
      expect(after).toMatchObject({
        bundles: (before?.bundles ?? 0) + 1,
        attachments: (before?.attachments ?? 0) + 2,
        entities: (before?.entities ?? 0) + 4,
        next_ticket: (before?.next_ticket ?? 0) + 1,
      });

      const ticketId = String(res.body.ticketId);
      const rows = await server.db.query<{ kind: string; data: Record<string, unknown> }>(
        `select kind, data from entities where (kind = 'ticket' and id = $1) or data->>'ticketId' = $1
           or (kind = 'customer' and id = (select data->>'customerId' from entities where kind = 'ticket' and id = $1))`,
        [ticketId],
      );
      const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.data]));
      // Created through the one intake path: triaged (area, squad) and marked as an in-app report.
      expect(byKind.ticket).toMatchObject({
        subject: 'Payout stuck',
        channel: 'portal',
        productArea: expect.any(String),
        squadId: expect.any(String),
        tags: expect.arrayContaining(['in-app', 'telemetry']),
      });
      expect(['new', 'triaged']).toContain(byKind.ticket?.state);
      expect(byKind.message).toMatchObject({ kind: 'customer', body: 'Please help, [email redacted]' });
      expect(byKind.customer).toMatchObject({ name: 'Jordan Miles', email: '' });
      expect(byKind.telemetry).toMatchObject({
        appVersion: '4.9.2',
        outdated: true,
        counts: { logs: 3, attachments: 2 },
      });

      const stored = (
        await server.db.query<{ body: StoredBundle }>('select body from telemetry_bundles where id = $1', [
          res.body.bundleId,
        ])
      )[0]?.body;
      expect(stored?.logs.map((l) => l.message)).toEqual([
        'Signed in as [email redacted]',
        'Charge failed for card [card redacted •••• 5556]',
        'config',
      ]);
      expect(stored?.logs[1]?.context).toEqual({ auth: 'Bearer [token redacted]' });
      expect(stored?.logs[2]?.context).toEqual({ stripeKey: '[token redacted]' });
      expect(stored?.apiTrace[0]?.path).toBe('/v2/auth/login?user=jm&password=[password redacted]');
      expect(stored?.userMessages[0]?.text).toBe('Call me on [phone redacted]');
      expect(stored?.attachments).toEqual([
        { index: 0, name: 'screen.png', contentType: 'image/png', bytes: demoScreenshotPng(20, 20).length },
        { index: 1, name: 'log.txt', contentType: 'text/plain', bytes: 'user [email redacted]\n'.length },
      ]);
      const files = await server.db.query<{ data: Uint8Array }>(
        'select data from telemetry_attachments where bundle_id = $1 order by idx',
        [res.body.bundleId],
      );
      expect(Buffer.from(files[0]?.data ?? []).equals(demoScreenshotPng(20, 20))).toBe(true);
      expect(Buffer.from(files[1]?.data ?? []).toString()).toBe('user [email redacted]\n');

      // No raw PII anywhere in what was written.
      const everything = JSON.stringify(
        await server.db.query(
          `select (select json_agg(data) from entities where data->>'ticketId' = $1 or id = $1) as e,
                  (select json_agg(body) from telemetry_bundles where ticket_id = $1) as b`,
          [ticketId],
        ),
      );
      for (const value of Object.values(PII)) expect(everything).not.toContain(value);
      expect(everything).not.toContain('4000056655665556');
    });

    it('accepts another app’s log format, and a bundle at the count limits', async () => {
      const key = await newKey();
      const foreign = {
        ...sampleBundle(),
        logs: [{ severity: 'fatal', ts: T0 / 1000, msg: 'crash', meta: { screen: { name: 'Home' } } }],
        apiTrace: [
          { verb: 'get', url: 'https://api.x.io/v1/a', statusCode: 503, latency_ms: 80, timestamp: T0 },
        ],
      };
      const ok = await intake(
        server.url,
        '/api/intake/tickets',
        { subject: 's', message: 'm', telemetry: foreign },
        key,
      );
      expect(ok.status).toBe(201);
      const stored = (
        await server.db.query<{ body: StoredBundle }>('select body from telemetry_bundles where id = $1', [
          ok.body.bundleId,
        ])
      )[0]?.body;
      expect(stored?.logs).toEqual([
        { level: 'error', time: T0, message: 'crash', context: { screen: '{"name":"Home"}' } },
      ]);
      expect(stored?.apiTrace[0]).toMatchObject({
        method: 'GET',
        status: 503,
        durationMs: 80,
        startedAt: T0,
      });

      const full = sampleBundle({
        logs: Array.from({ length: TELEMETRY_LIMITS.logs }, (_, i) => ({
          level: 'info',
          time: T0 + i,
          message: `line ${i}`,
        })),
        apiTrace: Array.from({ length: TELEMETRY_LIMITS.apiCalls }, (_, i) => ({
          method: 'GET',
          path: `/v1/items/${i}`,
          status: 200,
          durationMs: 10,
          startedAt: T0 + i,
        })),
      });
      const big = await intake(
        server.url,
        '/api/intake/tickets',
        { subject: 's', message: 'm', telemetry: full },
        key,
      );
      expect(big.status).toBe(201);
      const meta = (
        await server.db.query<{ data: TelemetryMeta }>(
          `select data from entities where kind = 'telemetry' and id = $1`,
          [big.body.bundleId],
        )
      )[0]?.data;
      expect(meta?.counts).toMatchObject({
        logs: TELEMETRY_LIMITS.logs,
        apiCalls: TELEMETRY_LIMITS.apiCalls,
      });
    });

    it('attaches a bundle to an existing ticket by reference, and answers 404 for an unknown one', async () => {
      const key = await newKey(null);
      const ticket = (
        await server.db.query<{ ref: string; id: string }>(
          `select data->>'ref' as ref, id from entities where kind = 'ticket' order by id limit 1`,
        )
      )[0];
      const ok = await intake(
        server.url,
        `/api/intake/tickets/${ticket?.ref.toLowerCase()}/telemetry`,
        sampleBundle(),
        key,
      );
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ ticketId: ticket?.id, ticketRef: ticket?.ref });
      const before = await footprint();
      const missing = await intake(
        server.url,
        '/api/intake/tickets/SD-999999/telemetry',
        sampleBundle(),
        key,
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe('No ticket SD-999999 in this workspace.');
      const garbage = await intake(
        server.url,
        '/api/intake/tickets/not-a-ref/telemetry',
        sampleBundle(),
        key,
      );
      expect(garbage.status).toBe(404);
      expect(await footprint()).toEqual(before);
    });

    it('refuses malformed bundles with 400/415/422 naming the problem, and stores nothing', async () => {
      const key = await newKey();
      const before = await footprint();
      const cases: [unknown, number, string, RegExp][] = [
        ['{"subject": "x", ', 400, 'bad_request', /JSON/i],
        [
          { subject: 'x', message: 'y', telemetry: { ...sampleBundle(), log: [] } },
          422,
          'invalid_payload',
          /telemetry: Unrecognized key: "log"/,
        ],
        [{ subject: '', message: 'y', telemetry: sampleBundle() }, 422, 'invalid_payload', /subject/],
        [
          { subject: 'x', message: 'y', telemetry: sampleBundle({ capturedAt: 'last tuesday' }) },
          422,
          'invalid_payload',
          /telemetry\.capturedAt: not a time/,
        ],
        [
          {
            subject: 'x',
            message: 'y',
            telemetry: sampleBundle({ logs: [{ level: 'loud', time: T0, message: 'x' }] }),
          },
          422,
          'invalid_payload',
          /telemetry\.logs\.0\.level: unknown log level/,
        ],
        [
          {
            subject: 'x',
            message: 'y',
            telemetry: sampleBundle({
              logs: Array.from({ length: TELEMETRY_LIMITS.logs + 1 }, () => ({
                level: 'info',
                time: T0,
                message: 'x',
              })),
            }),
          },
          422,
          'invalid_payload',
          /telemetry\.logs: Too big/,
        ],
        [
          {
            subject: 'x',
            message: 'y',
            telemetry: sampleBundle({
              attachments: [
                {
                  name: 'fake.png',
                  contentType: 'image/png',
                  dataBase64: Buffer.from('<svg onload=alert(1)>').toString('base64'),
                },
              ],
            }),
          },
          422,
          'invalid_payload',
          /attachments\.0 \(fake\.png\) is not a image\/png file/,
        ],
        [
          {
            subject: 'x',
            message: 'y',
            telemetry: sampleBundle({
              attachments: [{ name: 'a.txt', contentType: 'text/plain', dataBase64: '!!not base64!!' }],
            }),
          },
          422,
          'invalid_payload',
          /not base64/,
        ],
        [
          {
            subject: 'x',
            message: 'y',
            telemetry: sampleBundle({
              attachments: [
                {
                  name: 'a.txt',
                  contentType: 'text/plain',
                  dataBase64: Buffer.from([0xff, 0xfe, 0x00, 0xd8]).toString('base64'),
                },
              ],
            }),
          },
          422,
          'invalid_payload',
          /not UTF-8 text/,
        ],
      ];
      for (const [body, status, code, message] of cases) {
        const res = await intake(server.url, '/api/intake/tickets', body, key);
        expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
        expect(res.body.error.message).toMatch(message);
      }
      const notJson = await intake(
        server.url,
        '/api/intake/tickets',
        'subject=x',
        key,
        'application/x-www-form-urlencoded',
      );
      expect(notJson.status).toBe(415);
      expect(await footprint()).toEqual(before);
    });

    it('refuses oversized bodies and attachments with 413, and stores nothing', async () => {
      const key = await newKey();
      const before = await footprint();
      const huge = 'a'.repeat(TELEMETRY_LIMITS.bodyBytes + 1);
      const body = await intake(
        server.url,
        '/api/intake/tickets',
        { subject: 'x', message: 'y', telemetry: { ...sampleBundle(), pad: huge } },
        key,
      );
      expect(body.status).toBe(413);
      expect(body.body.error.code).toBe('payload_too_large');
      const big = Buffer.alloc(TELEMETRY_LIMITS.attachmentBytes + 1, 'a').toString('base64');
      const file = await intake(
        server.url,
        '/api/intake/tickets',
        {
          subject: 'x',
          message: 'y',
          telemetry: sampleBundle({
            attachments: [{ name: 'big.txt', contentType: 'text/plain', dataBase64: big }],
          }),
        },
        key,
      );
      expect(file.status).toBe(413);
      expect(file.body.error).toMatchObject({ code: 'attachment_too_large' });
      expect(file.body.error.message).toMatch(/big\.txt.*at most 3145728 bytes/);
      expect(await footprint()).toEqual(before);
    });

    it('refuses requests without a valid ingestion key (missing, unknown, an agent token, revoked)', async () => {
      const before = await footprint();
      const valid = { subject: 'x', message: 'y', telemetry: sampleBundle() };
      // Refused before the body is read: an 8 MB+ body without a key is a 401, not a 413.
      const bigNoKey = await intake(
        server.url,
        '/api/intake/tickets',
        { ...valid, pad: 'a'.repeat(TELEMETRY_LIMITS.bodyBytes + 1) },
        null,
      );
      expect(bigNoKey.status).toBe(401);
      const none = await intake(server.url, '/api/intake/tickets', valid, null);
      expect([none.status, none.body.error.code]).toEqual([401, 'ingest_key_required']);
      const unknown = await intake(server.url, '/api/intake/tickets', valid, 'spk_ing_guessed');
      expect([unknown.status, unknown.body.error.code]).toEqual([401, 'invalid_ingest_key']);
      const asAgent = await api<ErrorBody>(agent, '/api/intake/tickets', valid);
      expect([asAgent.status, asAgent.body.error.code]).toEqual([401, 'ingest_key_required']);
      const bearer = await fetch(`${server.url}/api/intake/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer spk_ing_nope' },
        body: JSON.stringify(valid),
      });
      expect(bearer.status).toBe(401);

      const made = await api<{ id: string; key: string }>(admin, '/api/admin/ingestion-keys', {
        appName: 'Old app',
      });
      expect(
        (await api(admin, `/api/admin/ingestion-keys/${made.body.id}`, undefined, 'DELETE')).status,
      ).toBe(200);
      const revoked = await intake(server.url, '/api/intake/tickets', valid, made.body.key);
      expect([revoked.status, revoked.body.error.code]).toEqual([401, 'invalid_ingest_key']);
      expect(await footprint()).toEqual(before);
    });

    it('rate-limits each key (per sending address) with 429, across both routes, leaving other keys alone', async () => {
      const key = await newKey();
      const other = await newKey();
      const statuses: number[] = [];
      // Both intake routes draw on one budget per key.
      for (let i = 0; i < RATE_LIMIT; i++)
        statuses.push(
          i % 2 === 0
            ? (await intake(server.url, '/api/intake/tickets/SD-999999/telemetry', sampleBundle(), key))
                .status
            : (await intake(server.url, '/api/intake/tickets', {}, key)).status,
        );
      expect(statuses).toEqual(Array.from({ length: RATE_LIMIT }, (_, i) => (i % 2 === 0 ? 404 : 422)));
      const limited = await fetch(`${server.url}/api/intake/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-spark-ingest-key': key },
        body: JSON.stringify({ subject: 'x', message: 'y', telemetry: sampleBundle() }),
      });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await limited.json()) as ErrorBody).error).toMatchObject({ code: 'rate_limited' });
      expect(
        (await intake(server.url, '/api/intake/tickets/SD-999999/telemetry', sampleBundle(), other)).status,
      ).toBe(404);
    });

    it('the Authorization header carries a key too, and the demo key works', async () => {
      const res = await fetch(`${server.url}/api/intake/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_INGEST_KEY}` },
        body: JSON.stringify({ subject: 'Demo', message: 'From the demo key', telemetry: sampleBundle() }),
      });
      expect(res.status).toBe(201);
    });

    it('serves bundles and attachments to agents only', async () => {
      const key = await newKey();
      const made = await intake(
        server.url,
        '/api/intake/tickets',
        { subject: 's', message: 'm', telemetry: piiBundle() },
        key,
      );
      const bundleId = String(made.body.bundleId);
      const got = await api<{ bundle: StoredBundle }>(agent, `/api/telemetry/bundles/${bundleId}`);
      expect(got.status).toBe(200);
      expect(got.body.bundle.redactions).toEqual({ email: 2, phone: 1, card: 1, token: 2, password: 1 });
      const png = await fetch(`${server.url}/api/telemetry/bundles/${bundleId}/attachments/0`, {
        headers: { authorization: `Bearer ${agent.token}` },
      });
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(png.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await png.arrayBuffer()).equals(demoScreenshotPng(20, 20))).toBe(true);
      expect((await fetch(`${server.url}/api/telemetry/bundles/${bundleId}`)).status).toBe(401);
      expect((await api(agent, '/api/telemetry/bundles/tb-nope')).status).toBe(404);
      expect((await api(agent, `/api/telemetry/bundles/${bundleId}/attachments/7`)).status).toBe(404);
      expect((await api(agent, `/api/telemetry/bundles/${bundleId}/attachments/x`)).status).toBe(422);
    });

    it('lets an agent attach the console diagnostics to a ticket; refuses malformed ones', async () => {
      const ticketId = (
        await server.db.query<{ id: string }>(`select id from entities where kind = 'ticket' limit 1`)
      )[0]?.id;
      const diag = {
        userId: 'u-ava',
        app: { name: 'Spark Console', version: '0.1.0' },
        device: { browser: 'Chrome 131', os: 'Linux' },
        capturedAt: T0,
        logs: [{ level: 'error', time: T0, message: 'Push failed for ana@x.io' }],
      };
      const ok = await api<{ meta: TelemetryMeta }>(
        agent,
        `/api/telemetry/tickets/${ticketId}/console-diagnostics`,
        diag,
      );
      expect(ok.status).toBe(201);
      expect(ok.body.meta).toMatchObject({
        source: 'console',
        appName: 'Spark Console',
        redactions: { email: 1 },
      });
      const bad = await api<ErrorBody>(agent, `/api/telemetry/tickets/${ticketId}/console-diagnostics`, {
        ...diag,
        capturedAt: 'x',
      });
      expect(bad.status).toBe(422);
      const nowhere = await api<ErrorBody>(
        agent,
        '/api/telemetry/tickets/tkt-nope/console-diagnostics',
        diag,
      );
      expect(nowhere.status).toBe(404);
    });

    it('keeps ingestion keys to admins, and never lists a key or its hash', async () => {
      expect((await api(agent, '/api/admin/ingestion-keys', { appName: 'x' })).status).toBe(403);
      const list = await api<{ keys: Record<string, unknown>[] }>(admin, '/api/admin/ingestion-keys');
      expect(list.status).toBe(200);
      expect(list.body.keys.length).toBeGreaterThan(0);
      for (const k of list.body.keys)
        expect(Object.keys(k).sort()).toEqual([
          'appName',
          'createdAt',
          'id',
          'latestVersion',
          'revokedAt',
          'workspaceId',
        ]);
      const stored = await server.db.query<{ key_hash: string }>('select key_hash from ingestion_keys');
      expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);
      expect(JSON.stringify(stored)).not.toContain(DEMO_INGEST_KEY);
    });
  });
}
