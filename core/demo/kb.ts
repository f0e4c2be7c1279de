/**
 * Demo KB articles: one how-to per ABCD guideline subflow (the agent procedure
 * as the workaround), plus the Spark Drive known-issue articles. Owners come
 * from the squad owning the area; review dates are spread so that some reviews
 * are overdue (> 90 days).
 */
import type { KbArticle } from '../kb/model';
import type { Squad, User } from '../workspace/model';
import type { ProductArea } from '../workspace/model';
import type { Rng } from './random';
import type { AbcdFlow, AbcdSubflow, DemoSources } from './sources';
import { SPARK_ARTICLES } from './spark-kb';

const DAY = 86_400_000;

/** ABCD flow → Spark Drive area; null = not relevant to Spark Drive (clothing FAQs). */
const ABCD_FLOW_AREAS: Record<string, ProductArea | null> = {
  account_access: 'account_access',
  manage_account: 'account_access',
  order_issue: 'orders',
  product_defect: 'refunds',
  purchase_dispute: 'billing',
  shipping_issue: 'delivery',
  subscription_inquiry: 'billing',
  troubleshoot_site: 'app_crash',
  storewide_query: 'general',
  single_item_query: null,
};

/** Subflows that belong elsewhere than their flow. */
const ABCD_SUBFLOW_AREAS: Record<string, ProductArea> = {
  manage_payment_method: 'payments',
  status_credit_missing: 'billing',
  status_mystery_fee: 'billing',
  status_payment_method: 'billing',
  credit_card: 'payments',
  shopping_cart: 'orders',
};

export function abcdArea(flow: AbcdFlow, sub: AbcdSubflow): ProductArea | null {
  const flowArea = ABCD_FLOW_AREAS[flow.id];
  if (flowArea === null) return null;
  return ABCD_SUBFLOW_AREAS[sub.id] ?? flowArea ?? 'general';
}

export const ABCD_CREDIT =
  'Adapted from the ASAPP Action-Based Conversations Dataset (ABCD) agent guidelines, MIT licence.';

function procedure(sub: AbcdSubflow): string {
  return sub.steps
    .map((s, i) => `${i + 1}. ${s.button !== 'N/A' ? `[${s.button}] ` : ''}${s.text}`)
    .join('\n');
}

function body(flow: AbcdFlow, sub: AbcdSubflow): string {
  const steps = sub.steps
    .map((s, i) =>
      [
        `${i + 1}. ${s.button !== 'N/A' ? `**${s.button}** — ` : ''}${s.text}`,
        ...s.subtext.map((t) => `   - ${t}`),
      ].join('\n'),
    )
    .join('\n');
  const intro = sub.instructions.length ? `${sub.instructions.join(' ')}\n\n` : '';
  return `## ${flow.name}: ${sub.name}\n\n${intro}${steps}\n\n_${ABCD_CREDIT}_`;
}

function ownersByArea(squads: readonly Squad[], users: readonly User[]): Map<string, User[]> {
  const map = new Map<string, User[]>();
  for (const s of squads) {
    const members = users.filter((u) => u.role !== 'admin' && u.squadIds.includes(s.id));
    for (const a of s.productAreas) map.set(a, members);
  }
  return map;
}

export function buildKbArticles(
  rng: Rng,
  sources: DemoSources,
  squads: readonly Squad[],
  users: readonly User[],
  windowStart: number,
  now: number,
): KbArticle[] {
  const owners = ownersByArea(squads, users);
  const fallback = users[0]?.id ?? 'system';
  const dates = (): { createdAt: number; reviewedAt: number } => {
    const createdAt = Math.min(windowStart, now - 30 * DAY) - rng.between(0, 300) * DAY - rng.int(DAY);
    // ~30 % of reviews are older than the 90-day interval.
    const reviewedAt = Math.max(createdAt, now - rng.between(1, 128) * DAY - rng.int(DAY));
    return { createdAt, reviewedAt };
  };
  const owner = (area: string): string => {
    const list = owners.get(area);
    return list && list.length ? rng.pick(list).id : fallback;
  };

  const articles: KbArticle[] = [];
  for (const flow of sources.abcd.flows) {
    for (const sub of flow.subflows) {
      const area = abcdArea(flow, sub);
      if (!area) continue;
      articles.push({
        id: `kb-abcd-${sub.id.replace(/_/g, '-')}`,
        title: `${sub.name} (${flow.name})`,
        productArea: area,
        ownerId: owner(area),
        problem: `Customer request: ${sub.name.toLowerCase()} — ${flow.description}.`,
        reproSteps: [],
        workaround: procedure(sub),
        fixEta: null,
        affectedVersions: [],
        body: body(flow, sub),
        tags: [area.replace(/_/g, '-'), 'how-to', flow.id.replace(/_/g, '-'), sub.id.replace(/_/g, '-')],
        ...dates(),
      });
    }
  }
  for (const a of SPARK_ARTICLES) {
    articles.push({
      id: `kb-${a.slug}`,
      title: a.title,
      productArea: a.area,
      ownerId: owner(a.area),
      problem: a.problem,
      reproSteps: [...a.reproSteps],
      workaround: a.workaround,
      fixEta: a.fixInDays === null ? null : now + a.fixInDays * DAY,
      affectedVersions: [...a.affectedVersions],
      tags: [a.area.replace(/_/g, '-'), ...a.tags],
      ...dates(),
    });
  }
  return articles;
}
