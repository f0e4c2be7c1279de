import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { validateResolution } from '../../../../core/tickets/lifecycle';
import type { Resolution, Ticket } from '../../../../core/tickets/model';
import type { ConsoleStore } from '../../data/types';

interface Props {
  ticket: Ticket;
  store: ConsoleStore;
  /** Called on cancel (Esc, Cancel) and after a successful resolve; the parent unmounts the dialog. */
  onClose: () => void;
  /** Where focus goes on close when the element that opened the dialog is gone (e.g. the Resolve button, once resolved). */
  onFocusLost?: () => void;
}

/** `<input type="date">` gives "YYYY-MM-DD"; local midnight, so the date reads back as typed in this zone. */
function dateToEpoch(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

function epochToDate(ms: number | null | undefined): string {
  if (ms == null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The resolution form as a modal <dialog>. Mount it to open it: the component owns
 * showModal/close so focus moves to the first field on open and back to whatever
 * had it (the Resolve button) on close.
 */
export function ResolveDialog({ ticket, store, onClose, onFocusLost }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  // A reopened ticket keeps its previous resolution: start from it rather than from nothing.
  const prev = ticket.resolution;
  const [rootCause, setRootCause] = useState(prev?.rootCause ?? '');
  const [workaround, setWorkaround] = useState(prev?.workaround ?? '');
  const [fixEta, setFixEta] = useState(epochToDate(prev?.fixEta));
  const [releaseId, setReleaseId] = useState(prev?.releaseId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    firstRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (returnTo?.isConnected && returnTo !== document.body) returnTo.focus();
      else onFocusLost?.();
    };
    // Open once per mount: a new onFocusLost identity on re-render must not re-open the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const resolution: Resolution = {
      rootCause: rootCause.trim(),
      workaround: workaround.trim(),
      fixEta: dateToEpoch(fixEta),
      releaseId: releaseId.trim() === '' ? null : releaseId.trim(),
    };
    const problem = validateResolution(resolution);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      await store.mutate(
        'ticket.transition',
        { ticketId: ticket.id, event: 'resolve', resolution },
        { state: ticket.state },
      );
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    // Keep Esc from reaching the console's window handler, which would close the ticket too.
    if (event.key === 'Escape') event.stopPropagation();
    // Enter submits from the text areas as well (Shift+Enter for a new line).
    if (event.key === 'Enter' && !event.shiftKey && event.target instanceof HTMLTextAreaElement) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="resolve-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-hint`}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Native Esc: let React unmount us instead of the browser closing behind its back.
        e.preventDefault();
        onClose();
      }}
    >
      <form className="resolve-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${ids}-title`}>Resolve {ticket.ref}</h2>
        <p id={`${ids}-hint`} className="hint">
          A root cause, plus a workaround or the release that shipped the fix. Enter resolves, Esc cancels.
        </p>
        <label>
          <span>
            Root cause <span aria-hidden="true">*</span>
          </span>
          <textarea
            ref={firstRef}
            rows={2}
            required
            maxLength={4000}
            value={rootCause}
            onChange={(e) => setRootCause(e.target.value)}
          />
        </label>
        <label>
          Workaround
          <textarea
            rows={2}
            maxLength={4000}
            value={workaround}
            onChange={(e) => setWorkaround(e.target.value)}
          />
        </label>
        <div className="resolve-row">
          <label>
            Fix ETA
            <input type="date" value={fixEta} onChange={(e) => setFixEta(e.target.value)} />
          </label>
          <label>
            Release ID
            <input
              type="text"
              maxLength={128}
              value={releaseId}
              onChange={(e) => setReleaseId(e.target.value)}
            />
          </label>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Resolve
          </button>
        </div>
      </form>
    </dialog>
  );
}
