/**
 * Applies a client's pushed mutations exactly once, in seq order.
 *
 * Mutations are applied in chunks, each one transaction that (1) locks the
 * client's row, (2) answers duplicates (same mid, or a seq already processed)
 * with the result recorded the first time, (3) applies each new change with the
 * pure merge rules from core/sync, and (4) records every result and advances
 * the client's lastSeq — in the same transaction as the changes. So a retry
 * after a lost response, a crash of client or server mid-batch, or a duplicate
 * delivery can never apply a mutation twice or lose one. A gap in seq stops the
 * batch: the client resends from `lastSeq + 1`.
 */
import type { Ticket } from '../../core/tickets/model';
import {
  applyEntityMutation,
  applyTicketMutation,
  entityKey,
  entityReads,
  isEntityMutation,
  MUTATION_NAMES,
  mutationArgs,
  targetTicketId,
} from '../../core/sync';
import type {
  EntityMutationName,
  MutationEnvelope,
  MutationResult,
  PushRequest,
  PushResponse,
} from '../../core/sync';
import type { Claims } from '../auth/tokens';
import type { Db, Queryable } from '../db/database';
import { upsertEntities, type EntityRow } from '../db/entities';
import { HttpError } from '../http/errors';
import { notifyChange } from './poke';
import { IntakeContext } from '../tickets/intake-context';

export interface PushOptions {
  /** Users online now (live event streams), for routing tickets created in this push. */
  online?: () => ReadonlySet<string>;
}

/** Mutations per transaction: amortises locking, duplicate lookup, bookkeeping and the poke. */
const CHUNK = 100;

interface ChunkOutcome {
  results: MutationResult[];
  /** A seq is missing before the rest: stop and let the client resend from lastSeq + 1. */
  gap: boolean;
}

export async function pushMutations(
  db: Db,
  claims: Claims,
  request: PushRequest,
  now: () => number,
  options: PushOptions = {},
): Promise<PushResponse> {
  if (request.mutations.some((m) => m.clientId !== request.clientId)) {
    throw new HttpError(422, 'invalid_payload', 'Every mutation in a push must carry the pushing clientId.');
  }
  // Within one batch, apply in seq order whatever order the batch arrived in.
  const mutations = [...request.mutations].sort((a, b) => a.seq - b.seq);
  const results: MutationResult[] = [];
  for (let i = 0; i < mutations.length; i += CHUNK) {
    // PGlite runs in this thread and settles as microtasks: without a macrotask break a
    // large batch would hold off every other request (pulls, sign-ins) until it ends.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const chunk = mutations.slice(i, i + CHUNK);
    const outcome = await processChunkSafely(db, claims, chunk, now, options);
    results.push(...outcome.results);
    if (outcome.gap) break;
  }
  return { results, lastSeq: await lastSeqOf(db, claims.ws, request.clientId) };
}

/**
 * The chunk in one transaction; if that fails for a reason that is not the
 * client's (an HttpError is), retry it one mutation per transaction so one bad
 * apple does not hold back the others.
 */
async function processChunkSafely(
  db: Db,
  claims: Claims,
  chunk: MutationEnvelope[],
  now: () => number,
  options: PushOptions,
): Promise<ChunkOutcome> {
  try {
    return await db.transaction((tx) => processChunk(tx, claims, chunk, now(), options));
  } catch (error) {
    if (error instanceof HttpError || chunk.length === 1) throw error;
    const results: MutationResult[] = [];
    for (const m of chunk) {
      const one = await db.transaction((tx) => processChunk(tx, claims, [m], now(), options));
      results.push(...one.results);
      if (one.gap) return { results, gap: true };
    }
    return { results, gap: false };
  }
}

export async function lastSeqOf(db: Queryable, workspaceId: string, clientId: string): Promise<number> {
  const rows = await db.query<{ last_seq: number }>(
    'select last_seq from sync_clients where workspace_id = $1 and client_id = $2',
    [workspaceId, clientId],
  );
  return Number(rows[0]?.last_seq ?? 0);
}

async function processChunk(
  tx: Queryable,
  claims: Claims,
  chunk: MutationEnvelope[],
  now: number,
  options: PushOptions,
): Promise<ChunkOutcome> {
  const clientId = chunk[0]?.clientId ?? '';
  let lastSeq = await lockClient(tx, claims, clientId);

  // Results recorded earlier (a retry, a duplicate delivery): answered from the record, never re-applied.
  const previous = await tx.query<{ mid: string; seq: number; result: MutationResult }>(
    `select mid, seq, result from sync_mutations
      where workspace_id = $1 and (mid = any($2::text[]) or (client_id = $3 and seq = any($4::bigint[])))`,
    [claims.ws, chunk.map((m) => m.mid), clientId, chunk.map((m) => m.seq)],
  );
  const byMid = new Map(previous.map((p) => [p.mid, p.result]));
  const bySeq = new Map(previous.map((p) => [Number(p.seq), p.result]));

  const work = new ChunkWork(tx, claims, now, options);
  await work.load(chunk);
  const results: MutationResult[] = [];
  const recorded: { m: MutationEnvelope; result: MutationResult }[] = [];
  let gap = false;
  for (const m of chunk) {
    const earlier = byMid.get(m.mid) ?? bySeq.get(m.seq);
    if (earlier) {
      results.push(earlier);
      continue;
    }
    if (m.seq <= lastSeq) {
      // A seq already processed under another mid: the client reused a seq for a new change.
      results.push({
        mid: m.mid,
        seq: m.seq,
        status: 'rejected',
        code: 'seq_reused',
        reason: `Sequence ${m.seq} was already used by this client.`,
      });
      continue;
    }
    if (m.seq > lastSeq + 1) {
      gap = true;
      break;
    }
    const result = work.apply(m);
    recorded.push({ m, result });
    byMid.set(m.mid, result);
    bySeq.set(m.seq, result);
    results.push(result);
    lastSeq = m.seq;
  }

  const wrote = await work.flush();
  if (recorded.length > 0) {
    // The record of each result commits with its change: exactly once, even across crashes.
    await tx.query(
      `insert into sync_mutations (workspace_id, mid, client_id, seq, user_id, name, result, processed_at)
       select $1, r->>'mid', $2, (r->>'seq')::bigint, $3, r->>'name', r->'result', $4
         from jsonb_array_elements($5::jsonb) as t(r)`,
      [
        claims.ws,
        clientId,
        claims.sub,
        now,
        JSON.stringify(recorded.map(({ m, result }) => ({ mid: m.mid, seq: m.seq, name: m.name, result }))),
      ],
    );
    await tx.query('update sync_clients set last_seq = $3 where workspace_id = $1 and client_id = $2', [
      claims.ws,
      clientId,
      lastSeq,
    ]);
  }
  if (wrote) await notifyChange(tx, claims.ws);
  return { results, gap };
}

/** Registers the client on first use and locks its row; a client id belongs to one user. */
async function lockClient(tx: Queryable, claims: Claims, clientId: string): Promise<number> {
  await tx.query(
    `insert into sync_clients (workspace_id, client_id, user_id) values ($1, $2, $3) on conflict (workspace_id, client_id) do nothing`,
    [claims.ws, clientId, claims.sub],
  );
  const client = (
    await tx.query<{ user_id: string; last_seq: number }>(
      'select user_id, last_seq from sync_clients where workspace_id = $1 and client_id = $2 for update',
      [claims.ws, clientId],
    )
  )[0];
  if (!client || client.user_id !== claims.sub) {
    throw new HttpError(
      403,
      'forbidden',
      'This client id belongs to another user. Sign in again on this device.',
    );
  }
  return Number(client.last_seq);
}

/**
 * One chunk's reads and writes, batched: the chunk's tickets are locked in one
 * statement (in id order, so concurrent pushes cannot deadlock), known message
 * ids are read in one, mutations are applied in memory in seq order (a later
 * one sees an earlier one's result), and every changed row is written in one
 * upsert at the end. Each result's syncId is that of its row's final write.
 */
class ChunkWork {
  private readonly tickets = new Map<string, Ticket>();
  private readonly messageIds = new Set<string>();
  /** Rows read by entity mutations (views, work records, …), by `${kind}:${id}`; deleted rows absent. */
  private readonly entities = new Map<string, unknown>();
  private readonly writes = new Map<string, EntityRow>();
  /** Results waiting for the syncId of the row they changed. */
  private readonly waiting: { result: MutationResult; key: string }[] = [];
  /** Closed tickets this chunk reopened: their archived threads go out again (see flush). */
  private readonly reopened = new Set<string>();
  /** Routing context for `ticket.create`, loaded only when the chunk creates tickets. */
  private intake: IntakeContext | null = null;

  constructor(
    private readonly tx: Queryable,
    private readonly claims: Claims,
    private readonly now: number,
    private readonly options: PushOptions = {},
  ) {}

  async load(chunk: MutationEnvelope[]): Promise<void> {
    const ticketIds = [
      ...new Set(chunk.map((m) => targetTicketId(m.args)).filter((id): id is string => id !== null)),
    ];
    const messageIds = chunk
      .filter((m) => m.name === 'ticket.add_message')
      .map((m) => String((m.args as { messageId?: unknown } | null)?.messageId ?? ''));
    const reads = chunk.flatMap((m) => (isEntityMutation(m.name) ? entityReads(m.name, m.args) : []));
    // A chunk of only replies, only tags or only views needs one or two of these reads: an
    // empty list skips its round trip (PGlite serves one query at a time).
    const unless = <T>(empty: boolean, read: () => Promise<T[]>): Promise<T[]> =>
      empty ? Promise.resolve([]) : read();
    const [tickets, messages, entities] = await Promise.all([
      unless(ticketIds.length === 0, () =>
        this.tx.query<{ data: Ticket }>(
          `select data from entities where workspace_id = $1 and kind = 'ticket' and id = any($2::text[]) and not deleted
          order by id for update`,
          [this.claims.ws, ticketIds],
        ),
      ),
      unless(messageIds.length === 0, () =>
        this.tx.query<{ id: string }>(
          `select id from entities where workspace_id = $1 and kind = 'message' and id = any($2::text[])`,
          [this.claims.ws, messageIds],
        ),
      ),
      unless(reads.length === 0, () =>
        this.tx.query<{ kind: string; id: string; data: unknown }>(
          `select kind, id, data from entities
          where workspace_id = $1 and not deleted
            and (kind, id) in (select * from unnest($2::text[], $3::text[]))
          order by kind, id for update`,
          [this.claims.ws, reads.map((r) => r.kind), reads.map((r) => r.id)],
        ),
      ),
    ]);
    for (const t of tickets) this.tickets.set(t.data.id, t.data);
    // Creates of tickets that exist already (a replay) need no ref: do not burn numbers on them.
    const creates = chunk.filter(
      (m) => m.name === 'ticket.create' && !this.tickets.has(targetTicketId(m.args) ?? ''),
    );
    if (creates.length > 0) {
      const customerIds = creates.map((m) => String((m.args as { customerId?: unknown }).customerId ?? ''));
      const online = this.options.online?.() ?? new Set<string>();
      this.intake = await IntakeContext.load(this.tx, this.claims.ws, customerIds, online, creates.length);
    }
    for (const e of entities) this.entities.set(entityKey(e.kind, e.id), e.data);
    for (const m of messages) this.messageIds.add(m.id);
  }

  apply(m: MutationEnvelope): MutationResult {
    const head = { mid: m.mid, seq: m.seq };
    if (isEntityMutation(m.name)) return this.applyToEntities(m, m.name);
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
    if (m.name === 'ticket.create') return this.createTicket(m, ticketId);
    const ticket = this.tickets.get(ticketId);
    if (!ticket)
      return { ...head, status: 'rejected', code: 'not_found', reason: `Ticket ${ticketId} does not exist.` };
    if (m.name === 'ticket.add_message') {
      // Append-only and idempotent by message id: a reply delivered twice is stored once.
      const messageId = String((m.args as { messageId?: unknown }).messageId);
      if (this.messageIds.has(messageId)) return { ...head, status: 'merged' };
    }

    const outcome = applyTicketMutation(ticket, m.name, m.args, m.base, {
      now: this.now,
      actor: { id: this.claims.sub, role: this.claims.role },
    });
    if (outcome.status === 'rejected')
      return { ...head, status: 'rejected', code: outcome.code, reason: outcome.reason };

    const result: MutationResult = {
      ...head,
      status: outcome.status,
      ...(outcome.conflicts?.length ? { conflicts: outcome.conflicts } : {}),
    };
    const ticketChanged = outcome.ticket !== null && outcome.ticket !== ticket;
    if (ticketChanged && outcome.ticket) {
      if (ticket.state === 'closed' && outcome.ticket.state !== 'closed') this.reopened.add(ticketId);
      this.tickets.set(ticketId, outcome.ticket);
      this.writes.set(`ticket:${ticketId}`, { kind: 'ticket', id: ticketId, data: { ...outcome.ticket } });
    }
    const message = outcome.status !== 'conflict' ? outcome.message : undefined;
    if (message) {
      this.messageIds.add(message.id);
      this.writes.set(`message:${message.id}`, { kind: 'message', id: message.id, data: { ...message } });
    }
    // A result points at its ticket row when it changed one (written after the messages, see flush).
    const key = ticketChanged ? `ticket:${ticketId}` : message ? `message:${message.id}` : null;
    if (key) this.waiting.push({ result, key });
    return result;
  }

  /**
   * A ticket an agent logged (perhaps offline): triaged and routed here, with the
   * next ref; the console's provisional copy is replaced when the pull brings it.
   * Idempotent by ticket id: a create replayed after a lost answer is 'merged'.
   */
  private createTicket(m: MutationEnvelope, ticketId: string): MutationResult {
    const head = { mid: m.mid, seq: m.seq };
    if (this.tickets.has(ticketId)) return { ...head, status: 'merged' };
    const parsed = mutationArgs['ticket.create'].safeParse(m.args);
    if (!parsed.success || !this.intake)
      return { ...head, status: 'rejected', code: 'invalid_args', reason: 'Invalid ticket.' };
    const outcome = this.intake.create(parsed.data, this.now);
    if (!outcome.ok) return { ...head, status: 'rejected', code: outcome.code, reason: outcome.reason };
    this.tickets.set(ticketId, outcome.ticket);
    this.messageIds.add(outcome.message.id);
    for (const w of outcome.writes) this.writes.set(entityKey(w.kind, w.id), w);
    const result: MutationResult = { ...head, status: 'applied' };
    this.waiting.push({ result, key: entityKey('ticket', ticketId) });
    return result;
  }

  private applyToEntities(m: MutationEnvelope, name: EntityMutationName): MutationResult {
    const head = { mid: m.mid, seq: m.seq };
    const outcome = applyEntityMutation(name, m.args, this.entities, {
      now: this.now,
      actor: { id: this.claims.sub, role: this.claims.role },
    });
    if (outcome.status === 'rejected')
      return { ...head, status: 'rejected', code: outcome.code, reason: outcome.reason };
    const result: MutationResult = { ...head, status: outcome.status };
    for (const write of outcome.writes) {
      const key = entityKey(write.kind, write.id);
      // Later mutations in this chunk see this one's result.
      if (write.deleted) this.entities.delete(key);
      else this.entities.set(key, write.data);
      this.writes.set(key, { kind: write.kind, id: write.id, data: write.data, deleted: write.deleted });
    }
    const last = outcome.writes.at(-1);
    if (last) this.waiting.push({ result, key: entityKey(last.kind, last.id) });
    return result;
  }

  /** Writes every changed row in one upsert; returns whether anything was written. */
  async flush(): Promise<boolean> {
    if (this.writes.size === 0) return false;
    await this.resendReopenedThreads();
    // Messages before tickets: a mutation's result points at its ticket row, the last write it caused.
    const rows = [...this.writes.values()].sort((a, b) =>
      a.kind === b.kind ? 0 : a.kind === 'message' ? -1 : 1,
    );
    const last = await upsertEntities(this.tx, this.claims.ws, rows);
    const first = last - rows.length + 1;
    const syncIdOf = new Map(rows.map((r, i) => [`${r.kind}:${r.id}`, first + i]));
    for (const { result, key } of this.waiting) {
      const syncId = syncIdOf.get(key);
      if (syncId !== undefined) result.syncId = syncId;
    }
    return true;
  }

  /**
   * The pull feed leaves closed tickets' messages out (sync-routes.ts). A reopened
   * ticket is open work again, so its messages are written anew: new syncIds bring
   * them to every console, which may never have had them.
   */
  private async resendReopenedThreads(): Promise<void> {
    if (this.reopened.size === 0) return;
    const messages = await this.tx.query<{ id: string; data: EntityRow['data'] }>(
      `select id, data from entities
        where workspace_id = $1 and kind = 'message' and not deleted and data->>'ticketId' = any($2::text[])`,
      [this.claims.ws, [...this.reopened]],
    );
    for (const m of messages) {
      const key = `message:${m.id}`;
      if (!this.writes.has(key)) this.writes.set(key, { kind: 'message', id: m.id, data: m.data });
    }
  }
}
