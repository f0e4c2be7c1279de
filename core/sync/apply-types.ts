/** The shapes shared by the merge rules; kept apart so the rule files do not import each other. */
import type { Message, Ticket } from '../tickets/model';
import type { FieldConflict } from './protocol';

export interface ApplyContext {
  /** Server time: the only clock any timestamp written by a mutation comes from. */
  now: number;
  actor: { id: string; role: 'agent' | 'supervisor' | 'admin' };
}

/**
 * What applying one mutation produced. When nothing changed, `ticket` is the very
 * object that was passed in, so the caller can skip the write with `!==`.
 */
export type ApplyOutcome =
  | { status: 'applied' | 'merged'; ticket: Ticket; message?: Message; conflicts?: FieldConflict[] }
  /** `ticket` carries the non-conflicting parts that were applied, or is null when nothing changed. */
  | { status: 'conflict'; ticket: Ticket | null; conflicts: FieldConflict[] }
  | { status: 'rejected'; code: string; reason: string };

export function reject(code: string, reason: string): ApplyOutcome {
  return { status: 'rejected', code, reason };
}
