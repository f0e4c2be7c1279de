/**
 * How the demo maps its text sources onto Spark Drive: which product area a
 * Bitext intent belongs to, how often each area comes up, which squad owns it.
 */
import type { IssueTier } from '../tickets/model';
import type { ProductArea } from '../workspace/model';

export interface AreaMapping {
  area: ProductArea;
  issueTier: IssueTier;
}

/** Bitext intent → Spark Drive product area. */
export const BITEXT_INTENT_AREAS: Record<string, AreaMapping> = {
  create_account: { area: 'onboarding', issueTier: 1 },
  registration_problems: { area: 'onboarding', issueTier: 1 },
  recover_password: { area: 'account_access', issueTier: 1 },
  edit_account: { area: 'account_access', issueTier: 1 },
  switch_account: { area: 'account_access', issueTier: 1 },
  delete_account: { area: 'account_access', issueTier: 1 },
  check_cancellation_fee: { area: 'billing', issueTier: 1 },
  check_invoice: { area: 'billing', issueTier: 1 },
  get_invoice: { area: 'billing', issueTier: 1 },
  check_payment_methods: { area: 'billing', issueTier: 1 },
  payment_issue: { area: 'payments', issueTier: 2 },
  contact_customer_service: { area: 'general', issueTier: 1 },
  contact_human_agent: { area: 'general', issueTier: 1 },
  complaint: { area: 'general', issueTier: 1 },
  review: { area: 'general', issueTier: 1 },
  newsletter_subscription: { area: 'general', issueTier: 1 },
  delivery_options: { area: 'delivery', issueTier: 1 },
  delivery_period: { area: 'delivery', issueTier: 1 },
  change_shipping_address: { area: 'delivery', issueTier: 1 },
  set_up_shipping_address: { area: 'delivery', issueTier: 1 },
  cancel_order: { area: 'orders', issueTier: 1 },
  change_order: { area: 'orders', issueTier: 1 },
  place_order: { area: 'orders', issueTier: 1 },
  track_order: { area: 'orders', issueTier: 2 },
  check_refund_policy: { area: 'refunds', issueTier: 1 },
  get_refund: { area: 'refunds', issueTier: 1 },
  track_refund: { area: 'refunds', issueTier: 1 },
};

/** Fallback for a Bitext intent not listed above (a newer dataset), by category. */
export const BITEXT_CATEGORY_AREAS: Record<string, ProductArea> = {
  ACCOUNT: 'account_access',
  CANCELLATION_FEE: 'billing',
  CONTACT: 'general',
  DELIVERY: 'delivery',
  FEEDBACK: 'general',
  INVOICE: 'billing',
  NEWSLETTER: 'general',
  ORDER: 'orders',
  PAYMENT: 'payments',
  REFUND: 'refunds',
  SHIPPING_ADDRESS: 'delivery',
};

/**
 * Spark Drive area and issue tier of a Bitext intent: by intent, else by its
 * category, else `general`. The demo generator and triage both use this, so a
 * classified ticket lands in the same area a generated one would.
 */
export function bitextAreaMapping(intent: string, category: string): AreaMapping {
  const mapped = BITEXT_INTENT_AREAS[intent];
  const area = mapped?.area ?? BITEXT_CATEGORY_AREAS[category] ?? 'general';
  return { area, issueTier: TIER3_AREAS.has(area) ? 3 : (mapped?.issueTier ?? 1) };
}

/** Share of tickets per product area (relative weights). */
export const AREA_WEIGHTS: Record<ProductArea, number> = {
  orders: 15,
  payments: 13,
  account_access: 12,
  delivery: 11,
  refunds: 9,
  app_crash: 9,
  billing: 8,
  onboarding: 7,
  background_check: 6,
  general: 3.5,
  integrations: 3,
  security: 2,
  data_loss: 1.5,
};

/** Data loss and security are always Tier 3 (engineering engaged in parallel). */
export const TIER3_AREAS: ReadonlySet<ProductArea> = new Set(['data_loss', 'security']);

export interface SquadSpec {
  id: string;
  name: string;
  productAreas: ProductArea[];
  /** Share of the agent headcount. */
  headcount: number;
}

export const SQUAD_SPECS: readonly SquadSpec[] = [
  {
    id: 'sq-payments',
    name: 'Payments & Billing',
    productAreas: ['payments', 'billing', 'refunds'],
    headcount: 9,
  },
  { id: 'sq-orders', name: 'Orders & Delivery', productAreas: ['orders', 'delivery'], headcount: 8 },
  { id: 'sq-access', name: 'Accounts & Access', productAreas: ['account_access', 'general'], headcount: 6 },
  {
    id: 'sq-onboarding',
    name: 'Driver Onboarding',
    productAreas: ['onboarding', 'background_check'],
    headcount: 5,
  },
  {
    id: 'sq-app',
    name: 'Mobile App & Integrations',
    productAreas: ['app_crash', 'integrations'],
    headcount: 7,
  },
  { id: 'sq-trust', name: 'Trust & Data', productAreas: ['security', 'data_loss'], headcount: 5 },
];

/** Driver app versions, oldest first; the newest carries most tickets. */
export const APP_VERSIONS = ['5.10.4', '5.11.0', '5.11.2', '5.12.0', '5.12.1', '5.13.0'] as const;
export const DEVICES = [
  'Pixel 7 (Android 14)',
  'Galaxy S23 (Android 14)',
  'Galaxy A14 (Android 13)',
  'Moto G Power (Android 13)',
  'iPhone 13 (iOS 17.4)',
  'iPhone 15 (iOS 17.5)',
  'iPhone SE (iOS 16.7)',
] as const;
export const RELEASES = [
  'app-5.11.2',
  'app-5.12.1',
  'app-5.13.0',
  'api-2024.18',
  'api-2024.21',
  'payouts-311',
] as const;
