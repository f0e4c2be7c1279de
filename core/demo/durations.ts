/**
 * How long things take, per channel and tier, in milliseconds. Medians follow
 * the playbook targets (DOMAIN.md): phone answered within ~30 s, chat within
 * 2 min, priority email within 1 h, standard email within 24 h; AHT chat
 * 6–12 min, phone 10–20 min. Log-normal spreads give realistic tails, so a
 * few tickets miss their targets.
 */
import type { Channel, CustomerTier, IssueTier, Priority, Severity } from '../tickets/model';
import type { Rng } from './random';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const clamp = (v: number, min: number, max: number): number => Math.round(Math.min(max, Math.max(min, v)));

/** Queue wait or time to the first public reply. */
export function firstResponseDelay(
  rng: Rng,
  channel: Channel,
  priority: Priority,
  tier: CustomerTier,
): number {
  if (channel === 'phone') return clamp(rng.logNormal(18 * SECOND, 0.6), 3 * SECOND, 4 * MINUTE);
  if (channel === 'chat') return clamp(rng.logNormal(55 * SECOND, 0.6), 8 * SECOND, 10 * MINUTE);
  const urgent = priority === 'high' || priority === 'urgent';
  const tierFactor = tier === 'Enterprise' ? 0.35 : tier === 'Pro' ? 0.8 : 1;
  const median = (urgent ? 25 * MINUTE : priority === 'low' ? 7 * HOUR : 4 * HOUR) * tierFactor;
  return clamp(rng.logNormal(median, 0.75), 2 * MINUTE, 72 * HOUR);
}

export interface HandleTime {
  talkMs: number;
  holdMs: number;
  afterContactWorkMs: number;
  activeMs: number;
}

/** Agent work for one contact: talk/hold/wrap-up on a call, active time otherwise. */
export function handleTime(rng: Rng, channel: Channel, followUp: boolean): HandleTime {
  const scale = followUp ? 0.7 : 1;
  if (channel === 'phone') {
    return {
      talkMs: clamp(rng.logNormal(9.5 * MINUTE * scale, 0.35), 90 * SECOND, 45 * MINUTE),
      holdMs: rng.chance(0.45) ? clamp(rng.logNormal(70 * SECOND, 0.6), 10 * SECOND, 10 * MINUTE) : 0,
      afterContactWorkMs: clamp(rng.logNormal(2.5 * MINUTE, 0.4), 20 * SECOND, 15 * MINUTE),
      activeMs: 0,
    };
  }
  const median = channel === 'chat' ? 8.5 * MINUTE : 7 * MINUTE;
  return {
    talkMs: 0,
    holdMs: 0,
    afterContactWorkMs: 0,
    activeMs: clamp(rng.logNormal(median * scale, 0.35), 60 * SECOND, 60 * MINUTE),
  };
}

/** Wall-clock length of a contact as the customer sees it. */
export function contactSpan(h: HandleTime): number {
  return h.talkMs + h.holdMs + h.activeMs;
}

/** How long a customer takes to answer a question. */
export function customerDelay(rng: Rng, channel: Channel): number {
  if (channel === 'chat')
    return rng.chance(0.7)
      ? clamp(rng.logNormal(2 * MINUTE, 0.6), 20 * SECOND, 20 * MINUTE)
      : clamp(rng.logNormal(6 * HOUR, 1), 10 * MINUTE, 6 * DAY);
  return clamp(rng.logNormal(channel === 'phone' ? 6 * HOUR : 12 * HOUR, 1.1), 5 * MINUTE, 8 * DAY);
}

/** From a customer follow-up to an agent picking the ticket up again. */
export function pickupDelay(rng: Rng, channel: Channel, tier: CustomerTier): number {
  if (channel === 'chat') return clamp(rng.logNormal(60 * SECOND, 0.6), 5 * SECOND, 15 * MINUTE);
  const median = tier === 'Enterprise' ? 40 * MINUTE : 150 * MINUTE;
  return clamp(rng.logNormal(median, 0.9), 2 * MINUTE, 3 * DAY);
}

/** Investigation before the resolving reply, by issue tier. */
export function workDelay(rng: Rng, tier: IssueTier): number {
  if (tier === 1) return clamp(rng.logNormal(20 * MINUTE, 0.8), 2 * MINUTE, 20 * HOUR);
  if (tier === 2) return clamp(rng.logNormal(10 * HOUR, 0.9), 20 * MINUTE, 6 * DAY);
  return clamp(rng.logNormal(20 * HOUR, 0.7), 2 * HOUR, 10 * DAY);
}

/** Time with engineering / specialists. */
export function escalationDuration(rng: Rng, tier: IssueTier, severity: Severity): number {
  if (severity === 1) return clamp(rng.logNormal(5 * HOUR, 0.5), 45 * MINUTE, 3 * DAY);
  return clamp(rng.logNormal(tier === 3 ? 30 * HOUR : 12 * HOUR, 0.7), 1 * HOUR, 14 * DAY);
}
