/** `m` on the open ticket: the macro library in a modal dialog. Esc closes it. */
import { useEffect, useRef } from 'react';
import type { ComponentProps } from 'react';
import { MacroBrowser } from './MacroBrowser';

type Props = Omit<ComponentProps<typeof MacroBrowser>, 'autoFocus'> & { onClose: () => void };

export function MacroPicker({ onClose, onApply, ...browser }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first button (the close ✕); the agent types into the search box.
    dialog?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="macro-picker"
      aria-label={`Macros for ${browser.ticket.ref}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Esc closes the picker at once (a search box would only clear itself first), not the ticket behind it.
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="macro-picker-head">
        <h2>Apply a macro to {browser.ticket.ref}</h2>
        <button type="button" className="ghost" aria-label="Close (Esc)" onClick={onClose}>
          ✕
        </button>
      </header>
      <MacroBrowser
        {...browser}
        autoFocus
        onApply={(prepared) => {
          // Close first: the dialog hands focus back on close, and the composer must end up with it.
          if (prepared.blocked === null) onClose();
          onApply(prepared);
        }}
      />
    </dialog>
  );
}
