/**
 * Routing rules: how a triaged ticket finds its squad and its agent. Squads own
 * product areas (core/workspace/model.ts); these rules add what the ownership
 * map cannot say — where Enterprise customers go, which skills an agent needs,
 * how work is shared inside a squad, and where a ticket goes when no squad owns
 * its area. One row per workspace (kind `routing_rules`, id `default`), edited
 * by admins and synced like any other row.
 */
import { z } from 'zod';

export const ROUTING_RULES_ID = 'default';

export const ROUTING_STRATEGIES = ['least_loaded', 'round_robin'] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

export const routingRulesSchema = z.strictObject({
  /** least_loaded: fewest open tickets first; round_robin: the next agent after the last one picked. */
  strategy: z.enum(ROUTING_STRATEGIES),
  /** Enterprise customers with a named account manager go to that manager (the account team). */
  enterpriseToAccountManager: z.boolean(),
  /** An agent must list the ticket's product area in their skills. */
  requireAreaSkill: z.boolean(),
  /** An agent must list the ticket's channel (email, chat, phone, portal) in their skills. */
  requireChannelSkill: z.boolean(),
  /** Open tickets an agent may hold before routing passes them over; null = no cap. */
  maxOpenPerAgent: z.number().int().min(1).max(1000).nullable(),
  /** Squad for tickets whose area no squad owns; null leaves them unrouted for a supervisor. */
  fallbackSquadId: z.string().min(1).max(128).nullable(),
});
export type RoutingRules = z.infer<typeof routingRulesSchema>;

export const DEFAULT_ROUTING_RULES: RoutingRules = {
  strategy: 'least_loaded',
  enterpriseToAccountManager: true,
  requireAreaSkill: true,
  requireChannelSkill: false,
  maxOpenPerAgent: null,
  fallbackSquadId: null,
};
