import type { ReactNode } from 'react';
import type { Session } from '../data/api-client';
import type { LocalConsoleStore } from '../data/console-store';
import { useOpenStore } from '../data/use-console-store';

/** Opens the signed-in user's local store, says so while it opens or if it cannot, then renders with it. */
export function StoreGate({
  session,
  children,
}: {
  session: Session;
  children: (store: LocalConsoleStore) => ReactNode;
}) {
  const opened = useOpenStore(session);
  if (opened.status === 'opening') return <p className="centered">Opening the local workspace…</p>;
  if (opened.status === 'error') {
    return (
      <p role="alert" className="error centered">
        {opened.message}
      </p>
    );
  }
  return children(opened.store);
}
