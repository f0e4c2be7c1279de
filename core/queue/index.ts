/**
 * The queue's view model: saved views (filter + sort), the search box parser,
 * and running a view over the local tickets fast enough for every keystroke.
 */
export type { QueueContext, QueueFilter, QueueSort, QueueView, SortColumn } from './types';
export { BUILT_IN_VIEWS, DEFAULT_VIEW_ID } from './views';
export { applyView, countByView, filterReadsClock, viewReadsClock } from './apply';
export { parseQuery } from './query';
export { countByViewIn, scopeOf, ticketsFor, type TicketScope } from './open-tickets';
