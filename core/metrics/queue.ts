/**
 * Live-queue KPIs over contacts: service level, answer rate, abandon rate.
 *
 * Service level = the share of contacts answered within a threshold (default
 * 20 s). Which denominator is the standard matters when the queue is
 * overloaded, so both are returned from the one pass:
 * - `standard`: answered within X / offered, where offered = answered +
 *   abandoned. This is the industry-standard figure and the one rated against
 *   `kpiTargets.service_level`: a caller who hung up after 3 minutes was not
 *   served within 20 s, and leaving them out would make the worst hours look best.
 * - `ofAnswered`: answered within X / answered, the "of those we answered" view.
 * Exactly X counts as within. An answered contact with no recorded queue wait
 * (`speedOfAnswerMs === null`) counts as answered but not within X: we cannot
 * show it met the threshold. Abandoned contacts are counted however long they
 * waited (the record has no wait for them, so no short-abandon exclusion).
 *
 * Answer rate = answered / offered, abandon rate = abandoned / offered, for
 * phone by default (playbook: abandonment < 5 %).
 *
 * Window: on `startedAt` (when the contact entered the queue). Empty → null.
 */
import type { Channel } from '../tickets/model';
import type { ContactRecord } from './contact';
import { QUEUED_CHANNELS } from './contact';
import type { Share } from './stats';
import { share } from './stats';
import type { TimeWindow } from './window';
import { inWindow } from './window';

export const DEFAULT_SERVICE_LEVEL_THRESHOLD_MS = 20_000;

export type QueueContact = Pick<ContactRecord, 'channel' | 'startedAt' | 'answered' | 'speedOfAnswerMs'>;

export interface ServiceLevelOptions {
  thresholdMs?: number;
  /** Defaults to the queued channels (phone and chat); pass one channel for a per-queue figure. */
  channels?: readonly Channel[];
  window?: TimeWindow;
}

export interface ServiceLevelResult {
  thresholdMs: number;
  /** Answered within the threshold / offered (answered + abandoned). */
  standard: Share;
  /** Answered within the threshold / answered. */
  ofAnswered: Share;
  offered: number;
  answered: number;
  abandoned: number;
}

export function serviceLevel(
  contacts: Iterable<QueueContact>,
  options: ServiceLevelOptions = {},
): ServiceLevelResult {
  const { thresholdMs = DEFAULT_SERVICE_LEVEL_THRESHOLD_MS, channels = QUEUED_CHANNELS, window } = options;
  let offered = 0;
  let answered = 0;
  let within = 0;
  for (const c of contacts) {
    if (!channels.includes(c.channel) || !inWindow(c.startedAt, window)) continue;
    offered += 1;
    if (!c.answered) continue;
    answered += 1;
    if (c.speedOfAnswerMs !== null && c.speedOfAnswerMs <= thresholdMs) within += 1;
  }
  return {
    thresholdMs,
    standard: share(within, offered),
    ofAnswered: share(within, answered),
    offered,
    answered,
    abandoned: offered - answered,
  };
}

export interface AnswerRatesResult {
  offered: number;
  answered: number;
  abandoned: number;
  answerRate: Share;
  abandonRate: Share;
}

/** Answer and abandon rate for one channel's queue (phone unless told otherwise). */
export function answerRates(
  contacts: Iterable<Pick<ContactRecord, 'channel' | 'startedAt' | 'answered'>>,
  options: { channel?: Channel; window?: TimeWindow } = {},
): AnswerRatesResult {
  const { channel = 'phone', window } = options;
  let offered = 0;
  let answered = 0;
  for (const c of contacts) {
    if (c.channel !== channel || !inWindow(c.startedAt, window)) continue;
    offered += 1;
    if (c.answered) answered += 1;
  }
  const abandoned = offered - answered;
  return {
    offered,
    answered,
    abandoned,
    answerRate: share(answered, offered),
    abandonRate: share(abandoned, offered),
  };
}
