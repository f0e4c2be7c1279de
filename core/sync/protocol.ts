/**
 * The sync protocol between console and server (Replicache/Linear style):
 * clients push mutations `{mid, clientId, seq, name, args, base}`; the server
 * applies each exactly once in its own transaction, in seq order per client,
 * and answers with a result per mutation. Clients pull server-ordered changes
 * after a cursor (syncId). Schemas are strict: unknown fields are an error.
 */
import { z } from 'zod';
import { LIFECYCLE_EVENTS } from '../tickets/lifecycle';
import { GROUP_COLUMNS, SORT_COLUMNS } from '../queue/types';
import { CHANNELS, PRIORITIES } from '../tickets/model';
import { routingRulesSchema } from '../routing/rules';
import { intakeArgs, triageArgs } from './protocol-triage';

const id = z.string().min(1).max(128);
const tag = z.string().trim().min(1).max(64);

export const MAX_MUTATIONS_PER_PUSH = 500;
export const MAX_MESSAGE_BODY = 64 * 1024;

/** Guarded fields: applied only when the agent's `base` still matches the server. */
export const GUARDED_FIELDS = ['priority', 'assigneeId', 'squadId'] as const;
export type GuardedField = (typeof GUARDED_FIELDS)[number];

const resolution = z.strictObject({
  rootCause: z.string().max(4000),
  workaround: z.string().max(4000),
  fixEta: z.number().int().nullable(),
  releaseId: z.string().max(128).nullable(),
});

export const mutationArgs = {
  /** Set guarded fields; `base` holds the values the agent saw. */
  'ticket.set_fields': z.strictObject({
    ticketId: id,
    set: z
      .strictObject({
        priority: z.enum(PRIORITIES).optional(),
        assigneeId: id.nullable().optional(),
        squadId: id.nullable().optional(),
      })
      .refine((s) => Object.keys(s).length > 0, 'set at least one field'),
  }),
  /** A lifecycle move; `base.state` is the state the agent saw. */
  'ticket.transition': z.strictObject({
    ticketId: id,
    event: z.enum(LIFECYCLE_EVENTS),
    resolution: resolution.optional(),
    reason: z.string().max(2000).optional(),
  }),
  /** Set-like: adds and removes merge with other agents' edits, never conflict. */
  'ticket.tags': z.strictObject({
    ticketId: id,
    add: z.array(tag).max(50).default([]),
    remove: z.array(tag).max(50).default([]),
  }),
  /** Append-only and idempotent by messageId: a retried reply is stored once. */
  'ticket.add_message': z.strictObject({
    ticketId: id,
    messageId: id,
    kind: z.enum(['public_reply', 'internal_note']),
    body: z.string().min(1).max(MAX_MESSAGE_BODY),
  }),
  /** Create or replace one of my saved queue views (a named search, sort and grouping). */
  'view.save': z.strictObject({
    viewId: id,
    name: z.string().trim().min(1).max(60),
    query: z.string().max(500),
    sort: z.strictObject({ column: z.enum(SORT_COLUMNS), desc: z.boolean() }),
    groupBy: z.enum(GROUP_COLUMNS).nullable(),
    shared: z.boolean(),
  }),
  'view.delete': z.strictObject({ viewId: id }),
  /**
   * Time an agent actively worked a ticket in the console (focused, not idle), added
   * to that agent's work record for the ticket and day: the handle time behind AHT
   * for channels without a telephony or chat platform to report it.
   */
  'contact.record': z.strictObject({
    contactId: id,
    ticketId: id,
    channel: z.enum(CHANNELS),
    startedAt: z.number().int().min(0),
    activeMs: z
      .number()
      .int()
      .min(1)
      .max(8 * 3_600_000),
    resolved: z.boolean(),
  }),
  /**
   * One KB search, for findability: the query and the article opened from its results
   * (null when none was). Appended to the agent's record for the day, `${agentId}:${day}`.
   */
  'kb.record': z.strictObject({
    recordId: id,
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day must be YYYY-MM-DD'),
    query: z.string().trim().min(1).max(200),
    articleId: id.nullable(),
  }),
  ...triageArgs,
  /** Triage and routing settings (admins): the rules and each squad's product areas, saved together. */
  'routing.save': z.strictObject({
    rules: routingRulesSchema,
    squads: z
      .array(
        z.strictObject({
          squadId: id,
          name: z.string().trim().min(1).max(80),
          productAreas: z.array(z.string().trim().min(1).max(64)).max(100),
        }),
      )
      .max(200),
  }),
  ...intakeArgs,
} as const;

export type MutationName = keyof typeof mutationArgs;
export const MUTATION_NAMES = Object.keys(mutationArgs) as MutationName[];
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgs)[N]>;

/** What the agent saw when acting: the guarded values (and state) the change was based on. */
export const baseSchema = z
  .strictObject({
    state: z.string().optional(),
    priority: z.string().optional(),
    assigneeId: z.string().nullable().optional(),
    squadId: z.string().nullable().optional(),
    /** The ticket's updatedAt the agent saw (Traffic-Cop checks for replies). */
    updatedAt: z.number().optional(),
  })
  .nullable();
export type MutationBase = z.infer<typeof baseSchema>;

export const mutationEnvelope = z.strictObject({
  mid: id,
  clientId: id,
  seq: z.number().int().min(1),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  base: baseSchema.default(null),
  /** Client clock when the agent acted; informational only (server time is authoritative). */
  at: z.number().int(),
});
export type MutationEnvelope = z.infer<typeof mutationEnvelope>;

export const pushRequest = z.strictObject({
  clientId: id,
  mutations: z.array(mutationEnvelope).min(1).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequest>;

/**
 * A pull page sent as its gzip bytes, not gzip-encoded: the client asks for it in
 * `Accept` and inflates it itself. Chromium moves an encoded response through its
 * network service already inflated (about 200 MB for a 100k-ticket bootstrap), and
 * that transfer, not the inflating, was most of the bootstrap's fetch time; as an
 * opaque body it crosses at its compressed size (bench: full bootstrap).
 */
export const PULL_PAGE_GZIP = 'application/vnd.spark.pull-page.2+gzip';
// Version 2: done tickets slim, their history and resolution apart (ticket-detail.ts). The
// server answers a client that names no version it speaks (a console from before) from the
// database, in whole JSON rows, never with a page it would misread.

/**
 * On a pull page that has more after it: the cursor it ends at, the next page's, named in
 * a header before the body, so that a client can ask for the next page at once instead
 * of after reading this one (renderer/src/data/pages-ahead.ts). A 100k bootstrap's pages
 * were read one after the other, each downloaded, inflated and parsed while the other
 * core had little to do (bench: full bootstrap, TRACE=1).
 */
export const NEXT_CURSOR_HEADER = 'x-spark-next-cursor';

/** The cursor NEXT_CURSOR_HEADER names, or null when it is absent or not a cursor. */
export function parseNextCursor(value: string | null): number | null {
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

/** One row of the server's change feed: the current version of an entity, in syncId order. */
export interface Change {
  kind: string;
  id: string;
  syncId: number;
  deleted: boolean;
  data: unknown;
}

export interface FieldConflict {
  field: string;
  /** What the agent wanted. */
  yours: unknown;
  /** What the server has, and who set it when. */
  theirs: unknown;
  base: unknown;
  by: string | null;
  at: number | null;
}

export type MutationStatus = 'applied' | 'merged' | 'conflict' | 'rejected';

export interface MutationResult {
  mid: string;
  seq: number;
  status: MutationStatus;
  /** For rejected: a machine code and a sentence for the agent. */
  code?: string;
  reason?: string;
  conflicts?: FieldConflict[];
  /** syncId of the change this produced, when it produced one. */
  syncId?: number;
}

export interface PushResponse {
  results: MutationResult[];
  /** The highest seq of this client the server has processed. */
  lastSeq: number;
}
