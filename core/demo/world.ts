/**
 * The demo world: everything about a workspace except its tickets — users,
 * squads, customers, KB articles, macros — plus the lookups ticket generation
 * needs. Built once per (seed, options); tickets are then generated from it one
 * by one, so they can be produced all at once or in chunks.
 */
import type { KbArticle } from '../kb/model';
import type { Macro } from '../macros/model';
import type { Customer, CustomerTier } from '../tickets/model';
import { CUSTOMER_TIERS } from '../tickets/model';
import type { ProductArea, Squad, User, Workspace } from '../workspace/model';
import type { ArrivalCurve } from './arrivals';
import { arrivalCurve } from './arrivals';
import type { IntentCatalog } from './intents';
import { buildIntentCatalog } from './intents';
import { buildKbArticles } from './kb';
import { buildMacros } from './macros';
import { buildCustomers, buildSquads, buildUsers } from './people';
import type { Weighted } from './random';
import { hashSeed, rngFor, weighted } from './random';
import type { DemoSources } from './sources';

export interface DemoOptions {
  seed: number | string;
  /** Number of tickets to generate. */
  tickets: number;
  /** Epoch ms; nothing generated lies after it. */
  now: number;
  sources: DemoSources;
  /** Days of history before `now`; default 90. */
  days?: number;
  /** Number of customers; default a third of the tickets, within [30, 50 000]. */
  customers?: number;
}

export const DEMO_WORKSPACE: Workspace = { id: 'ws-spark-drive', name: 'Spark Drive', refPrefix: 'SD' };
/** Ticket numbers start here: SD-10001 is the first (oldest) ticket. */
export const FIRST_TICKET_NUMBER = 10001;
/** Author of automatic moves (triage by the classifier, auto-close). */
export const SYSTEM_ACTOR_ID = 'system';

/** Random streams, so adding draws to one part never changes another. */
export const STREAM = { users: 1, customers: 2, tickets: 3, links: 4, kb: 5, macros: 6 } as const;

/** Relative ticket volume per customer, by tier: Enterprise customers file more tickets each. */
const TICKETS_PER_CUSTOMER: Record<CustomerTier, number> = { SMB: 1, Pro: 1.3, Enterprise: 2.5 };

export interface DemoWorld {
  seed: number;
  now: number;
  days: number;
  ticketCount: number;
  workspace: Workspace;
  users: User[];
  squads: Squad[];
  customers: Customer[];
  kbArticles: KbArticle[];
  macros: Macro[];
  catalog: IntentCatalog;
  curve: ArrivalCurve;
  customersByTier: Record<CustomerTier, Customer[]>;
  customerTiers: Weighted<CustomerTier>;
  squadByArea: ReadonlyMap<ProductArea, Squad>;
  agentsBySquad: ReadonlyMap<string, readonly User[]>;
  /** Specialists who write engineering updates on escalated tickets. */
  specialists: readonly User[];
}

export function createDemoWorld(options: DemoOptions): DemoWorld {
  const ticketCount = Math.max(0, Math.floor(options.tickets));
  const days = options.days ?? 90;
  const seed = hashSeed(options.seed);
  const squads = buildSquads();
  const users = buildUsers(rngFor(seed, STREAM.users));
  const agents = users.filter((u) => u.role === 'agent');
  const supervisors = users.filter((u) => u.role === 'supervisor');

  const managerRng = rngFor(seed, STREAM.users, 1);
  const accountManagers = [...supervisors.slice(0, 2), ...managerRng.shuffle([...agents]).slice(0, 6)].map(
    (u) => u.id,
  );
  const customerCount = options.customers ?? Math.min(50_000, Math.max(30, Math.round(ticketCount / 3)));
  const customers = buildCustomers(rngFor(seed, STREAM.customers), customerCount, accountManagers);

  const customersByTier: Record<CustomerTier, Customer[]> = { SMB: [], Pro: [], Enterprise: [] };
  for (const c of customers) customersByTier[c.tier].push(c);
  const customerTiers = weighted(
    CUSTOMER_TIERS.map((t) => [t, customersByTier[t].length * TICKETS_PER_CUSTOMER[t]] as const),
  );

  const squadByArea = new Map<ProductArea, Squad>();
  for (const s of squads) for (const a of s.productAreas) squadByArea.set(a as ProductArea, s);
  const agentsBySquad = new Map(
    squads.map((s) => [s.id, agents.filter((a) => a.squadIds.includes(s.id))] as const),
  );
  const specialists = agents.filter((a) => a.squadIds.includes('sq-trust') || a.squadIds.includes('sq-app'));

  const catalog = buildIntentCatalog(options.sources);
  const start = options.now - days * 86_400_000;
  return {
    seed,
    now: options.now,
    days,
    ticketCount,
    workspace: { ...DEMO_WORKSPACE },
    users,
    squads,
    customers,
    kbArticles: buildKbArticles(rngFor(seed, STREAM.kb), options.sources, squads, users, start, options.now),
    macros: buildMacros(rngFor(seed, STREAM.macros), options.sources, catalog, squadByArea),
    catalog,
    curve: arrivalCurve(options.now, days),
    customersByTier,
    customerTiers,
    squadByArea,
    agentsBySquad,
    specialists,
  };
}
