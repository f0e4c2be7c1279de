/**
 * The intent catalog: every intent a generated ticket can have, with its
 * product area, issue tier, customer utterances and compiled agent responses —
 * Bitext intents mapped onto Spark Drive, plus the Spark-Drive-specific ones.
 */
import type { IssueTier } from '../tickets/model';
import type { ProductArea } from '../workspace/model';
import { PRODUCT_AREAS } from '../workspace/model';
import { AREA_WEIGHTS, bitextAreaMapping } from './catalog';
import type { Weighted } from './random';
import { weighted } from './random';
import type { DemoSources } from './sources';
import { SPARK_INTENTS } from './spark-texts';
import type { Slot, Template } from './templates';
import { compileTemplate, toSubject } from './templates';

/** A customer text and an agent answer that fits it. */
export interface IntentCase {
  utterance: string;
  /** The utterance as a ticket subject (computed once, shared by every ticket using it). */
  subject: string;
  response: Template;
  /** Values the utterance itself mentions (an order number), so the reply and details agree with it. */
  slots: Partial<Record<Slot, string>> | null;
}

export interface IntentEntry {
  intent: string;
  area: ProductArea;
  issueTier: IssueTier;
  cases: readonly IntentCase[];
  source: 'bitext' | 'spark';
  /** Tag forms of the area and the intent, e.g. `account-access`, `recover-password`. */
  areaTag: string;
  intentTag: string;
}

const tagOf = (s: string): string => s.replace(/_/g, '-');

const ENTITY_SLOTS: Record<string, Slot> = {
  order_id: 'order',
  invoice_id: 'invoice',
  refund_amount: 'amount',
};

function entitySlots(entity: { type: string; value: string } | undefined): IntentCase['slots'] {
  const slot = entity && ENTITY_SLOTS[entity.type];
  if (!entity || !slot) return null;
  const value = slot === 'amount' && /^\d+(\.\d+)?$/.test(entity.value) ? `$${entity.value}` : entity.value;
  return { [slot]: value };
}

export interface IntentCatalog {
  entries: readonly IntentEntry[];
  byArea: ReadonlyMap<ProductArea, readonly IntentEntry[]>;
  /** Areas weighted by AREA_WEIGHTS, among those with at least one intent. */
  areas: Weighted<ProductArea>;
}

export function buildIntentCatalog(sources: DemoSources): IntentCatalog {
  const entries: IntentEntry[] = [];
  for (const b of sources.bitext.intents) {
    const { area, issueTier } = bitextAreaMapping(b.intent, b.category);
    entries.push({
      intent: b.intent,
      area,
      issueTier,
      cases: b.responses.flatMap((r) => {
        const utterance = b.utterances[r.utterance];
        if (utterance === undefined) return [];
        return [
          {
            utterance,
            subject: toSubject(utterance),
            response: compileTemplate(r.text),
            slots: entitySlots(r.entity),
          },
        ];
      }),
      source: 'bitext',
      areaTag: tagOf(area),
      intentTag: tagOf(b.intent),
    });
  }
  for (const s of SPARK_INTENTS) {
    // Spark Drive answers are written per intent, so any of them fits any of its utterances.
    const responses = s.responses.map(compileTemplate);
    const cases = s.utterances.flatMap((utterance) =>
      responses.map((response) => ({ utterance, subject: toSubject(utterance), response, slots: null })),
    );
    entries.push({
      intent: s.intent,
      area: s.area,
      issueTier: s.issueTier,
      cases,
      source: 'spark',
      areaTag: tagOf(s.area),
      intentTag: tagOf(s.intent),
    });
  }
  const byArea = new Map<ProductArea, IntentEntry[]>();
  for (const e of entries) {
    if (e.cases.length === 0) continue;
    const list = byArea.get(e.area);
    if (list) list.push(e);
    else byArea.set(e.area, [e]);
  }
  const areas = weighted(
    PRODUCT_AREAS.filter((a) => byArea.has(a)).map((a) => [a, AREA_WEIGHTS[a]] as const),
  );
  return { entries, byArea, areas };
}
