/**
 * Demo macros:
 * - one per ABCD subflow, its kb.json action sequence turned into a customer
 *   reply (actions up to the first question, which leaves the ticket waiting
 *   on the customer);
 * - one canned reply per Bitext intent (a response without per-ticket slots);
 * - the Spark Drive ones (escalation, known issues).
 */
import type { Macro, MacroAction } from '../macros/model';
import type { ProductArea, Squad } from '../workspace/model';
import type { IntentCatalog } from './intents';
import { abcdArea } from './kb';
import type { Rng } from './random';
import type { DemoSources } from './sources';
import { SPARK_MACROS } from './spark-kb';

/** What the customer hears for each ABCD agent action; `ask` marks a question back to the customer. */
const ACTION_TEXT: Record<string, { text: string; ask?: true }> = {
  'pull-up-account': { text: "I've pulled up your account." },
  'verify-identity': {
    text: 'To keep your account safe, could you confirm your full name and the email address or phone number on file?',
    ask: true,
  },
  'validate-purchase': {
    text: 'Could you send me the order number and the email address on the account, so I can confirm the order?',
    ask: true,
  },
  'record-reason': { text: "I've noted the reason for your request on the ticket." },
  'enter-details': { text: "I've added the details you shared to your account." },
  'make-password': {
    text: "I've generated a temporary password for you; you'll be asked to choose a new one when you sign in.",
  },
  'send-link': { text: "I've emailed you a link with the next steps." },
  'ask-the-oracle': { text: "I've checked this in our system." },
  'update-account': { text: "I've updated your account with the new information." },
  'offer-refund': {
    text: "I've issued a refund to your original payment method; it can take 5–10 business days to appear.",
  },
  'promo-code': { text: "As a thank-you for your patience, I've added a promo code to your account." },
  membership: { text: "I've checked the benefits that come with your plan." },
  'shipping-status': { text: "I've checked the current status of the delivery." },
  'update-order': { text: "I've updated the order as requested." },
  'make-purchase': { text: "I've placed the order for you." },
  'notify-team': {
    text: "I've passed this on to the responsible team, who will follow up with you directly.",
  },
  'subscription-status': { text: "I've checked the status of your subscription." },
};

const wrap = (text: string): string =>
  `Hi {{customer.first_name}},\n\n${text}\n\nBest,\n{{agent.first_name}}\nSpark Drive Support`;

const tagOf = (s: string): string => s.replace(/_/g, '-');

const humanize = (intent: string): string => {
  const s = intent.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

function abcdMacros(sources: DemoSources, squadByArea: ReadonlyMap<ProductArea, Squad>): Macro[] {
  const macros: Macro[] = [];
  for (const flow of sources.abcd.flows) {
    for (const sub of flow.subflows) {
      const area = abcdArea(flow, sub);
      if (!area) continue;
      const sentences: string[] = [];
      let asks = false;
      for (const action of sub.actions) {
        const t = ACTION_TEXT[action];
        if (!t) continue;
        sentences.push(t.text);
        if (t.ask) {
          asks = true;
          break;
        }
      }
      if (sentences.length === 0) continue;
      const actions: MacroAction[] = [{ type: 'add_tags', tags: [tagOf(area), tagOf(sub.id)] }];
      if (asks) actions.push({ type: 'set_state', state: 'waiting_on_customer' });
      else if (sub.actions.includes('notify-team')) {
        const squad = squadByArea.get(area);
        if (squad) actions.push({ type: 'assign_squad', squadId: squad.id });
      }
      macros.push({
        id: `mac-abcd-${tagOf(sub.id)}`,
        name: `${flow.name}: ${sub.name}`,
        description: `${flow.description} (ABCD guideline "${sub.name}")`,
        body: wrap(`${sentences.join(' ')}\n\nIs there anything else I can help you with on {{ticket.ref}}?`),
        actions,
        productArea: area,
        intent: sub.id,
      });
    }
  }
  return macros;
}

function bitextMacros(rng: Rng, catalog: IntentCatalog): Macro[] {
  const macros: Macro[] = [];
  for (const entry of catalog.entries) {
    if (entry.source !== 'bitext') continue;
    const fixed = entry.cases
      .map((c) => c.response)
      .filter((t) => t.slots.length === 0 && (t.parts[0] ?? '').length <= 900);
    if (fixed.length === 0) continue;
    macros.push({
      id: `mac-bitext-${tagOf(entry.intent)}`,
      name: `Reply: ${humanize(entry.intent)}`,
      description: `Standard answer for ${humanize(entry.intent).toLowerCase()} requests.`,
      body: wrap(rng.pick(fixed).parts[0] ?? ''),
      actions: [{ type: 'add_tags', tags: [tagOf(entry.area), tagOf(entry.intent)] }],
      productArea: entry.area,
      intent: entry.intent,
    });
  }
  return macros;
}

export function buildMacros(
  rng: Rng,
  sources: DemoSources,
  catalog: IntentCatalog,
  squadByArea: ReadonlyMap<ProductArea, Squad>,
): Macro[] {
  const spark = SPARK_MACROS.map((m): Macro => ({
    id: `mac-${m.slug}`,
    name: m.name,
    description: m.description,
    body: wrap(m.text),
    actions: m.actions.map((a): MacroAction => ('tags' in a ? { ...a, tags: [...a.tags] } : { ...a })),
    productArea: m.area,
    intent: m.intent,
  }));
  return [...spark, ...abcdMacros(sources, squadByArea), ...bitextMacros(rng, catalog)];
}
