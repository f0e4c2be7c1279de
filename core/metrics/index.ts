/** Support KPIs: pure single-pass functions over tickets and contact records. */
export * from './stats';
export * from './window';
export * from './contact';
export * from './aht';
export * from './fcr';
export * from './backlog';
export * from './response-times';
export * from './sla-compliance';
export * from './satisfaction';
export * from './queue';
export * from './targets';
export * from '../util/csv';
export * from './call-log';
export * from './call-log-kpis';
export * from './wallboard';
