/**
 * Applying a macro and undoing it. Apply queues the planned field changes through
 * the outbox and puts the rendered reply in the composer for the agent to edit
 * and send (Ctrl+Enter): a macro never sends on its own. Undo reverts the field
 * changes and gives the composer its previous text back, while the ticket still
 * allows it (core/macros planUndo).
 */
import { useCallback, useState } from 'react';
import type { RefObject } from 'react';
import type { MacroPlan, PreparedMacro } from '../../../../core/macros';
import { planUndo } from '../../../../core/macros';
import type { Ticket } from '../../../../core/tickets/model';
import type { ConsoleStore } from '../../data/types';
import type { ComposerHandle } from '../ticket/Composer';
import { queuePlanned } from './queue-planned';

export interface AppliedMacro {
  ticketId: string;
  macroName: string;
  plan: MacroPlan;
  previousDraft: string;
}

export type MacroNotice = { kind: 'applied' | 'undone' | 'error'; text: string; ticketId: string };

export interface MacroRunner {
  /** The last macro applied to `ticket`, while it can still be undone. */
  last: AppliedMacro | null;
  notice: MacroNotice | null;
  apply(prepared: PreparedMacro): Promise<boolean>;
  undo(): Promise<void>;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useMacroRunner(
  store: ConsoleStore,
  ticket: Ticket,
  composer: RefObject<ComposerHandle | null>,
): MacroRunner {
  const [applied, setApplied] = useState<AppliedMacro | null>(null);
  const [notice, setNotice] = useState<MacroNotice | null>(null);
  const ticketId = ticket.id;

  const apply = useCallback(
    async (prepared: PreparedMacro): Promise<boolean> => {
      // Refused: the preview already says why, in place; nothing is queued.
      if (prepared.blocked !== null || prepared.plan === null) return false;
      const previousDraft = composer.current?.draft() ?? '';
      try {
        await queuePlanned(store, prepared.plan.mutations);
      } catch (e) {
        setNotice({ kind: 'error', text: errorText(e), ticketId });
        return false;
      }
      composer.current?.setDraft(prepared.text, 'public_reply');
      setApplied({ ticketId, macroName: prepared.macro.name, plan: prepared.plan, previousDraft });
      setNotice({ kind: 'applied', text: `Applied “${prepared.macro.name}”.`, ticketId });
      return true;
    },
    [store, composer, ticketId],
  );

  const last = applied?.ticketId === ticket.id ? applied : null;

  const undo = useCallback(async () => {
    if (!last) return;
    const plan = planUndo(last.plan, ticket);
    if (!plan.ok) {
      setNotice({ kind: 'error', text: plan.reason, ticketId: last.ticketId });
      setApplied(null);
      return;
    }
    try {
      await queuePlanned(store, plan.mutations);
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e), ticketId: last.ticketId });
      return;
    }
    composer.current?.setDraft(last.previousDraft, 'public_reply');
    setApplied(null);
    setNotice({ kind: 'undone', text: `Undid “${last.macroName}”.`, ticketId: last.ticketId });
  }, [last, ticket, store, composer]);

  return { last, notice: notice?.ticketId === ticket.id ? notice : null, apply, undo };
}
