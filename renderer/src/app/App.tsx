import { lazy, Suspense, useState } from 'react';
import type { Session } from '../data/api-client';
import { clearSession, loadSession, saveSession } from '../data/session';
import { isWallboardLocation } from '../features/wallboard/board-query';
import { Console } from './Console';
import { LoginScreen } from './LoginScreen';

// Screens the console does not start on load their code when opened (the wallboard's charts
// alone are a third of the bundle), so a start compiles only what the console needs.
const Wallboard = lazy(() =>
  import('../features/wallboard/Wallboard').then((m) => ({ default: m.Wallboard })),
);
const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);

/** Desktop settings (server URL…) are reachable before signing in: the server may need setting first. */
export const isSettingsLocation = (location: Location) => location.pathname === '/settings';

export function App() {
  // A saved session opens the console straight on local data, even offline.
  const [session, setSession] = useState<Session | null>(loadSession);
  const signIn = (s: Session) => {
    saveSession(s);
    setSession(s);
  };
  if (isSettingsLocation(window.location))
    return (
      <Suspense>
        <SettingsScreen />
      </Suspense>
    );
  if (!session) return <LoginScreen onSignedIn={signIn} />;
  // Web mode: a wall screen's browser opens /wallboard directly; the desktop app's window uses ?view=wallboard.
  if (isWallboardLocation(window.location))
    return (
      <Suspense>
        <Wallboard session={session} onSessionRenewed={signIn} />
      </Suspense>
    );
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
