/**
 * Import a telephony export (CSV) as contact records. The calls reach this
 * board, and every other client, through the normal sync once the server has
 * stored them. Rows that cannot be read are listed by line; the rest import.
 */
import { format } from 'date-fns';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../data/api-client';
import { importCallLog, type ImportAnswer } from './import-call-log';

const ERRORS_SHOWN = 20;
/** Mirrors the server's bound, so an oversized file is refused before it is uploaded. */
const MAX_BYTES = 8 * 1024 * 1024;

export function ImportDialog({
  token,
  boardWindow,
  onClose,
}: {
  token: string;
  boardWindow: { from: number; to: number };
  onClose: () => void;
}) {
  const file = useRef<HTMLInputElement>(null);
  const [offset, setOffset] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return setError('Choose a CSV file first.');
    if (chosen.size > MAX_BYTES) {
      return setError(
        `${chosen.name} is ${(chosen.size / 2 ** 20).toFixed(1)} MiB; the limit is 8 MiB. Split it by month.`,
      );
    }
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await importCallLog(token, await chosen.text(), offset * 60));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : `The import failed: ${String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  const outside =
    answer && answer.to !== null && (answer.to < boardWindow.from || (answer.from ?? 0) >= boardWindow.to);
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        onSubmit={submit}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="import-title">Import a call log</h2>
        <p className="hint">
          A telephony export as CSV, with columns for date, time, answered, resolved, speed of answer, talk
          duration and satisfaction (agent, topic and call id when present). Importing the same file again
          replaces its calls; nothing is counted twice.
        </p>
        <label>
          CSV file
          <input ref={file} type="file" accept=".csv,text/csv" required autoFocus />
        </label>
        <label>
          Times in the file are UTC
          <select
            value={offset}
            onChange={(e) => setOffset(Number(e.target.value))}
            aria-label="UTC offset of the times in the file"
          >
            {Array.from({ length: 27 }, (_, i) => i - 12).map((h) => (
              <option key={h} value={h}>
                {h === 0 ? '±0 h' : `${h > 0 ? '+' : '−'}${Math.abs(h)} h`}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {answer && (
          <div role="status" className="import-result">
            <p>
              <strong>{answer.imported.toLocaleString('en')}</strong> calls imported (
              {answer.created.toLocaleString('en')} new, {answer.replaced.toLocaleString('en')} already there)
              of {answer.rows.toLocaleString('en')} rows
              {answer.from !== null &&
                answer.to !== null &&
                `, ${format(answer.from, 'd MMM yyyy')} – ${format(answer.to, 'd MMM yyyy')}`}
              .
            </p>
            {outside && (
              <p className="hint">
                These calls are outside the board’s window, so its figures do not change.
              </p>
            )}
            {answer.errorCount > 0 && (
              <>
                <p>{answer.errorCount.toLocaleString('en')} rows could not be read and were left out:</p>
                <ul className="import-errors">
                  {answer.errors.slice(0, ERRORS_SHOWN).map((e) => (
                    <li key={`${e.line}:${e.message}`}>
                      line {e.line}: {e.message}
                    </li>
                  ))}
                  {answer.errorCount > ERRORS_SHOWN && <li>… and {answer.errorCount - ERRORS_SHOWN} more</li>}
                </ul>
              </>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </div>
  );
}
