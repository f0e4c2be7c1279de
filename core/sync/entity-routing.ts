/**
 * `routing.save`: admins edit the routing rules and which product areas each
 * squad owns, in one mutation so the two never disagree half-saved. The
 * server applies it in the push transaction like any entity mutation; routing
 * reads the saved rows for the next ticket.
 */
import type { RoutingRules } from '../routing/rules';
import { ROUTING_RULES_ID } from '../routing/rules';
import type { Squad } from '../workspace/model';
// Types only from entity-mutations.ts: it imports this file's handler, and a value import back would be a cycle.
import type { EntityOutcome, EntityWrite, Handler } from './entity-mutations';

const entityKey = (kind: string, id: string): string => `${kind}:${id}`;

/** The stored rules row: the rules plus who changed them last. */
export type RoutingRulesRow = RoutingRules & { id: string; updatedBy: string; updatedAt: number };

const rejected = (code: string, reason: string): EntityOutcome => ({ status: 'rejected', code, reason });

export const saveRouting: Handler<'routing.save'> = {
  reads: (args) => [
    { kind: 'routing_rules', id: ROUTING_RULES_ID },
    ...args.squads.map((s) => ({ kind: 'squad', id: s.squadId })),
    ...(args.rules.fallbackSquadId ? [{ kind: 'squad', id: args.rules.fallbackSquadId }] : []),
  ],
  apply(args, rows, ctx) {
    if (ctx.actor.role !== 'admin')
      return rejected('forbidden', 'Only admins can change routing rules and squads.');
    const ids = args.squads.map((s) => s.squadId);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) return rejected('invalid_args', `Squad ${twice} is listed twice.`);
    const owner = new Map<string, string>();
    for (const s of args.squads) {
      for (const area of s.productAreas) {
        const other = owner.get(area);
        if (other !== undefined && other !== s.name)
          return rejected('invalid_args', `${area} cannot belong to both ${other} and ${s.name}.`);
        owner.set(area, s.name);
      }
    }
    const fallback = args.rules.fallbackSquadId;
    if (fallback !== null && !ids.includes(fallback) && !rows.has(entityKey('squad', fallback)))
      return rejected('unknown_squad', `The fallback squad "${fallback}" does not exist.`);

    const rules: RoutingRulesRow = {
      ...args.rules,
      id: ROUTING_RULES_ID,
      updatedBy: ctx.actor.id,
      updatedAt: ctx.now,
    };
    const writes: EntityWrite[] = args.squads.map((s) => {
      const existing = rows.get(entityKey('squad', s.squadId)) as Squad | undefined;
      const squad: Squad = {
        ...existing,
        id: s.squadId,
        name: s.name,
        productAreas: [...new Set(s.productAreas)],
      };
      return { kind: 'squad', id: squad.id, data: { ...squad } };
    });
    // The rules row last: the mutation's syncId points at it.
    writes.push({ kind: 'routing_rules', id: ROUTING_RULES_ID, data: { ...rules } });
    return { status: 'applied', writes };
  },
};
