/**
 * Call-log import: a telephony export (CSV text) → `contact` entities in the
 * workspace, through the normal entity upsert, so every client gets them with
 * its next pull like any other change.
 *
 * Idempotent: each row gets an id derived from what identifies the call, so
 * importing the same file again replaces the same entities instead of adding
 * new ones (the wallboard would otherwise count every call twice):
 * - with a call id column: the call id and the call's start time (phone
 *   systems recycle ids; a corrected export of the same calls replaces them);
 * - without one: every field of the row, plus its occurrence number among
 *   identical rows of the file (two identical rows are two calls).
 * The whole file is written in one transaction: all good rows or none.
 */
import { createHash } from 'node:crypto';
import { callLogKpis, parseCallLog, type CallLogError, type CallLogKpis } from '../../core/metrics';
import type { ContactRecord } from '../../core/metrics/contact';
import type { Db } from '../db/database';
import { upsertEntities } from '../db/entities';
import { notifyChange } from '../sync/poke';

/** The most row errors sent back; `errorCount` says how many there were in all. */
export const MAX_REPORTED_ERRORS = 200;

export interface ImportResult {
  /** Data rows in the file (header excluded). */
  rows: number;
  /** Contacts written: new + replaced. */
  imported: number;
  created: number;
  /** Rows already imported before (same id): replaced, not counted twice. */
  replaced: number;
  errorCount: number;
  errors: CallLogError[];
  /** Earliest and latest call start in the import, epoch ms; null when nothing was imported. */
  from: number | null;
  to: number | null;
  kpis: CallLogKpis;
}

export class CallLogUnreadable extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The parser names rows without a call id `line-<n>`; those get a content id instead. */
const hasCallId = (c: ContactRecord) => !/^line-\d+$/.test(c.id);

function contentKey(c: ContactRecord): string {
  const { id: _id, ...fields } = c;
  return JSON.stringify(fields);
}

export function withImportIds(contacts: readonly ContactRecord[]): ContactRecord[] {
  const seen = new Map<string, number>();
  return contacts.map((c) => {
    const key = hasCallId(c) ? `call:${c.id}|${c.startedAt}` : `row:${contentKey(c)}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return { ...c, id: `call-${hash(hasCallId(c) ? key : `${key}#${n}`)}` };
  });
}

export interface ImportOptions {
  utcOffsetMinutes?: number;
}

export async function importCallLog(
  db: Db,
  workspaceId: string,
  text: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const parsed = parseCallLog(text, options);
  if (parsed.fatal) {
    const e = parsed.errors[0];
    throw new CallLogUnreadable(e?.line ?? 1, e?.message ?? 'not a call log');
  }
  const errors = [...parsed.errors];
  const withIds = withImportIds(parsed.contacts);
  // The same call id twice in one file: keep the first, report the repeat (one upsert cannot write an id twice).
  const firstLine = new Map<string, number>();
  const contacts: ContactRecord[] = [];
  withIds.forEach((c, i) => {
    const line = parsed.lines[i] ?? 0;
    const first = firstLine.get(c.id);
    if (first === undefined) {
      firstLine.set(c.id, line);
      contacts.push(c);
    } else
      errors.push({
        line,
        message: `the same call as line ${first} (call id ${parsed.contacts[i]?.id}); not imported twice`,
      });
  });
  errors.sort((a, b) => a.line - b.line);

  const created = await db.transaction(async (tx) => {
    const ids = contacts.map((c) => c.id);
    const existing = ids.length
      ? await tx.query<{ n: number }>(
          `select count(*)::int as n from entities
            where workspace_id = $1 and kind = 'contact' and id = any($2::text[])`,
          [workspaceId, ids],
        )
      : [{ n: 0 }];
    await upsertEntities(
      tx,
      workspaceId,
      contacts.map((data) => ({ kind: 'contact', id: data.id, data: { ...data } })),
    );
    if (contacts.length > 0) await notifyChange(tx, workspaceId);
    return contacts.length - Number(existing[0]?.n ?? 0);
  });

  let from: number | null = null;
  let to: number | null = null;
  for (const c of contacts) {
    if (from === null || c.startedAt < from) from = c.startedAt;
    if (to === null || c.startedAt > to) to = c.startedAt;
  }
  return {
    rows: parsed.contacts.length + parsed.errors.length,
    imported: contacts.length,
    created,
    replaced: contacts.length - created,
    errorCount: errors.length,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    from,
    to,
    kpis: callLogKpis(contacts),
  };
}
