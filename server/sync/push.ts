/**
 * Applies a client's pushed mutations exactly once, in seq order.
 *
 * Each mutation runs in its own transaction that (1) locks the client's row,
 * (2) answers a duplicate (same mid, or a seq already processed) with the
 * result recorded the first time, (3) applies the change with the pure merge
 * rules from core/sync, and (4) records the result and advances the client's
 * lastSeq — all in the same transaction as the change. So a retry after a lost
 * response, a crash of client or server mid-batch, or a duplicate delivery can
 * never apply a mutation twice or lose one. A gap in seq stops the batch: the
 * client resends from `lastSeq + 1`.
 */
import type { Ticket } from '../../core/tickets/model';
import { applyTicketMutation, MUTATION_NAMES, targetTicketId } from '../../core/sync';
import type { MutationEnvelope, MutationResult, PushRequest, PushResponse } from '../../core/sync';
import type { Claims } from '../auth/tokens';
import type { Db, Queryable } from '../db/database';
import { upsertEntities, type EntityRow } from '../db/entities';
import { HttpError } from '../http/errors';
import { notifyChange } from './poke';

type Step = { kind: 'result'; result: MutationResult } | { kind: 'gap' };

export async function pushMutations(
  db: Db,
  claims: Claims,
  request: PushRequest,
  now: () => number,
): Promise<PushResponse> {
  if (request.mutations.some((m) => m.clientId !== request.clientId)) {
    throw new HttpError(422, 'invalid_payload', 'Every mutation in a push must carry the pushing clientId.');
  }
  // Within one batch, apply in seq order whatever order the batch arrived in.
  const mutations = [...request.mutations].sort((a, b) => a.seq - b.seq);
  const results: MutationResult[] = [];
  for (const mutation of mutations) {
    // PGlite runs in this thread and settles as microtasks: without a macrotask break a
    // 500-mutation batch would hold off every other request (pulls, sign-ins) until it ends.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const step = await db.transaction((tx) => processOne(tx, claims, mutation, now()));
    if (step.kind === 'gap') break;
    results.push(step.result);
  }
  return { results, lastSeq: await lastSeqOf(db, claims.ws, request.clientId) };
}

export async function lastSeqOf(db: Queryable, workspaceId: string, clientId: string): Promise<number> {
  const rows = await db.query<{ last_seq: number }>(
    'select last_seq from sync_clients where workspace_id = $1 and client_id = $2',
    [workspaceId, clientId],
  );
  return Number(rows[0]?.last_seq ?? 0);
}

async function processOne(tx: Queryable, claims: Claims, m: MutationEnvelope, now: number): Promise<Step> {
  await tx.query(
    `insert into sync_clients (workspace_id, client_id, user_id) values ($1, $2, $3) on conflict (workspace_id, client_id) do nothing`,
    [claims.ws, m.clientId, claims.sub],
  );
  const client = (
    await tx.query<{ user_id: string; last_seq: number }>(
      'select user_id, last_seq from sync_clients where workspace_id = $1 and client_id = $2 for update',
      [claims.ws, m.clientId],
    )
  )[0];
  if (!client || client.user_id !== claims.sub) {
    throw new HttpError(
      403,
      'forbidden',
      'This client id belongs to another user. Sign in again on this device.',
    );
  }

  const previous = await tx.query<{ result: MutationResult }>(
    'select result from sync_mutations where workspace_id = $1 and (mid = $2 or (client_id = $3 and seq = $4))',
    [claims.ws, m.mid, m.clientId, m.seq],
  );
  if (previous[0]) return { kind: 'result', result: previous[0].result };
  const lastSeq = Number(client.last_seq);
  if (m.seq <= lastSeq) {
    // A seq below lastSeq with no record cannot happen unless the client reused a seq for a new mid.
    return {
      kind: 'result',
      result: {
        mid: m.mid,
        seq: m.seq,
        status: 'rejected',
        code: 'seq_reused',
        reason: `Sequence ${m.seq} was already used by this client.`,
      },
    };
  }
  if (m.seq > lastSeq + 1) return { kind: 'gap' };

  const result = await applyOne(tx, claims, m, now);
  await tx.query(
    `insert into sync_mutations (workspace_id, mid, client_id, seq, user_id, name, result, processed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [claims.ws, m.mid, m.clientId, m.seq, claims.sub, m.name, JSON.stringify(result), now],
  );
  await tx.query('update sync_clients set last_seq = $3 where workspace_id = $1 and client_id = $2', [
    claims.ws,
    m.clientId,
    m.seq,
  ]);
  return { kind: 'result', result };
}

async function applyOne(
  tx: Queryable,
  claims: Claims,
  m: MutationEnvelope,
  now: number,
): Promise<MutationResult> {
  const head = { mid: m.mid, seq: m.seq };
  const ticketId = targetTicketId(m.args);
  if (!ticketId) {
    // No valid ticket id, so no row to lock: say whether the name or the args are wrong.
    return (MUTATION_NAMES as string[]).includes(m.name)
      ? {
          ...head,
          status: 'rejected',
          code: 'invalid_args',
          reason: 'args.ticketId is missing or not a valid id.',
        }
      : { ...head, status: 'rejected', code: 'unknown_mutation', reason: `Unknown mutation "${m.name}".` };
  }
  const row = (
    await tx.query<{ data: Ticket }>(
      `select data from entities where workspace_id = $1 and kind = 'ticket' and id = $2 and not deleted for update`,
      [claims.ws, ticketId],
    )
  )[0];
  if (!row)
    return { ...head, status: 'rejected', code: 'not_found', reason: `Ticket ${ticketId} does not exist.` };

  if (m.name === 'ticket.add_message') {
    // Append-only and idempotent by message id: a reply delivered twice is stored once.
    const messageId = (m.args as { messageId?: unknown }).messageId;
    const exists = await tx.query(
      `select 1 from entities where workspace_id = $1 and kind = 'message' and id = $2`,
      [claims.ws, String(messageId)],
    );
    if (exists.length > 0) return { ...head, status: 'merged' };
  }

  const outcome = applyTicketMutation(row.data, m.name, m.args, m.base, {
    now,
    actor: { id: claims.sub, role: claims.role },
  });
  if (outcome.status === 'rejected')
    return { ...head, status: 'rejected', code: outcome.code, reason: outcome.reason };

  const writes: EntityRow[] = [];
  if (outcome.ticket && outcome.ticket !== row.data)
    writes.push({ kind: 'ticket', id: ticketId, data: { ...outcome.ticket } });
  if (outcome.status !== 'conflict' && outcome.message)
    writes.push({ kind: 'message', id: outcome.message.id, data: { ...outcome.message } });
  let syncId: number | undefined;
  if (writes.length > 0) {
    syncId = await upsertEntities(tx, claims.ws, writes);
    await notifyChange(tx, claims.ws);
  }
  return {
    ...head,
    status: outcome.status,
    ...(outcome.conflicts?.length ? { conflicts: outcome.conflicts } : {}),
    ...(syncId !== undefined ? { syncId } : {}),
  };
}
