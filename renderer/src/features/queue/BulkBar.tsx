/**
 * Bulk actions on the selected tickets: assign, priority, state, tag. Each is
 * planned with the same rules the server applies (core/sync planBulk), so the
 * agent sees up front how many will change and which are left out and why;
 * the changes are queued in one outbox step, so they work offline too.
 */
import { useState } from 'react';
import { planBulk, type BulkAction } from '../../../../core/sync';
import { LIFECYCLE_EVENTS, TRANSITIONS } from '../../../../core/tickets/lifecycle';
import { PRIORITIES, type Ticket } from '../../../../core/tickets/model';
import type { QueuedChange } from '../../data/types';

interface Props {
  selected: Ticket[];
  me: string;
  role: 'agent' | 'supervisor' | 'admin';
  mutateMany: (changes: readonly QueuedChange[]) => Promise<void>;
  onClear: () => void;
}

// Resolve and reopen need a resolution or a reason per ticket: they stay one-by-one.
const BULK_EVENTS = LIFECYCLE_EVENTS.filter((e) => e !== 'resolve' && e !== 'reopen');

export function BulkBar({ selected, me, role, mutateMany, onClear }: Props) {
  const [outcome, setOutcome] = useState<string | null>(null);
  const [tag, setTag] = useState('');

  async function run(action: BulkAction) {
    const plan = planBulk(selected, action, { now: Date.now(), actor: { id: me, role } });
    try {
      await mutateMany(plan.changes);
      const parts = [`${plan.changes.length} changed`];
      if (plan.unchanged.length) parts.push(`${plan.unchanged.length} already so`);
      if (plan.skipped.length) {
        const reasons = [...new Set(plan.skipped.map((s) => s.reason))].join(' ');
        parts.push(`${plan.skipped.length} left out: ${reasons}`);
      }
      setOutcome(parts.join(' · '));
    } catch (e) {
      setOutcome(`Nothing was changed: ${(e as Error).message}`);
    }
  }

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Bulk actions">
      <strong>{selected.length.toLocaleString()} selected</strong>
      <button type="button" onClick={() => void run({ type: 'assign', assigneeId: me })}>
        Assign to me
      </button>
      <button type="button" onClick={() => void run({ type: 'assign', assigneeId: null })}>
        Unassign
      </button>
      <select
        aria-label="Set priority"
        value=""
        onChange={(e) => {
          const priority = PRIORITIES.find((p) => p === e.target.value);
          if (priority) void run({ type: 'priority', priority });
        }}
      >
        <option value="">Priority…</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <select
        aria-label="Change state"
        value=""
        onChange={(e) => {
          const event = BULK_EVENTS.find((ev) => ev === e.target.value);
          if (event) void run({ type: 'transition', event });
        }}
      >
        <option value="">State…</option>
        {BULK_EVENTS.map((ev) => (
          <option key={ev} value={ev}>
            {TRANSITIONS[ev].label}
          </option>
        ))}
      </select>
      <form
        className="bulk-tag"
        onSubmit={(e) => {
          e.preventDefault();
          const value = tag.trim();
          if (value) void run({ type: 'add_tag', tag: value }).then(() => setTag(''));
        }}
      >
        <input
          aria-label="Add tag to selected"
          placeholder="Add tag…"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          maxLength={64}
        />
      </form>
      <button type="button" className="ghost" onClick={onClear}>
        Clear selection
      </button>
      {outcome && (
        <span className="bulk-outcome" role="status">
          {outcome}
        </span>
      )}
    </div>
  );
}
