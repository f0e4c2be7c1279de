/**
 * The facts of a ticket fixed at creation: who, what, which channel, how
 * urgent. Drawn from the ticket's own random stream, so ticket n can be
 * generated without generating tickets 0…n-1.
 */
import type { Channel, Customer, CustomerTier, IssueTier, Priority, Severity } from '../tickets/model';
import type { ProductArea } from '../workspace/model';
import { TIER3_AREAS } from './catalog';
import type { IntentCase, IntentEntry } from './intents';
import { arrivalAt } from './arrivals';
import type { Rng, Weighted } from './random';
import { pickWeighted, rngFor, weighted } from './random';
import type { SlotValues } from './templates';
import { APP_VERSIONS, DEVICES } from './catalog';
import type { DemoWorld } from './world';
import { STREAM } from './world';

export interface TicketHeader {
  index: number;
  customer: Customer;
  entry: IntentEntry;
  area: ProductArea;
  case: IntentCase;
  utterance: string;
  channel: Channel;
  priority: Priority;
  issueTier: IssueTier;
  severity: Severity;
  createdAt: number;
  /** Index of the earlier ticket this one follows up, if any. */
  followUpOf: number | null;
  slots: SlotValues;
}

interface Origin {
  customer: Customer;
  entry: IntentEntry;
}

/** The first draws of a ticket's stream: its customer and topic. */
function drawOrigin(world: DemoWorld, rng: Rng): Origin {
  const tier = pickWeighted(rng, world.customerTiers);
  const customer = rng.pick(world.customersByTier[tier]);
  const area = pickWeighted(rng, world.catalog.areas);
  const entry = rng.pick(world.catalog.byArea.get(area) ?? []);
  return { customer, entry };
}

const FOLLOW_UP_SHARE = 0.02;

/** Whether ticket `index` is a new ticket following up an earlier one ("reopened as a new linked ticket"). */
function followUpTarget(world: DemoWorld, index: number): number | null {
  if (index < 20) return null;
  const rng = rngFor(world.seed, STREAM.links, index);
  if (!rng.chance(FOLLOW_UP_SHARE)) return null;
  const target = index - 1 - rng.int(Math.min(index, 300));
  // Only first-generation links, so the target's customer is its own origin's.
  return followUpTarget(world, target) === null ? target : null;
}

const CHANNELS: Record<'default' | 'enterprise' | 'urgent', Weighted<Channel>> = {
  default: weighted([
    ['email', 44],
    ['chat', 28],
    ['portal', 17],
    ['phone', 11],
  ]),
  enterprise: weighted([
    ['email', 40],
    ['chat', 24],
    ['portal', 14],
    ['phone', 22],
  ]),
  urgent: weighted([
    ['email', 40],
    ['chat', 20],
    ['portal', 10],
    ['phone', 30],
  ]),
};

const PRIORITIES: Record<IssueTier, Weighted<Priority>> = {
  1: weighted([
    ['low', 30],
    ['normal', 60],
    ['high', 9],
    ['urgent', 1],
  ]),
  2: weighted([
    ['low', 10],
    ['normal', 55],
    ['high', 30],
    ['urgent', 5],
  ]),
  3: weighted([
    ['normal', 20],
    ['high', 50],
    ['urgent', 30],
  ]),
};
const BUMP: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };

function drawSeverity(
  rng: Rng,
  tier: CustomerTier,
  issueTier: IssueTier,
  area: ProductArea,
  priority: Priority,
): Severity {
  // Sev 1 = production down / data loss for an Enterprise customer.
  if (tier === 'Enterprise') {
    if (issueTier === 3 && rng.chance(0.35)) return 1;
    if ((area === 'app_crash' || area === 'integrations' || area === 'payments') && rng.chance(0.03))
      return 1;
  }
  if (priority === 'urgent') return 2;
  if (priority === 'high') return rng.chance(0.5) ? 2 : 3;
  return priority === 'low' ? 4 : 3;
}

const VERSIONS = weighted(APP_VERSIONS.map((v, i) => [v, i + 1] as const));

function drawSlots(rng: Rng, customer: Customer, fromText: IntentCase['slots']): SlotValues {
  const n = Number(customer.id.replace(/\D/g, '')) || 0;
  const slots: SlotValues = {
    order: `ORD-${rng.between(1_000_000, 9_999_999)}`,
    first_name: customer.name.split(' ')[0] ?? customer.name,
    amount: `$${(rng.between(500, 18_000) / 100).toFixed(2)}`,
    invoice: `INV-${rng.between(100_000, 999_999)}`,
    app_version: pickWeighted(rng, VERSIONS),
    device: rng.pick(DEVICES),
    driver_id: `D-${100_000 + ((n * 7919) % 900_000)}`,
  };
  return fromText ? { ...slots, ...fromText } : slots;
}

export function drawHeader(world: DemoWorld, index: number): TicketHeader {
  const rng = rngFor(world.seed, STREAM.tickets, index);
  let { customer, entry } = drawOrigin(world, rng);
  const followUpOf = followUpTarget(world, index);
  if (followUpOf !== null)
    ({ customer, entry } = drawOrigin(world, rngFor(world.seed, STREAM.tickets, followUpOf)));

  const n = Math.max(1, world.ticketCount);
  const createdAt = arrivalAt(world.curve, (index + rng.next()) / n);
  const area = entry.area;
  const issueTier: IssueTier = TIER3_AREAS.has(area)
    ? 3
    : entry.issueTier === 1 && rng.chance(0.08)
      ? 2
      : entry.issueTier;
  let priority = pickWeighted(rng, PRIORITIES[issueTier]);
  if (customer.tier === 'Enterprise' && rng.chance(0.3)) priority = BUMP[priority];
  const severity = drawSeverity(rng, customer.tier, issueTier, area, priority);
  if (severity === 1) priority = 'urgent';
  const chosen = rng.pick(entry.cases);
  const channels =
    severity <= 2 ? CHANNELS.urgent : customer.tier === 'Enterprise' ? CHANNELS.enterprise : CHANNELS.default;
  return {
    index,
    customer,
    entry,
    area,
    case: chosen,
    utterance: chosen.utterance,
    channel: pickWeighted(rng, channels),
    priority,
    issueTier,
    severity,
    createdAt,
    followUpOf,
    slots: drawSlots(rng, customer, chosen.slots),
  };
}
