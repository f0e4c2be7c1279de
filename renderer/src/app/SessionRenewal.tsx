/**
 * When the server refuses the session (expired, revoked), sign in again over
 * whatever is on screen — the console or a wall screen's board — and hand the
 * new token to the store, which resumes sync with the outbox intact.
 */
import type { Session } from '../data/api-client';
import type { LocalConsoleStore } from '../data/console-store';
import { LoginScreen } from './LoginScreen';

interface Props {
  needsSignIn: boolean;
  session: Session;
  store: LocalConsoleStore;
  onSessionRenewed: (session: Session) => void;
}

export function SessionRenewal({ needsSignIn, session, store, onSessionRenewed }: Props) {
  if (!needsSignIn) return null;
  return (
    <LoginScreen
      renewFor={session.user.email}
      onSignedIn={(renewed) => {
        onSessionRenewed(renewed);
        store.signedInAgain(renewed);
      }}
    />
  );
}
