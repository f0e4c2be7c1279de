/** Routing of triaged tickets to squads and agents, by admin-editable rules. Pure. */
export type { RoutableTicket, RoutingAgent, RoutingDecision, RoutingInput } from './route';
export { routeTicket, squadForArea } from './route';
export type { RoutingRules, RoutingStrategy } from './rules';
export { DEFAULT_ROUTING_RULES, ROUTING_RULES_ID, ROUTING_STRATEGIES, routingRulesSchema } from './rules';
