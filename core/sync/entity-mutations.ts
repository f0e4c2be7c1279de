/**
 * Mutations on workspace rows other than an existing ticket (saved views, work
 * records, …), as a typed handler map in the spirit of Actual Budget's: each
 * handler names the rows it reads and turns (args, those rows) into the rows to
 * write. The server locks and loads the reads, applies, writes; the console
 * runs the very same handler over its local rows for the optimistic view.
 */
import type { SavedView } from '../queue/saved-views';
import type { ContactRecord } from '../metrics/contact';
import { QUEUED_CHANNELS } from '../metrics/contact';
import type { KbFindabilityRecord } from '../kb/findability';
import { findabilityRecordId, MAX_EVENTS_PER_RECORD, normaliseQuery } from '../kb/findability';
import type { ApplyContext } from './apply-types';
import { saveRouting } from './entity-routing';
import type { MutationArgs, MutationName } from './protocol';
import { describeIssue } from './describe-issue';
import { mutationArgs } from './protocol';

export interface EntityKey {
  kind: string;
  id: string;
}
export interface EntityWrite extends EntityKey {
  data: { id: string } & Record<string, unknown>;
  /** A tombstone: the row is gone for everyone (pull sends it with `deleted: true`). */
  deleted?: boolean;
}
export type EntityOutcome =
  | { status: 'applied' | 'merged'; writes: EntityWrite[] }
  | { status: 'rejected'; code: string; reason: string };

/** Rows by `${kind}:${id}`; a missing key means the row does not exist (or was deleted). */
export type EntityRows = ReadonlyMap<string, unknown>;
export const entityKey = (kind: string, id: string): string => `${kind}:${id}`;

export interface Handler<N extends MutationName> {
  reads(args: MutationArgs<N>): EntityKey[];
  apply(args: MutationArgs<N>, rows: EntityRows, ctx: ApplyContext): EntityOutcome;
}

const rejected = (code: string, reason: string): EntityOutcome => ({ status: 'rejected', code, reason });

const saveView: Handler<'view.save'> = {
  reads: (args) => [{ kind: 'view', id: args.viewId }],
  apply(args, rows, ctx) {
    const existing = rows.get(entityKey('view', args.viewId)) as SavedView | undefined;
    if (existing && existing.ownerId !== ctx.actor.id)
      return rejected(
        'forbidden',
        `The view "${existing.name}" belongs to someone else; save a copy instead.`,
      );
    const view: SavedView = {
      id: args.viewId,
      ownerId: ctx.actor.id,
      name: args.name,
      query: args.query,
      sort: args.sort,
      groupBy: args.groupBy,
      shared: args.shared,
      createdAt: existing?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    };
    return { status: 'applied', writes: [{ kind: 'view', id: view.id, data: { ...view } }] };
  },
};

const deleteView: Handler<'view.delete'> = {
  reads: (args) => [{ kind: 'view', id: args.viewId }],
  apply(args, rows, ctx) {
    const existing = rows.get(entityKey('view', args.viewId)) as SavedView | undefined;
    // Already gone (deleted on another device): the agent's intent holds, nothing to write.
    if (!existing) return { status: 'merged', writes: [] };
    if (existing.ownerId !== ctx.actor.id)
      return rejected('forbidden', `The view "${existing.name}" belongs to someone else.`);
    return {
      status: 'applied',
      writes: [{ kind: 'view', id: existing.id, data: { ...existing }, deleted: true }],
    };
  },
};

const recordWork: Handler<'contact.record'> = {
  reads: (args) => [{ kind: 'contact', id: args.contactId }],
  apply(args, rows, ctx) {
    // Calls and chats are logged by the telephony / chat platform (or a call-log import)
    // with their queue wait; a console record for them would count as an extra answered
    // contact and skew answer rate and service level.
    if (QUEUED_CHANNELS.includes(args.channel))
      return rejected('invalid_args', `Handle time for ${args.channel} comes from the contact platform.`);
    const existing = rows.get(entityKey('contact', args.contactId)) as ContactRecord | undefined;
    if (existing && existing.agentId !== ctx.actor.id)
      return rejected('forbidden', 'This work record belongs to another agent.');
    const contact: ContactRecord = existing
      ? {
          ...existing,
          activeMs: existing.activeMs + args.activeMs,
          resolved: existing.resolved || args.resolved,
        }
      : {
          id: args.contactId,
          ticketId: args.ticketId,
          agentId: ctx.actor.id,
          channel: args.channel,
          startedAt: args.startedAt,
          answered: true,
          speedOfAnswerMs: null,
          talkMs: 0,
          holdMs: 0,
          afterContactWorkMs: 0,
          activeMs: args.activeMs,
          resolved: args.resolved,
          rating: null,
          topic: null,
        };
    return {
      status: existing ? 'merged' : 'applied',
      writes: [{ kind: 'contact', id: contact.id, data: { ...contact } }],
    };
  },
};

const recordKbSearch: Handler<'kb.record'> = {
  reads: (args) => [{ kind: 'kb_findability', id: args.recordId }],
  apply(args, rows, ctx) {
    // One row per agent and day: no two agents ever write the same row, so appends never contend.
    if (args.recordId !== findabilityRecordId(ctx.actor.id, args.day))
      return rejected('forbidden', 'KB search records are kept per agent: this one is not yours.');
    const existing = rows.get(entityKey('kb_findability', args.recordId)) as KbFindabilityRecord | undefined;
    const event = { query: normaliseQuery(args.query), articleId: args.articleId, at: ctx.now };
    const record: KbFindabilityRecord = {
      id: args.recordId,
      agentId: ctx.actor.id,
      day: args.day,
      events: [...(existing?.events ?? []), event].slice(-MAX_EVENTS_PER_RECORD),
    };
    return {
      status: existing ? 'merged' : 'applied',
      writes: [{ kind: 'kb_findability', id: record.id, data: { ...record } }],
    };
  },
};

export const ENTITY_MUTATIONS = {
  'view.save': saveView,
  'view.delete': deleteView,
  'contact.record': recordWork,
  'kb.record': recordKbSearch,
  'routing.save': saveRouting,
} as const satisfies { [N in MutationName]?: Handler<N> };
export type EntityMutationName = keyof typeof ENTITY_MUTATIONS;

export function isEntityMutation(name: string): name is EntityMutationName {
  return Object.hasOwn(ENTITY_MUTATIONS, name);
}

type Parsed = { ok: true; args: unknown } | { ok: false; outcome: EntityOutcome };

function parse(name: EntityMutationName, rawArgs: unknown): Parsed {
  const parsed = mutationArgs[name].safeParse(rawArgs);
  if (parsed.success) return { ok: true, args: parsed.data };
  return { ok: false, outcome: rejected('invalid_args', describeIssue(parsed.error)) };
}

/** The rows a mutation needs loaded (and locked); none when its args are invalid. */
export function entityReads(name: EntityMutationName, rawArgs: unknown): EntityKey[] {
  const parsed = parse(name, rawArgs);
  // The handler map is keyed by name, so the handler and its args always match.
  return parsed.ok ? (ENTITY_MUTATIONS[name] as Handler<typeof name>).reads(parsed.args as never) : [];
}

/** Validates and applies; never mutates `rows`. */
export function applyEntityMutation(
  name: EntityMutationName,
  rawArgs: unknown,
  rows: EntityRows,
  ctx: ApplyContext,
): EntityOutcome {
  const parsed = parse(name, rawArgs);
  if (!parsed.ok) return parsed.outcome;
  return (ENTITY_MUTATIONS[name] as Handler<typeof name>).apply(parsed.args as never, rows, ctx);
}
