/** Outage credits (SLA refunds). */
export * from './downtime';
export * from './outage-credit';
