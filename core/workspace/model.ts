/**
 * The workspace: who works in it (users), how they are organised (squads that
 * own product areas), and the product areas tickets, KB articles and macros are
 * filed under.
 */

/**
 * Product areas of Spark Drive. Drivers report payouts, order discrepancies,
 * app crashes, background checks and account access; the Bitext sample adds
 * invoices / cancellation fees (`billing`, the subscription side, as opposed to
 * driver `payments`) and contact / feedback requests (`general`).
 */
export const PRODUCT_AREAS = [
  'payments',
  'billing',
  'refunds',
  'orders',
  'delivery',
  'account_access',
  'onboarding',
  'background_check',
  'app_crash',
  'integrations',
  'data_loss',
  'security',
  'general',
] as const;
export type ProductArea = (typeof PRODUCT_AREAS)[number];

export const PRODUCT_AREA_LABELS: Record<ProductArea, string> = {
  payments: 'Payments & payouts',
  billing: 'Billing & invoices',
  refunds: 'Refunds',
  orders: 'Orders',
  delivery: 'Delivery',
  account_access: 'Account access',
  onboarding: 'Onboarding',
  background_check: 'Background check',
  app_crash: 'App crash',
  integrations: 'Integrations',
  data_loss: 'Data loss',
  security: 'Security',
  general: 'General',
};

export function isProductArea(value: string): value is ProductArea {
  return (PRODUCT_AREAS as readonly string[]).includes(value);
}

export const USER_ROLES = ['agent', 'supervisor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: string;
  name: string;
  /** Login name; unique in the workspace. */
  email: string;
  role: UserRole;
  squadIds: string[];
  /** Routing skills: product areas, channels and languages, e.g. `payments`, `phone`, `lang:es`. */
  skills: string[];
}

/** A team that owns product areas; routing sends a ticket to the squad owning its area. */
export interface Squad {
  id: string;
  name: string;
  productAreas: string[];
}

export interface Workspace {
  id: string;
  name: string;
  /** Prefix of human ticket references, e.g. `SD` for SD-10234. */
  refPrefix: string;
}
