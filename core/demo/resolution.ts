/**
 * Resolution metadata (root cause, workaround, fix ETA, release) for generated
 * tickets, so root-cause groupings in reports have something to group.
 */
import type { Resolution } from '../tickets/model';
import type { ProductArea } from '../workspace/model';
import { RELEASES } from './catalog';
import type { Rng } from './random';

interface Cause {
  rootCause: string;
  workaround: string;
  /** A defect: gets a fix ETA or the release that shipped the fix. */
  defect: boolean;
}

const HOW_TO: Cause = {
  rootCause: 'How-to question',
  workaround: 'Explained the steps; shared the help-centre article.',
  defect: false,
};

const CAUSES: Record<ProductArea, readonly Cause[]> = {
  payments: [
    {
      rootCause: 'Bank account failed payout verification',
      workaround: 'Driver re-entered bank details; held payout released.',
      defect: false,
    },
    {
      rootCause: 'Bank transfer delay (ACH)',
      workaround: 'Payout traced with provider; arrived within 3 business days.',
      defect: false,
    },
    {
      rootCause: 'Peak-pay bonus not applied to delayed pickups',
      workaround: 'Manual earnings adjustment.',
      defect: true,
    },
    {
      rootCause: 'Instant Pay rejects prepaid debit cards',
      workaround: 'Driver added a supported debit card.',
      defect: false,
    },
  ],
  billing: [
    HOW_TO,
    {
      rootCause: 'Invoice emailed to outdated billing contact',
      workaround: 'Updated billing contact; resent invoice.',
      defect: false,
    },
    {
      rootCause: 'Proration error on plan change',
      workaround: 'Credit note issued for the difference.',
      defect: true,
    },
  ],
  refunds: [
    HOW_TO,
    {
      rootCause: 'Refund pending with card issuer',
      workaround: 'Shared refund reference; issuer posts within 5–10 days.',
      defect: false,
    },
    {
      rootCause: 'Refund request missed the 30-day window',
      workaround: 'Goodwill credit applied.',
      defect: false,
    },
  ],
  orders: [
    HOW_TO,
    {
      rootCause: 'Merchant sealed the wrong items',
      workaround: 'Driver compensated; merchant notified.',
      defect: false,
    },
    {
      rootCause: 'Order cancelled after pickup by merchant',
      workaround: 'Full delivery fee paid plus compensation.',
      defect: false,
    },
    {
      rootCause: 'Order status not refreshed after reassignment',
      workaround: 'Pull to refresh the order list.',
      defect: true,
    },
  ],
  delivery: [
    HOW_TO,
    {
      rootCause: 'Geocoding placed the drop-off pin on the wrong street',
      workaround: 'Corrected the address pin manually.',
      defect: true,
    },
    {
      rootCause: 'Delivery zone settings outdated',
      workaround: 'Updated delivery zones for the driver.',
      defect: false,
    },
  ],
  account_access: [
    HOW_TO,
    {
      rootCause: 'Password reset email filtered as spam',
      workaround: 'Whitelisted sender; resent the reset link.',
      defect: false,
    },
    {
      rootCause: 'Phone number changed; SMS code sent to old number',
      workaround: 'Verified identity and updated the phone number.',
      defect: false,
    },
  ],
  onboarding: [
    HOW_TO,
    {
      rootCause: 'Document photo rejected by automatic quality check',
      workaround: 'Driver re-uploaded a clearer photo.',
      defect: false,
    },
    {
      rootCause: 'Sign-up form fails on older Android WebView',
      workaround: 'Completed sign-up on the web.',
      defect: true,
    },
  ],
  background_check: [
    {
      rootCause: 'County court record search delayed',
      workaround: 'No action needed; check completed by the partner.',
      defect: false,
    },
    {
      rootCause: "Driver's license number mismatch",
      workaround: 'Driver re-uploaded the license; check resumed.',
      defect: false,
    },
    {
      rootCause: 'Screening partner webhook not received',
      workaround: 'Status re-synced manually from the partner portal.',
      defect: true,
    },
  ],
  app_crash: [
    {
      rootCause: 'Crash on launch with corrupted map cache',
      workaround: 'Clear the app cache and log in again.',
      defect: true,
    },
    {
      rootCause: 'Photo upload crash on weak connections',
      workaround: "Turn off 'High quality photos'.",
      defect: true,
    },
    { rootCause: 'Outdated app version', workaround: 'Updated the app from the store.', defect: false },
  ],
  integrations: [
    {
      rootCause: 'Webhook signing secret changed with API key rotation',
      workaround: 'Customer updated the signing secret; events replayed.',
      defect: false,
    },
    {
      rootCause: 'Export job timeout on ranges over 31 days',
      workaround: 'Export in monthly ranges.',
      defect: true,
    },
    {
      rootCause: 'Duplicate events on webhook retries',
      workaround: 'Deduplicate on event ID.',
      defect: true,
    },
  ],
  data_loss: [
    {
      rootCause: 'History sync failed after device migration',
      workaround: 'Re-synced history from the server; statements available on the web.',
      defect: true,
    },
    {
      rootCause: 'Failed import job removed delivery records',
      workaround: 'Records restored from the nightly backup.',
      defect: true,
    },
  ],
  security: [
    {
      rootCause: 'Credential stuffing with a reused password',
      workaround: 'Sessions revoked, password reset, 2-step verification enabled.',
      defect: false,
    },
    {
      rootCause: 'Phishing email impersonating Spark Drive',
      workaround: 'Account secured; phishing domain reported for takedown.',
      defect: false,
    },
    {
      rootCause: 'Payout details changed after SIM swap',
      workaround: 'Payout changes locked; payout reissued after identity check.',
      defect: true,
    },
  ],
  general: [
    HOW_TO,
    { rootCause: 'Feedback recorded', workaround: 'Shared with the product team.', defect: false },
  ],
};

const DAY = 86_400_000;

export function drawResolution(rng: Rng, area: ProductArea, resolvedAt: number): Resolution {
  const cause = rng.pick(CAUSES[area]);
  if (!cause.defect)
    return { rootCause: cause.rootCause, workaround: cause.workaround, fixEta: null, releaseId: null };
  const shipped = rng.chance(0.45);
  return {
    rootCause: cause.rootCause,
    workaround: cause.workaround,
    fixEta: shipped ? null : resolvedAt + rng.between(5, 40) * DAY,
    releaseId: shipped ? rng.pick(RELEASES) : null,
  };
}
