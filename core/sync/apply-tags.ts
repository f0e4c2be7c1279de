/**
 * `ticket.tags`: a set-like field. Adds and removes from several agents merge
 * instead of conflicting, because each names only the tags it touches. Edits to
 * different tags commute; an add and a remove of the same tag resolve in server
 * order (the later one wins), as with any register.
 */
import type { Ticket } from '../tickets/model';
import type { ApplyContext, ApplyOutcome } from './apply-types';
import type { MutationArgs } from './protocol';

export function applyTags(
  ticket: Ticket,
  args: MutationArgs<'ticket.tags'>,
  ctx: ApplyContext,
): ApplyOutcome {
  const tags = mergeTags(ticket.tags, args.add, args.remove);
  const unchanged = tags.length === ticket.tags.length && tags.every((t, i) => t === ticket.tags[i]);
  // Someone already made this edit: report it as merged and leave the row alone.
  if (unchanged) return { status: 'merged', ticket };
  return { status: 'applied', ticket: { ...ticket, tags, updatedAt: ctx.now } };
}

/**
 * (current ∪ add) − remove, keeping the current order and appending new tags, so
 * the chips in the console do not jump around. Case-sensitive: tags are
 * identifiers, and folding case would merge tags an admin keeps apart.
 */
export function mergeTags(
  current: readonly string[],
  add: readonly string[],
  remove: readonly string[],
): string[] {
  const removed = new Set(remove);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of [...current, ...add]) {
    if (removed.has(tag) || seen.has(tag)) continue;
    seen.add(tag);
    out.push(tag);
  }
  return out;
}
