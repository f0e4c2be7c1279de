/**
 * `ticket.set_fields`: guarded fields (priority, assignee, squad). A write lands
 * only if what the agent saw (`base`) is still what the server has; otherwise the
 * agent gets a conflict naming who changed the field and when, instead of
 * silently overwriting a colleague.
 */
import type { Ticket } from '../tickets/model';
import type { ApplyContext, ApplyOutcome } from './apply-types';
import { reject } from './apply-types';
import type { FieldConflict, GuardedField, MutationArgs, MutationBase } from './protocol';
import { GUARDED_FIELDS } from './protocol';

type SetArgs = MutationArgs<'ticket.set_fields'>;

export function applySetFields(
  ticket: Ticket,
  args: SetArgs,
  base: MutationBase,
  ctx: ApplyContext,
): ApplyOutcome {
  // `{ assigneeId: undefined }` passes the schema's "at least one key" check in
  // process (JSON cannot carry it), so count only fields with a value.
  const fields = GUARDED_FIELDS.filter((f) => args.set[f] !== undefined);
  if (fields.length === 0) return reject('invalid_args', 'set: set at least one field');

  const missing = fields.filter((f) => base?.[f] === undefined);
  if (missing.length > 0 || base == null) {
    return reject(
      'missing_base',
      `Changing ${missing.join(', ')} needs the value you saw (base), so a colleague's change is not overwritten.`,
    );
  }

  if (fields.includes('assigneeId')) {
    const denied = assignDenied(ticket, args.set.assigneeId ?? null, base.assigneeId ?? null, ctx);
    if (denied) return reject('forbidden', denied);
  }

  const applied: GuardedField[] = [];
  let noops = 0;
  const conflicts: FieldConflict[] = [];
  for (const field of fields) {
    const wanted = args.set[field];
    const theirs = ticket[field];
    const seen = base[field];
    if (theirs === wanted) {
      // Someone (maybe this agent on another device) already made the same change.
      noops += 1;
    } else if (seen === theirs) {
      applied.push(field);
    } else {
      const stamp = ticket.fieldChanges?.[field];
      conflicts.push({
        field,
        yours: wanted,
        theirs,
        base: seen,
        by: stamp?.by ?? null,
        at: stamp?.at ?? null,
      });
    }
  }

  let next = ticket;
  if (applied.length > 0) {
    const patch: SetArgs['set'] = {};
    const fieldChanges = { ...ticket.fieldChanges };
    for (const field of applied) {
      copyField(patch, args.set, field);
      fieldChanges[field] = { by: ctx.actor.id, at: ctx.now };
    }
    next = { ...ticket, ...patch, fieldChanges, updatedAt: ctx.now };
  }

  if (conflicts.length > 0)
    return { status: 'conflict', ticket: applied.length > 0 ? next : null, conflicts };
  return { status: noops === 0 ? 'applied' : 'merged', ticket: next };
}

/**
 * Why an agent may not make this assignment, or null when they may. Agents pick
 * up work for themselves and can drop their own tickets; routing work to a
 * colleague is a supervisor's call. Supervisors and admins may assign anyone.
 */
function assignDenied(
  ticket: Ticket,
  wanted: string | null,
  seen: string | null,
  ctx: ApplyContext,
): string | null {
  if (ctx.actor.role !== 'agent') return null;
  if (wanted === ctx.actor.id) return null;
  if (wanted === null) {
    // Unassigning is allowed when the ticket is the agent's own. Also accepting
    // "was mine when I looked" lets a concurrent reassignment surface as a
    // conflict (who took it, when) rather than a bare "forbidden"; it grants
    // nothing, because the write only lands when base equals the server value.
    if (ticket.assigneeId === ctx.actor.id || seen === ctx.actor.id) return null;
    return 'Agents can only unassign tickets assigned to themselves; ask a supervisor to reassign this one.';
  }
  return 'Agents can only assign tickets to themselves; ask a supervisor to assign it to someone else.';
}

// Generic so the value's type follows the key; indexing with the union key would not typecheck.
function copyField<T, K extends keyof T>(to: T, from: T, key: K): void {
  to[key] = from[key];
}
