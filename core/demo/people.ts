/** The people of the demo workspace: console users, squads and customers. */
import type { Customer, CustomerTier } from '../tickets/model';
import type { Squad, User } from '../workspace/model';
import { SQUAD_SPECS } from './catalog';
import {
  COMPANY_FIRST,
  COMPANY_SECOND,
  COMPANY_SUFFIX,
  CUSTOMER_DOMAINS,
  FIRST_NAMES,
  LANGUAGES,
  LAST_NAMES,
  emailSlug,
} from './names';
import type { Rng } from './random';

/** Demo users that can log in (passwords are provisioned elsewhere). */
export const DEMO_AGENT_EMAIL = 'ava@spark.demo';
export const DEMO_SUPERVISOR_EMAIL = 'sam@spark.demo';
export const DEMO_ADMIN_EMAIL = 'ada@spark.demo';
export const DEMO_USER_EMAILS = {
  agent: DEMO_AGENT_EMAIL,
  supervisor: DEMO_SUPERVISOR_EMAIL,
  admin: DEMO_ADMIN_EMAIL,
} as const;

export const DEMO_AGENT_ID = 'u-ava';
export const DEMO_SUPERVISOR_ID = 'u-sam';
export const DEMO_ADMIN_ID = 'u-ada';

/** Target customer mix: ~70 % SMB, 22 % Pro, 8 % Enterprise. */
export const CUSTOMER_TIER_SHARE: Record<CustomerTier, number> = { SMB: 0.7, Pro: 0.22, Enterprise: 0.08 };

const CHANNEL_SKILLS = ['email', 'chat', 'phone', 'portal'] as const;

export function buildSquads(): Squad[] {
  return SQUAD_SPECS.map((s) => ({ id: s.id, name: s.name, productAreas: [...s.productAreas] }));
}

/** A name generator that never repeats a full name. */
function nameSource(rng: Rng, taken: Set<string>): () => { first: string; last: string } {
  return () => {
    for (;;) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      if (!taken.has(`${first} ${last}`)) {
        taken.add(`${first} ${last}`);
        return { first, last };
      }
    }
  };
}

function skillsFor(rng: Rng, areas: readonly string[]): string[] {
  const channels = CHANNEL_SKILLS.filter((c) => c === 'email' || rng.chance(0.6));
  const lang = rng.pick(LANGUAGES);
  return [...areas, ...channels, 'lang:en', ...(lang === 'en' ? [] : [`lang:${lang}`])];
}

/** ~40 agents spread over the squads by headcount, a supervisor per squad, one admin. */
export function buildUsers(rng: Rng): User[] {
  const taken = new Set(['Ava Chen', 'Sam Okafor', 'Ada Moreno']);
  const nextName = nameSource(rng, taken);
  const users: User[] = [
    {
      id: DEMO_ADMIN_ID,
      name: 'Ada Moreno',
      email: DEMO_ADMIN_EMAIL,
      role: 'admin',
      squadIds: [],
      skills: ['admin'],
    },
  ];
  let agentNo = 0;
  SQUAD_SPECS.forEach((squad, s) => {
    if (s === 0) {
      users.push({
        id: DEMO_SUPERVISOR_ID,
        name: 'Sam Okafor',
        email: DEMO_SUPERVISOR_EMAIL,
        role: 'supervisor',
        squadIds: [squad.id],
        skills: [...squad.productAreas, 'lang:en'],
      });
    } else {
      const { first, last } = nextName();
      users.push({
        id: `u-s${s + 1}`,
        name: `${first} ${last}`,
        email: `${emailSlug(first)}.${emailSlug(last)}@spark.demo`,
        role: 'supervisor',
        squadIds: [squad.id],
        skills: [...squad.productAreas, 'lang:en'],
      });
    }
    for (let k = 0; k < squad.headcount; k++) {
      agentNo += 1;
      // A few agents float between two squads.
      const second = rng.chance(0.12)
        ? SQUAD_SPECS[(s + 1 + rng.int(SQUAD_SPECS.length - 1)) % SQUAD_SPECS.length]
        : undefined;
      const squadIds = second ? [squad.id, second.id] : [squad.id];
      const areas = second ? [...squad.productAreas, ...second.productAreas] : squad.productAreas;
      if (s === 0 && k === 0) {
        users.push({
          id: DEMO_AGENT_ID,
          name: 'Ava Chen',
          email: DEMO_AGENT_EMAIL,
          role: 'agent',
          squadIds: [squad.id],
          skills: [...squad.productAreas, 'email', 'chat', 'phone', 'portal', 'lang:en', 'lang:es'],
        });
        continue;
      }
      const { first, last } = nextName();
      users.push({
        id: `u-a${String(agentNo).padStart(2, '0')}`,
        name: `${first} ${last}`,
        email: `${emailSlug(first)}.${emailSlug(last)}@spark.demo`,
        role: 'agent',
        squadIds,
        skills: skillsFor(rng, areas),
      });
    }
  });
  return users;
}

function companyName(rng: Rng): string {
  const first = rng.chance(0.5) ? rng.pick(COMPANY_FIRST) : rng.pick(LAST_NAMES);
  return `${first} ${rng.pick(COMPANY_SECOND)}${rng.pick(COMPANY_SUFFIX)}`;
}

/** A fleet name no other fleet has (a numbered one once the word lists run out). */
function fleetName(rng: Rng, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const name = `${rng.pick(COMPANY_FIRST)} ${rng.pick(COMPANY_SECOND)}`;
    const unique = attempt < 20 ? name : `${name} ${attempt}`;
    if (!taken.has(unique)) {
      taken.add(unique);
      return unique;
    }
  }
}

/**
 * Customers with the tier mix in CUSTOMER_TIER_SHARE (exact counts, shuffled).
 * Enterprise customers are people at a few large fleets; each fleet has a named
 * account manager. SMB customers are mostly independent drivers.
 */
export function buildCustomers(rng: Rng, count: number, accountManagerIds: readonly string[]): Customer[] {
  const enterprise = Math.max(1, Math.round(count * CUSTOMER_TIER_SHARE.Enterprise));
  const pro = Math.round(count * CUSTOMER_TIER_SHARE.Pro);
  const tiers: CustomerTier[] = [];
  for (let i = 0; i < count; i++)
    tiers.push(i < enterprise ? 'Enterprise' : i < enterprise + pro ? 'Pro' : 'SMB');
  rng.shuffle(tiers);

  const taken = new Set<string>();
  const fleets = Array.from({ length: Math.max(1, Math.round(enterprise / 6)) }, () => {
    const name = fleetName(rng, taken);
    return {
      name,
      domain: `${emailSlug(name).replace(/\./g, '-')}.example`,
      managerId: rng.pick(accountManagerIds),
    };
  });
  return tiers.map((tier, i) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const local = `${emailSlug(first)}.${emailSlug(last)}.${(i + 1).toString(36)}`;
    const base = { id: `cus-${String(i + 1).padStart(5, '0')}`, name: `${first} ${last}`, tier };
    if (tier === 'Enterprise') {
      const fleet = rng.pick(fleets);
      return {
        ...base,
        email: `${local}@${fleet.domain}`,
        company: fleet.name,
        accountManagerId: fleet.managerId,
      };
    }
    const company =
      tier === 'SMB' && rng.chance(0.65) ? `${first} ${last} (independent driver)` : companyName(rng);
    return { ...base, email: `${local}@${rng.pick(CUSTOMER_DOMAINS)}`, company, accountManagerId: null };
  });
}
