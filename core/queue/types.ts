/**
 * The queue's view model: which tickets a view shows (filter) and in what order
 * (sort). Everything here is plain data so views can be saved, synced and
 * compared; the functions that run them live in apply.ts.
 */
import type { SlaPolicySet } from '../sla';
import type { Channel, CustomerTier, Priority, TicketState } from '../tickets/model';

export const SORT_COLUMNS = [
  'ref',
  'subject',
  'customer',
  'channel',
  'priority',
  'state',
  'assignee',
  'sla',
  'updated',
  'created',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** What the queue can group its rows by (a header row per value, with counts). */
export const GROUP_COLUMNS = ['state', 'priority', 'channel', 'tier', 'squad', 'assignee'] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];

/**
 * Every field present must hold (AND). A missing field, or an empty list,
 * constrains nothing: a multi-select with nothing picked means "any".
 */
export interface QueueFilter {
  states?: TicketState[];
  priorities?: Priority[];
  channels?: Channel[];
  tiers?: CustomerTier[];
  squadIds?: string[];
  /** 'me' is QueueContext.me; a list matches any of those user ids. */
  assignee?: 'me' | 'unassigned' | string[];
  /** The ticket has ALL of them (case-insensitive). */
  tags?: string[];
  /**
   * Case-insensitive words, all of which must appear somewhere in the ref,
   * subject, customer name or tags; "a quoted phrase" must appear as written.
   */
  text?: string;
  /** Not resolved / verified / closed. */
  openOnly?: boolean;
  /**
   * The worst open SLA target is due within this many ms from now, or already
   * breached. A paused target (waiting on the customer) does not count: its
   * clock is stopped, so it cannot breach until the customer answers.
   */
  breachingWithinMs?: number;
}

export interface QueueSort {
  column: SortColumn;
  desc: boolean;
}

export interface QueueView {
  id: string;
  name: string;
  builtIn: boolean;
  filter: QueueFilter;
  sort: QueueSort;
}

export interface QueueContext {
  /** The signed-in user's id, for `assignee: 'me'`. */
  me: string;
  /** Epoch ms the SLA is judged at. */
  now: number;
  /**
   * Display name of a customer: searched by text and used to sort by customer.
   * Search remembers its answers per function: while the same function is
   * passed, it is assumed to answer the same. Pass a new function when customer
   * names change (e.g. memoised on the customer map, not reading a mutable store).
   */
  customerName: (customerId: string) => string;
  /** Display name of an assignee (null = unassigned): used to sort by assignee. */
  assigneeName: (userId: string | null) => string;
  /** The workspace's SLA policies; the shipped defaults when absent. */
  slaPolicies?: SlaPolicySet;
}
