/**
 * Spark-Drive-specific ticket texts for the issues the public datasets do not
 * cover (driver payouts, background checks, app crashes, integrations, data
 * loss, security). Written for this project. Responses use the same
 * `{{Placeholder}}` slots as the Bitext responses (see templates.ts).
 */
import type { IssueTier } from '../tickets/model';
import type { ProductArea } from '../workspace/model';

export interface SparkIntent {
  intent: string;
  area: ProductArea;
  issueTier: IssueTier;
  utterances: readonly string[];
  responses: readonly string[];
}

export const SPARK_INTENTS: readonly SparkIntent[] = [
  {
    intent: 'payout_missing',
    area: 'payments',
    issueTier: 2,
    utterances: [
      "my weekly payout didn't arrive in my bank account",
      "I still haven't received the payout for last week",
      'payout shows as sent but the money is not in my account',
      'why is my direct deposit late this week',
      'earnings were supposed to be deposited on monday, nothing yet',
    ],
    responses: [
      "I'm sorry your payout hasn't arrived yet. I checked your driver account ({{Driver ID}}) and the payout of {{Amount}} was sent to the bank account on file. Bank transfers can take 1–3 business days to appear, depending on your bank. If it still isn't there after 3 business days, reply with a screenshot of your bank statement for that period and we'll open a trace with our payments provider right away.",
      'Thanks for your patience. Your last payout was held because the bank account on file failed verification. To release it:\n\n1. Open the Spark Drive app and go to Earnings → Payout settings.\n2. Re-enter your routing and account numbers.\n3. Confirm the small test deposit we send within 24 hours.\n\nOnce the account is verified, the held payout of {{Amount}} is released automatically with the next payout run.',
    ],
  },
  {
    intent: 'payout_amount_wrong',
    area: 'payments',
    issueTier: 2,
    utterances: [
      'my payout is less than what the app showed for my deliveries',
      "I was underpaid for yesterday's deliveries",
      'the mileage pay on my last trip looks wrong',
      'peak pay bonus was not added to my earnings',
      'why was a fee deducted from my earnings',
    ],
    responses: [
      'Thanks for flagging this. I reviewed the earnings breakdown for order {{Order Number}}: base pay and mileage were calculated correctly, but the peak-pay bonus was not applied because the pickup was delayed by the merchant. I have added the bonus of {{Amount}} as an adjustment; it will be included in your next payout.',
      "You're right — distance was calculated incorrectly for some trips on app version {{App Version}}. I've corrected the earnings for order {{Order Number}} and added an adjustment of {{Amount}}. It shows under Earnings → Adjustments within 24 hours and is paid out with your next payout.",
    ],
  },
  {
    intent: 'instant_cashout_failed',
    area: 'payments',
    issueTier: 2,
    utterances: [
      'instant cash out keeps failing',
      'cash out button says error 402 try again later',
      "I can't cash out my earnings to my debit card",
      'Instant Pay fails every time since I changed my card',
    ],
    responses: [
      "Sorry about the trouble cashing out. Instant cash-out needs a debit card that supports instant transfers; prepaid and some credit-union cards are declined with error 402. Please add a different debit card under Earnings → Instant Pay, or use the standard weekly payout, which isn't affected. Your balance of {{Amount}} is safe and still available.",
    ],
  },
  {
    intent: 'background_check_pending',
    area: 'background_check',
    issueTier: 2,
    utterances: [
      'my background check has been pending for two weeks',
      'how long does the background check take? it still says in progress',
      "background check stuck on pending, I can't start driving",
      'still waiting on my background check to clear',
      'the motor vehicle record check never finished',
    ],
    responses: [
      "Thanks for your patience while your background check is processed. Checks are run by our screening partner and usually finish within 3–5 business days; yours is waiting on a county court record search, which can take up to 10 business days. There's nothing you need to do right now — you'll get an email and an in-app notification as soon as it's complete.",
      "I looked into your application ({{Driver ID}}): the check was paused because the screening partner could not verify your driver's license number. Please re-upload a clear photo of the front and back of your license under Account → Documents. The check resumes automatically once it's uploaded, usually within 48 hours.",
    ],
  },
  {
    intent: 'background_check_result',
    area: 'background_check',
    issueTier: 2,
    utterances: [
      'my background check says consider, what does that mean',
      'I was rejected after the background check and I want to dispute it',
      "background check failed because my name doesn't match",
      'I need a copy of my background check report',
    ],
    responses: [
      "I understand this is frustrating. A 'consider' result means the report contains an item that needs review — it is not a rejection. You will receive an email with a copy of the report and instructions to dispute anything inaccurate directly with the screening partner. Disputes are usually resolved within 30 days, and your application stays open in the meantime.",
    ],
  },
  {
    intent: 'document_upload',
    area: 'onboarding',
    issueTier: 1,
    utterances: [
      "the app won't accept my driver's license photo",
      'how do I upload my vehicle insurance',
      'my insurance document was rejected',
      'where do I add my vehicle registration',
    ],
    responses: [
      "Happy to help you finish signing up! Documents are uploaded in the app under Account → Documents. Make sure the photo is well lit, shows all four corners and isn't expired — blurry or cropped photos are rejected automatically. Once all documents are approved, you can start your first delivery.",
    ],
  },
  {
    intent: 'order_discrepancy',
    area: 'orders',
    issueTier: 2,
    utterances: [
      'the order I picked up was missing items and the customer blamed me',
      'restaurant gave me the wrong order',
      'order was cancelled after I already picked it up',
      'I was charged for a missing item on my delivery',
    ],
    responses: [
      "Thanks for reporting the discrepancy on order {{Order Number}}. I've noted that the items were sealed by the merchant, so this won't count against your completion rating. Since the order was cancelled after pickup, you'll still receive the full delivery fee plus {{Amount}} as compensation in your next payout.",
    ],
  },
  {
    intent: 'app_crash_on_launch',
    area: 'app_crash',
    issueTier: 2,
    utterances: [
      'the app crashes as soon as I open it',
      'Spark Drive closes right after the splash screen since the update',
      'app keeps crashing on startup on my android',
      'black screen and then the app closes after login',
      "after updating the app it won't open anymore",
    ],
    responses: [
      "Thanks for the details and sorry for the interruption. We've identified a crash on launch in version {{App Version}} affecting some {{Device}} devices, and the fix ships in the next release. In the meantime, this gets you back on the road:\n\n1. Open your phone's Settings → Apps → Spark Drive → Storage.\n2. Tap Clear cache (not Clear data).\n3. Reopen the app and log in.\n\nIf it still crashes, reply with the time it happened and we'll pull the crash report for your device.",
    ],
  },
  {
    intent: 'app_crash_during_delivery',
    area: 'app_crash',
    issueTier: 2,
    utterances: [
      'the app crashes when I accept an order',
      'app freezes when I try to upload the delivery photo',
      'it crashes every time I open the map during a delivery',
      'app closes when I swipe to complete the delivery',
      'the app froze mid delivery and now the order is gone',
    ],
    responses: [
      "I'm sorry the app crashed in the middle of a delivery. Order {{Order Number}} was completed on our side, so you'll be paid for it. The crash happens in version {{App Version}} when the photo upload starts on a weak connection; updating to the latest version from the store fixes it. If you can't update yet, turning off 'High quality photos' under Settings → Delivery avoids the crash.",
    ],
  },
  {
    intent: 'webhook_failures',
    area: 'integrations',
    issueTier: 2,
    utterances: [
      'our webhook for completed deliveries stopped firing yesterday',
      'the API returns 401 since we rotated our key',
      'delivery status updates are no longer reaching our system',
      'we get duplicate order events from the webhook',
    ],
    responses: [
      'Thanks for the report. Since your API key rotation, webhook deliveries to your endpoint fail with HTTP 401 because the signing secret changed with the key. Please copy the new signing secret from Dashboard → Developers → Webhooks into your integration; we retry the failed events of the last 72 hours automatically once deliveries succeed again.',
    ],
  },
  {
    intent: 'export_sync',
    area: 'integrations',
    issueTier: 2,
    utterances: [
      'the CSV export of deliveries is empty',
      'our POS integration duplicates every order',
      'shift calendar sync with google stopped working',
      "the accounting export is missing last week's payouts",
    ],
    responses: [
      "Thanks for your patience. The export job for your account timed out because the date range was longer than 31 days. Please export in monthly ranges for now; we're raising the limit in an upcoming release. The files are generated within a few minutes and appear under Reports → Exports.",
    ],
  },
  {
    intent: 'history_missing',
    area: 'data_loss',
    issueTier: 3,
    utterances: [
      'all my delivery history disappeared after switching phones',
      'my earnings report for last month is blank',
      'the documents I uploaded are gone from my account',
      'my saved routes and zones have vanished',
      'trip history only shows the last 3 days',
    ],
    responses: [
      "Thank you for reporting this, and I'm sorry for the worry. Your delivery and earnings history is stored on our servers, not on your phone, and nothing has been deleted: the app on your new device shows a cached view that failed to sync. Engineering is restoring the sync for affected accounts. You can still download the full history from the web dashboard under Earnings → Statements, and I'll update this ticket as soon as the fix is confirmed.",
    ],
  },
  {
    intent: 'records_deleted',
    area: 'data_loss',
    issueTier: 3,
    utterances: [
      "our fleet's delivery records for March were deleted",
      'orders we imported yesterday have disappeared',
      'the admin console shows zero drivers for our account',
    ],
    responses: [
      'Thank you for escalating this right away. We confirmed that a failed import job removed delivery records from your account for the dates you mentioned. Engineering on-call is restoring them from the nightly backup, and we expect all records to be back within a few hours. We will share a root-cause report within 72 hours as set out in your support plan.',
    ],
  },
  {
    intent: 'suspicious_login',
    area: 'security',
    issueTier: 3,
    utterances: [
      "I got a login alert from a device I don't recognize",
      'I think my account was hacked',
      'someone logged into my account and changed my phone number',
      'I received a phishing email pretending to be Spark Drive',
    ],
    responses: [
      "Thanks for telling us right away — you did the right thing. I've signed your account out of all devices. Please set a new password now and turn on two-step verification under Account → Security. We never ask for your password or verification codes by email or phone; if you received such a message, forward it to security@sparkdrive.example. Our security team is reviewing the recent activity on your account.",
    ],
  },
  {
    intent: 'payout_account_changed',
    area: 'security',
    issueTier: 3,
    utterances: [
      'someone changed my payout bank account',
      "my earnings were sent to a bank account that isn't mine",
      'my payout details were changed without my permission',
    ],
    responses: [
      "I'm very sorry — I understand how alarming this is. I've locked payout changes on your account and our security team is investigating the change of bank details. Payouts are paused until you confirm your identity with the link we just sent. Once the investigation is complete, the payout of {{Amount}} sent to the wrong account will be reissued to your verified account.",
    ],
  },
];
