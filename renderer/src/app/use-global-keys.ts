/**
 * Console-wide keys: Ctrl/⌘+K opens the command palette (anywhere, even while
 * typing: it is what the key means in every modern tool, and the browser's own
 * use of it — focusing its search bar — is not what an agent wants here); `?`
 * opens the shortcut list when focus is not in a field.
 */
import { useEffect, useRef } from 'react';
import { isInDialog, isTypingTarget } from './keyboard';

export function useGlobalKeys(handlers: { palette: () => void; cheatSheet: () => void }): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        latest.current.palette();
      } else if (
        event.key === '?' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !isTypingTarget(event.target) &&
        !isInDialog(event.target)
      ) {
        event.preventDefault();
        latest.current.cheatSheet();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
