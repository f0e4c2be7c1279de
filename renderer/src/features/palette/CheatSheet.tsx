/** `?`: every keyboard shortcut on one card, so agents never have to reach for the mouse. */
import { useEffect, useRef } from 'react';

export const SHORTCUTS: readonly (readonly [keys: string, does: string])[] = [
  ['j / k', 'Next / previous ticket in the queue'],
  ['Enter', 'Open the ticket'],
  ['x  ·  Shift+x', 'Select the ticket  ·  select a range (bulk actions)'],
  ['/', 'Search the queue'],
  ['Ctrl+K  ·  ⌘K', 'Command palette: tickets, customers, macros, articles, commands'],
  ['r  ·  n', 'Reply  ·  internal note'],
  ['Ctrl+Enter  ·  ⌘Enter', 'Send'],
  ['m  ·  u', 'Apply a macro  ·  undo the last macro'],
  ['a', 'Assign the ticket to me'],
  ['s', 'Resolve (with root cause, workaround, fix ETA, release)'],
  ['Esc', 'Leave the field, then close the ticket'],
  ['?', 'This list'],
];

export function CheatSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="resolve-dialog cheat-sheet"
      aria-labelledby="cheat-title"
      onClose={onClose}
    >
      <div className="resolve-form">
        <h2 id="cheat-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, does]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-buttons">
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
