/**
 * Call-log import on a real server and database (PGlite and PostgreSQL): the
 * example export goes in as contact records every client pulls, a second
 * import of the same file adds nothing, and the bad-input paths answer with a
 * clear error and store nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, DEMO_SUPERVISOR_EMAIL } from '../../core/demo';
import { callLogKpis, parseCallLog } from '../../core/metrics';
import type { ContactRecord } from '../../core/metrics/contact';
import { startServer, type RunningServer } from '../../server/start';
import { IMPORT_BODY_LIMIT } from '../../server/http/contact-import-routes';
import type { ImportResult } from '../../server/contacts/import';
import { signIn, type TestSession } from './support/client';
import { DATABASES, type TestDatabase } from './support/databases';

const EXAMPLE = readFileSync('../shared/data/call_center/call_center_dataset.csv', 'utf8');
const HEADER = EXAMPLE.slice(0, EXAMPLE.indexOf('\n'));

async function upload(s: TestSession, csv: string, contentType = 'text/csv', query = '') {
  const res = await fetch(`${s.base}/api/contacts/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': contentType },
    body: csv,
  });
  return {
    status: res.status,
    body: (await res.json()) as ImportResult & { error: { code: string; message: string } },
  };
}

async function pulledContacts(s: TestSession): Promise<ContactRecord[]> {
  const out: ContactRecord[] = [];
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${s.base}/api/sync/pull?cursor=${cursor}&limit=10000`, {
      headers: { authorization: `Bearer ${s.token}` },
    });
    const page = (await res.json()) as {
      changes: { kind: string; data: ContactRecord }[];
      cursor: number;
      hasMore: boolean;
    };
    for (const c of page.changes) if (c.kind === 'contact') out.push(c.data);
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
}

const countContacts = async (server: RunningServer) =>
  Number(
    (
      await server.db.query<{ n: number }>("select count(*)::int as n from entities where kind = 'contact'")
    )[0]?.n,
  );

for (const kind of DATABASES) {
  describe(`call-log import on ${kind.name}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let supervisor: TestSession;
    let before = 0;

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ ...database, demoTickets: 60 });
      supervisor = await signIn(server.url, DEMO_SUPERVISOR_EMAIL);
      before = await countContacts(server);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('imports the example export as contacts that every client pulls, with the same KPIs as the CLI', async () => {
      const expected = parseCallLog(EXAMPLE);
      expect(expected.contacts.length).toBe(5000);
      const { status, body } = await upload(supervisor, EXAMPLE);
      expect(status).toBe(200);
      expect(body).toMatchObject({ rows: 5000, imported: 5000, created: 5000, replaced: 0, errorCount: 0 });
      expect(body.kpis).toEqual(callLogKpis(expected.contacts));
      expect(new Date(body.from ?? 0).toISOString()).toBe('2021-01-01T09:12:58.000Z');

      const agent = await signIn(server.url, DEMO_AGENT_EMAIL);
      const pulled = (await pulledContacts(agent)).filter((c) => c.id.startsWith('call-'));
      expect(pulled).toHaveLength(5000);
      expect(callLogKpis(pulled)).toEqual(callLogKpis(expected.contacts));
    });

    it('imports the same file twice without counting a call twice', async () => {
      const { status, body } = await upload(supervisor, EXAMPLE);
      expect(status).toBe(200);
      expect(body).toMatchObject({ imported: 5000, created: 0, replaced: 5000 });
      expect(await countContacts(server)).toBe(before + 5000);
    });

    it('imports the good rows of a file with bad ones, naming each bad row by line and why', async () => {
      const lines = [
        HEADER,
        'X1,Jo,2026-11-20,09:00:00,Payments,Y,Y,12,00:05:00,5',
        'X2,Jo,2026-11-20,09:05:00,Payments,maybe,Y,12,00:05:00,5',
        'X3,Jo,2026-02-30,09:10:00,Payments,Y,Y,12,00:05:00,4',
        'X1,Jo,2026-11-20,09:00:00,Payments,Y,Y,12,00:05:00,5',
        'X4,Jo,2026-11-20,09:20:00,Payments,N,,,,',
      ];
      const { status, body } = await upload(supervisor, lines.join('\n'));
      expect(status).toBe(200);
      expect(body).toMatchObject({ rows: 5, imported: 2, created: 2, errorCount: 3 });
      expect(body.errors).toEqual([
        { line: 3, message: 'unknown Answered value "maybe" (expected Y or N)' },
        { line: 4, message: 'unparsable date "2026-02-30" (no such day)' },
        { line: 5, message: 'the same call as line 2 (call id X1); not imported twice' },
      ]);
    });

    it('reads an export without a call id column, keeping identical rows as separate calls', async () => {
      const csv = [
        'date,time,answered,resolved,speed of answer,talk duration,rating',
        '2026-11-21,10:00:00,Y,Y,5,00:03:00,4',
        '2026-11-21,10:00:00,Y,Y,5,00:03:00,4',
      ].join('\n');
      const first = await upload(supervisor, csv);
      expect(first.body).toMatchObject({ imported: 2, created: 2 });
      const again = await upload(supervisor, csv);
      expect(again.body).toMatchObject({ imported: 2, created: 0, replaced: 2 });
    });

    it('refuses what it cannot take, clearly, and stores nothing', async () => {
      const stored = await countContacts(server);
      const missing = await upload(supervisor, 'Agent,Date\nJo,2021-01-01\n');
      expect(missing.status).toBe(422);
      expect(missing.body.error.code).toBe('invalid_call_log');
      expect(missing.body.error.message).toMatch(/line 1: missing required column\(s\): Time/);

      const empty = await upload(supervisor, '');
      expect(empty.status).toBe(422);

      const json = await upload(supervisor, JSON.stringify({ csv: EXAMPLE }), 'application/json');
      expect(json.status).toBe(415);

      const huge = await upload(
        supervisor,
        EXAMPLE.repeat(Math.ceil(IMPORT_BODY_LIMIT / EXAMPLE.length) + 1),
      );
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('payload_too_large');

      const agent = await signIn(server.url, DEMO_AGENT_EMAIL);
      const forbidden = await upload(agent, EXAMPLE);
      expect(forbidden.status).toBe(403);

      const anonymous = await upload({ ...supervisor, token: 'nope' }, EXAMPLE);
      expect(anonymous.status).toBe(401);

      const badOffset = await upload(supervisor, EXAMPLE, 'text/csv', '?utcOffsetMinutes=9999');
      expect(badOffset.status).toBe(422);
      expect(await countContacts(server)).toBe(stored);
    });

    it('reads the times with the export’s UTC offset', async () => {
      const csv = `${HEADER}\nTZ1,Jo,2026-11-22,09:00:00,Payments,Y,Y,12,00:05:00,5`;
      const { body } = await upload(supervisor, csv, 'text/csv', '?utcOffsetMinutes=60');
      expect(body.from).toBe(Date.UTC(2026, 10, 22, 8, 0, 0));
    });
  });
}
