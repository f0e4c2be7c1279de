import { useEffect, useRef } from 'react';
import { isInDialog, isTypingTarget } from './keyboard';

/** Single-key actions on the open ticket: r reply, n internal note, s resolve, a assign to me, m macros, u undo macro. */
export interface TicketShortcuts {
  reply?: () => void;
  note?: () => void;
  resolve?: () => void;
  assign?: () => void;
  /** m: the macro picker. */
  macros?: () => void;
  /** u: undo the last macro applied to this ticket. */
  undoMacro?: () => void;
}

/**
 * Letters are text while the agent types, so they only act when focus is not in a
 * field and no modal dialog is open (a dialog's own fields already swallow them;
 * this also covers a focused dialog button).
 */
function shouldIgnore(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  return isTypingTarget(event.target) || isInDialog(event.target);
}

const KEYS: Record<string, keyof TicketShortcuts> = {
  r: 'reply',
  n: 'note',
  s: 'resolve',
  a: 'assign',
  m: 'macros',
  u: 'undoMacro',
};

/** Installs the r / n / s / a shortcuts while `enabled` (a ticket is open). */
export function useTicketShortcuts(enabled: boolean, shortcuts: TicketShortcuts): void {
  // Latest handlers without re-subscribing on every render.
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKey(event: KeyboardEvent) {
      if (shouldIgnore(event)) return;
      const name = KEYS[event.key];
      const handler = name ? latest.current[name] : undefined;
      if (!handler) return;
      // Otherwise the letter would land in the composer that `r` / `n` just focused.
      event.preventDefault();
      handler();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
