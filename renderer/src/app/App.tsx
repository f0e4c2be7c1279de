import { useState } from 'react';
import type { Session } from '../data/api-client';
import { clearSession, loadSession, saveSession } from '../data/session';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { isWallboardLocation } from '../features/wallboard/board-query';
import { Wallboard } from '../features/wallboard/Wallboard';
import { Console } from './Console';
import { LoginScreen } from './LoginScreen';

export function App() {
  // A saved session opens the console straight on local data, even offline.
  const [session, setSession] = useState<Session | null>(loadSession);
  const signIn = (s: Session) => {
    saveSession(s);
    setSession(s);
  };
  // Desktop settings (server URL…) are reachable before signing in: the server may need setting first.
  if (window.location.pathname === '/settings') return <SettingsScreen />;
  if (!session) return <LoginScreen onSignedIn={signIn} />;
  // Web mode: a wall screen's browser opens /wallboard directly; the desktop app's window uses ?view=wallboard.
  if (isWallboardLocation(window.location)) return <Wallboard session={session} onSessionRenewed={signIn} />;
  return (
    <Console
      session={session}
      onSessionRenewed={signIn}
      onSignOut={() => {
        clearSession();
        setSession(null);
      }}
    />
  );
}
