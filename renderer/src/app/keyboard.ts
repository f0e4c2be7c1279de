/** Letter shortcuts are text while the agent types: every key handler asks this first. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Inside an open modal dialog (its own keys and fields): console-wide letters stay out. */
export function isInDialog(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('dialog[open], [role="dialog"]') !== null;
}
